// Gap (écart) between a QPV value and a reference territory, and how it moved between the baseline
// and the latest year. The law (loi Lamy 2014) aims at reducing these gaps, so the trend reads the
// QPV's disadvantage in the indicator's direction.
import { sqlString } from '../sql-string';
import type { Indicator } from '../schemas/indicators';
import { isRate } from './units';

/** A gap change below 0.5 point (rates) or 1 point of ratio (other units) reads 'stable'. */
export const GAP_STABLE_RATE_POINTS = 0.5;
export const GAP_STABLE_RATIO_POINTS = 1;

export const gapTrends = ['resserre', 'creuse', 'stable', 'indetermine'] as const;
export type GapTrend = (typeof gapTrends)[number];
export const gapTrendLabels: Record<GapTrend, string> = {
	resserre: 'écart réduit',
	creuse: 'écart creusé',
	stable: 'écart stable',
	indetermine: 'évolution de l’écart non interprétable'
};

export interface Gap {
	/** 'points' for rates (QPV − reference, in points); 'ratio' otherwise (QPV / reference × 100). */
	measure: 'points' | 'ratio';
	/** QPV − reference, in the indicator's unit (points for a rate). */
	difference: number | null;
	/** QPV / reference × 100 ('le QPV est à 52 % du niveau de la France'); null for a 0 reference. */
	ratioPercent: number | null;
	/** The value of the chosen measure. */
	value: number | null;
}

type Ind = Pick<Indicator, 'unit' | 'direction'>;

export function computeGap(indicator: Ind, qpv: number | null, reference: number | null): Gap {
	const measure = isRate(indicator.unit) ? 'points' : 'ratio';
	if (qpv === null || reference === null) {
		return { measure, difference: null, ratioPercent: null, value: null };
	}
	const difference = qpv - reference;
	const ratioPercent = reference === 0 ? null : (qpv / reference) * 100;
	return {
		measure,
		difference,
		ratioPercent,
		value: measure === 'points' ? difference : ratioPercent
	};
}

/**
 * How far the QPV is behind the reference, positive when behind: for 'up' indicators a lower
 * QPV value is a disadvantage, for 'down' a higher one; 'neutral' uses the gap's size.
 */
export function disadvantage(gap: Gap, direction: Indicator['direction']): number | null {
	if (gap.value === null) return null;
	const signed = gap.measure === 'points' ? gap.value : gap.value - 100;
	if (direction === 'neutral') return Math.abs(signed);
	return direction === 'down' ? signed : -signed;
}

export interface GapPair {
	qpv: number | null;
	reference: number | null;
}

/** Why a gap trend is 'indetermine': shared by gapTrend and gapTrendSql. */
export const GAP_REASONS = {
	missing: 'Valeur manquante ou secrète au début ou à la fin.',
	notComparable: 'Millésimes non comparables.',
	aheadAtBoth: 'Le QPV est plus favorable que la référence aux deux dates.'
} as const;

export interface GapEvolution {
	baseline: Gap;
	latest: Gap;
	/** Change of the disadvantage (negative = narrowed), in points or points of ratio. */
	change: number | null;
	trend: GapTrend;
	label: string;
	reason: string | null;
}

export function gapTrend(
	indicator: Ind,
	baseline: GapPair,
	latest: GapPair,
	opts: { comparable?: boolean } = {}
): GapEvolution {
	const b = computeGap(indicator, baseline.qpv, baseline.reference);
	const l = computeGap(indicator, latest.qpv, latest.reference);
	const db = disadvantage(b, indicator.direction);
	const dl = disadvantage(l, indicator.direction);
	const result = (trend: GapTrend, change: number | null, reason: string | null = null) => ({
		baseline: b,
		latest: l,
		change,
		trend,
		label: gapTrendLabels[trend],
		reason
	});
	if (db === null || dl === null) {
		return result('indetermine', null, GAP_REASONS.missing);
	}
	const change = dl - db;
	if (opts.comparable === false) {
		return result('indetermine', change, GAP_REASONS.notComparable);
	}
	if (indicator.direction !== 'neutral' && db <= 0 && dl <= 0) {
		return result('indetermine', change, GAP_REASONS.aheadAtBoth);
	}
	const threshold = b.measure === 'points' ? GAP_STABLE_RATE_POINTS : GAP_STABLE_RATIO_POINTS;
	if (Math.abs(change) < threshold) return result('stable', change);
	return result(change < 0 ? 'resserre' : 'creuse', change);
}

/** computeGap's value in SQL, over columns or expressions `measure`, `qpv` and `reference`. */
export function gapValueSql(measure: string, qpv: string, reference: string): string {
	return `CASE WHEN ${qpv} IS NULL OR ${reference} IS NULL THEN NULL
		WHEN ${measure} = 'points' THEN ${qpv} - ${reference}
		WHEN ${reference} = 0 THEN NULL ELSE (${qpv} / ${reference}) * 100 END`;
}

/** disadvantage in SQL, over a gap value column and its measure and direction columns. */
export function disadvantageSql(value: string, measure: string, direction: string): string {
	const signed = `(CASE WHEN ${measure} = 'points' THEN ${value} ELSE ${value} - 100 END)`;
	return `CASE WHEN ${direction} = 'neutral' THEN abs(${signed})
		WHEN ${direction} = 'down' THEN ${signed} ELSE -${signed} END`;
}

/**
 * gapTrend over every row of a relation, so that DuckDB applies the rule to 100 k series without
 * reading them into JavaScript. `input` has the columns measure ('points' | 'ratio'), direction,
 * baseline_qpv, baseline_reference, latest_qpv, latest_reference and comparable (BOOLEAN: only
 * FALSE stops the trend, as `comparable: false` does); the
 * query adds baseline_gap, latest_gap, change, trend and reason.
 */
export function gapTrendSql(input: string): string {
	const threshold = `CASE WHEN measure = 'points' THEN ${GAP_STABLE_RATE_POINTS}::DOUBLE ELSE ${GAP_STABLE_RATIO_POINTS}::DOUBLE END`;
	return `SELECT * EXCLUDE (db, dl),
		CASE WHEN db IS NULL OR dl IS NULL THEN NULL ELSE dl - db END AS change,
		CASE WHEN db IS NULL OR dl IS NULL OR comparable IS FALSE THEN 'indetermine'
			WHEN direction <> 'neutral' AND db <= 0 AND dl <= 0 THEN 'indetermine'
			WHEN abs(dl - db) < ${threshold} THEN 'stable'
			WHEN dl - db < 0 THEN 'resserre' ELSE 'creuse' END AS trend,
		CASE WHEN db IS NULL OR dl IS NULL THEN ${sqlString(GAP_REASONS.missing)}
			WHEN comparable IS FALSE THEN ${sqlString(GAP_REASONS.notComparable)}
			WHEN direction <> 'neutral' AND db <= 0 AND dl <= 0 THEN ${sqlString(GAP_REASONS.aheadAtBoth)}
			END AS reason
	FROM (
		SELECT *, ${disadvantageSql('baseline_gap', 'measure', 'direction')} AS db,
			${disadvantageSql('latest_gap', 'measure', 'direction')} AS dl
		FROM (
			SELECT *, ${gapValueSql('measure', 'baseline_qpv', 'baseline_reference')} AS baseline_gap,
				${gapValueSql('measure', 'latest_qpv', 'latest_reference')} AS latest_gap
			FROM (${input})
		)
	)`;
}
