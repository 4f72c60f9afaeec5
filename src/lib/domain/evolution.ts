// Evolution of one indicator for one territory since the contrats were signed (2015) up to the
// extension horizon (2022), with a verdict that follows the indicator's direction.
import type { Indicator } from '../schemas/indicators';
import { compareVintages, readNote, sourceFamily, type Comparability } from './comparability';
import { endpoints, HORIZON, trendOf, type TimelinePoint } from './timeline';
import {
	BASELINE_FROM,
	chooseFamily,
	describeVintage,
	isOk,
	seriesByVintage,
	type SeriesPoint
} from './series';
import { isRate } from './units';

/** Counts, money, ratios: a relative change below 1 % (in absolute value) reads 'stable'. */
export const STABLE_RELATIVE_PERCENT = 1;
/** Rates: a change below 0.5 percentage point (in absolute value) reads 'stable'. */
export const STABLE_RATE_POINTS = 0.5;

export const verdicts = ['amelioration', 'degradation', 'stable', 'indetermine'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabels: Record<Verdict, string> = {
	amelioration: 'en amélioration',
	degradation: 'en dégradation',
	stable: 'stable',
	indetermine: 'non interprétable'
};

export interface Evolution {
	/** Source family the evolution is read in (see series.ts); null without observations. */
	family: string | null;
	/** The points of that family, one per vintage up to 2022. */
	series: SeriesPoint[];
	baseline: SeriesPoint | null;
	latest: SeriesPoint | null;
	/** Which vintage serves as baseline, in French ('référence : millésime 2017 (données 2013)'). */
	baselineNote: string;
	/** latest − baseline, in the indicator's unit; in percentage points for a rate. */
	change: number | null;
	changeInPoints: boolean;
	/** Relative change in %; null for a rate (use points) or when the baseline is 0. */
	relativeChange: number | null;
	verdict: Verdict;
	verdictLabel: string;
	comparability: Comparability | null;
	/** Why the verdict is 'indetermine', and caveats (French). */
	warnings: string[];
}

/** Direction-aware verdict from a change; exported for the gap and ranking pages. */
export function verdictFor(
	direction: Indicator['direction'],
	unit: string,
	change: number,
	relativeChange: number | null
): Verdict {
	if (direction === 'neutral') return 'indetermine';
	const stable = isRate(unit)
		? Math.abs(change) < STABLE_RATE_POINTS
		: relativeChange === null
			? change === 0
			: Math.abs(relativeChange) < STABLE_RELATIVE_PERCENT;
	if (stable) return 'stable';
	return change > 0 === (direction === 'up') ? 'amelioration' : 'degradation';
}

/** Points of a canonical series carry their period and segment (see domain/timeline.ts). */
function isCanonical(points: SeriesPoint[]): points is (SeriesPoint & TimelinePoint)[] {
	return (
		points.length > 0 && points.every((p) => p.period !== undefined && p.segment !== undefined)
	);
}

/**
 * Evolution read on a canonical series: one point per data year whatever the file, baseline and
 * latest by the timeline rule (never across a declared break). The catalogue's caveats stay
 * warnings: the INSEE advice on year-to-year QPV figures is shown, not turned into a veto.
 */
function canonicalEvolution(
	indicator: Pick<Indicator, 'direction' | 'unit' | 'comparability_note'>,
	points: (SeriesPoint & TimelinePoint)[]
): Evolution {
	const series = points.filter((p) => p.period <= HORIZON).sort((a, b) => a.period - b.period);
	const ends = endpoints(series);
	const trend = trendOf(indicator, ends);
	const note = readNote(indicator.comparability_note, series[0]?.territory_type);
	const reasons = !ends.comparable && ends.reason ? [ends.reason] : [];
	const caveats = [...note.reasons, ...note.warnings];
	const warnings = [...(ends.reason ? [ends.reason] : []), ...caveats];
	if (indicator.direction === 'neutral') {
		warnings.push('Indicateur sans sens d’amélioration : l’évolution est décrite, pas jugée.');
	}
	const { baseline, latest } = ends;
	const change = trend.change;
	return {
		family: 'canonique',
		series,
		baseline,
		latest,
		baselineNote: baseline
			? `référence : ${describeVintage(baseline)}`
			: `aucune valeur disponible depuis ${BASELINE_FROM}`,
		change,
		changeInPoints: isRate(indicator.unit),
		relativeChange:
			change === null || isRate(indicator.unit) || !baseline || baseline.value === 0
				? null
				: (change / Math.abs(baseline.value)) * 100,
		verdict: trend.verdict,
		verdictLabel: trend.label,
		comparability: { comparable: ends.comparable, reasons, warnings: caveats },
		warnings: [...new Set(warnings)]
	};
}

export function computeEvolution(
	indicator: Pick<Indicator, 'direction' | 'unit' | 'comparability_note'>,
	observations: SeriesPoint[],
	opts: { family?: string } = {}
): Evolution {
	if (isCanonical(observations)) return canonicalEvolution(indicator, observations);
	const family = opts.family ?? chooseFamily(observations);
	const series = seriesByVintage(
		observations.filter((o) => sourceFamily(o.source_path) === family)
	);
	const others = [...new Set(observations.map((o) => sourceFamily(o.source_path)))].filter(
		(f) => f !== family
	);
	const ok = series.filter(isOk);
	const baseline = ok.find((p) => p.vintage >= BASELINE_FROM) ?? null;
	const latest = ok.length > 0 ? ok[ok.length - 1]! : null;
	const warnings: string[] = others.map(
		(f) =>
			`Autre source pour cet indicateur (${f}) : ses valeurs ne sont pas mises bout à bout avec celles-ci.`
	);
	const base = {
		family,
		series,
		baseline,
		latest,
		baselineNote: baseline
			? `référence : ${describeVintage(baseline)}`
			: `aucune valeur disponible depuis ${BASELINE_FROM}`,
		change: null,
		changeInPoints: isRate(indicator.unit),
		relativeChange: null,
		comparability: null
	};
	if (!baseline || !latest || latest.vintage === baseline.vintage) {
		warnings.push(
			baseline
				? 'Une seule année disponible : pas d’évolution mesurable.'
				: 'Aucune valeur publiée sur la période : pas d’évolution mesurable.'
		);
		return { ...base, verdict: 'indetermine', verdictLabel: verdictLabels.indetermine, warnings };
	}
	const change = latest.value - baseline.value;
	const relativeChange =
		isRate(indicator.unit) || baseline.value === 0
			? null
			: (change / Math.abs(baseline.value)) * 100;
	const comparability = compareVintages(indicator, baseline, latest);
	warnings.push(...comparability.reasons, ...comparability.warnings);
	let verdict = verdictFor(indicator.direction, indicator.unit, change, relativeChange);
	if (!comparability.comparable) verdict = 'indetermine';
	if (indicator.direction === 'neutral') {
		warnings.push('Indicateur sans sens d’amélioration : l’évolution est décrite, pas jugée.');
	}
	return {
		...base,
		change,
		relativeChange,
		comparability,
		verdict,
		verdictLabel: verdictLabels[verdict],
		warnings
	};
}
