// The one place that decides which source wins for a period, what the baseline and the latest
// values of a canonical series are, and whether a trend may be read between them.
import type { Indicator } from '../schemas/indicators';
import { verdictFor, verdictLabels, type Verdict } from './evolution';

/** The contrats were signed in 2015: the baseline is the first period at or after it. */
export const BASELINE_FROM = 2015;
/** The contrats were extended to 2022: nothing after it is read. */
export const HORIZON = 2022;

/**
 * Precedence between files carrying the same indicator for the same data year: the producer's own
 * file first (INSEE Filosofi QPV), then its republication (ANCT SIG Ville REVN, same figures: the
 * build checks they agree), then any other file. A published value always beats a secret or
 * missing one (both files publish the same figure, so one file's blank is not a different value).
 */
export const SOURCE_PRECEDENCE: { prefix: string; rank: number }[] = [
	{ prefix: 'filosofi-qpv/', rank: 1 },
	{ prefix: 'filosofi-references/', rank: 1 },
	{ prefix: 'sig-ville/REVN_', rank: 2 }
];
export const OTHER_SOURCE_RANK = 3;

export function sourceRank(sourcePath: string): number {
	return SOURCE_PRECEDENCE.find((p) => sourcePath.startsWith(p.prefix))?.rank ?? OTHER_SOURCE_RANK;
}

/** The same rule in SQL, for the build step that writes the canonical series. */
export function sourceRankSql(column = 'source_path'): string {
	const whens = SOURCE_PRECEDENCE.map(
		(p) => `WHEN starts_with(${column}, '${p.prefix}') THEN ${p.rank}`
	);
	return `CASE ${whens.join(' ')} ELSE ${OTHER_SOURCE_RANK} END`;
}

export interface TimelinePoint {
	period: number;
	value: number | null;
	status: string;
	segment: number;
	source_path?: string;
}

export type OkPoint<P extends TimelinePoint> = P & { value: number };

export function isPublished<P extends TimelinePoint>(p: P): p is OkPoint<P> {
	return p.status === 'ok' && p.value !== null && Number.isFinite(p.value);
}

export interface Endpoints<P extends TimelinePoint> {
	baseline: OkPoint<P> | null;
	latest: OkPoint<P> | null;
	/** False when only one period is published (no evolution to read). */
	comparable: boolean;
	/** Why there is no evolution, or why the baseline is later than the first published period. */
	reason: string | null;
}

/**
 * Latest: the last published period up to 2022. Baseline: the first published period from 2015
 * in the same comparability segment as the latest — a declared break moves the baseline after
 * it (said in `reason`), so no trend ever spans a break. Secret or missing periods are skipped,
 * never read as 0.
 */
export function endpoints<P extends TimelinePoint>(points: P[]): Endpoints<P> {
	const ok = points
		.filter((p) => p.period >= BASELINE_FROM && p.period <= HORIZON)
		.filter(isPublished)
		.sort((a, b) => a.period - b.period);
	const latest = ok.at(-1) ?? null;
	if (!latest) {
		return {
			baseline: null,
			latest,
			comparable: false,
			reason: `Aucune valeur publiée depuis ${BASELINE_FROM}.`
		};
	}
	const first = ok[0]!;
	const baseline = ok.find((p) => p.segment === latest.segment)!;
	if (baseline.period === latest.period) {
		const reason =
			first.segment !== latest.segment
				? `Rupture de série avant ${latest.period} : pas d’évolution calculée.`
				: 'Une seule année publiée : pas d’évolution calculée.';
		return { baseline, latest, comparable: false, reason };
	}
	const reason =
		first.segment !== latest.segment
			? `Rupture de série en ${baseline.period} : évolution lue depuis ${baseline.period}, pas depuis ${first.period}.`
			: null;
	return { baseline, latest, comparable: true, reason };
}

/** The latest published period of a series, whatever its comparability (for levels). */
export function latestPoint<P extends TimelinePoint>(points: P[]): OkPoint<P> | null {
	return endpoints(points).latest;
}

export interface Trend {
	change: number | null;
	verdict: Verdict;
	label: string;
	reason: string | null;
}

/** The verdict between the endpoints, in the indicator's direction (rates in points). */
export function trendOf<P extends TimelinePoint>(
	indicator: Pick<Indicator, 'direction' | 'unit'>,
	ends: Endpoints<P>
): Trend {
	const { baseline, latest } = ends;
	if (!ends.comparable || !baseline || !latest) {
		return {
			change: null,
			verdict: 'indetermine',
			label: verdictLabels.indetermine,
			reason: ends.reason
		};
	}
	const change = latest.value - baseline.value;
	const relative = baseline.value === 0 ? null : (change / Math.abs(baseline.value)) * 100;
	const verdict = verdictFor(indicator.direction, indicator.unit, change, relative);
	const neutral =
		indicator.direction === 'neutral'
			? 'Indicateur sans sens d’amélioration : l’évolution est décrite, pas jugée.'
			: null;
	const reason = [ends.reason, neutral].filter(Boolean).join(' ') || null;
	return { change, verdict, label: verdictLabels[verdict], reason };
}
