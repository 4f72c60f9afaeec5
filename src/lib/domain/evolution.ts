// Evolution of one indicator for one territory since the contrats were signed (2015) up to the
// extension horizon (2022), read on its canonical series (one value per data year, see
// timeline.ts), with a verdict that follows the indicator's direction.
import type { Indicator } from '../schemas/indicators';
import { readNote, type Comparability } from './comparability';
import { endpoints, HORIZON, trendOf, type TimelinePoint } from './timeline';
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

/** A canonical point: its period (data year, else vintage) and comparability segment. */
export type EvolutionPoint = TimelinePoint & {
	territory_type?: Parameters<typeof readNote>[1];
};

export interface Evolution<P extends EvolutionPoint = EvolutionPoint> {
	/** The points up to 2022, by period. */
	series: P[];
	baseline: (P & { value: number }) | null;
	latest: (P & { value: number }) | null;
	/** latest − baseline, in the indicator's unit; in percentage points for a rate. */
	change: number | null;
	changeInPoints: boolean;
	/** Relative change in %; null for a rate (use points) or when the baseline is 0. */
	relativeChange: number | null;
	verdict: Verdict;
	verdictLabel: string;
	comparability: Comparability;
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

/**
 * Baseline and latest by the timeline rule (never across a declared break, secret values skipped).
 * The catalogue's caveats stay warnings: the INSEE advice on year-to-year QPV figures is shown,
 * not turned into a veto.
 */
export function computeEvolution<P extends EvolutionPoint>(
	indicator: Pick<Indicator, 'direction' | 'unit' | 'comparability_note'>,
	points: P[]
): Evolution<P> {
	const series = points.filter((p) => p.period <= HORIZON).sort((a, b) => a.period - b.period);
	const ends = endpoints(series);
	const trend = trendOf(indicator, ends);
	const note = readNote(indicator.comparability_note, series[0]?.territory_type);
	const caveats = [...note.reasons, ...note.warnings];
	const warnings = [...(ends.reason ? [ends.reason] : []), ...caveats];
	if (indicator.direction === 'neutral') {
		warnings.push('Indicateur sans sens d’amélioration : l’évolution est décrite, pas jugée.');
	}
	const { baseline, latest } = ends;
	const change = trend.change;
	return {
		series,
		baseline,
		latest,
		change,
		changeInPoints: isRate(indicator.unit),
		relativeChange:
			change === null || isRate(indicator.unit) || !baseline || baseline.value === 0
				? null
				: (change / Math.abs(baseline.value)) * 100,
		verdict: trend.verdict,
		verdictLabel: trend.label,
		comparability: {
			comparable: ends.comparable,
			reasons: !ends.comparable && ends.reason ? [ends.reason] : [],
			warnings: caveats
		},
		warnings: [...new Set(warnings)]
	};
}
