// The one place that decides which source wins for a period, what the baseline and the latest
// values of a canonical series are, and whether a trend may be read between them.
import { sqlString } from '../sql-string';
import type { Indicator } from '../schemas/indicators';
import {
	STABLE_RATE_POINTS,
	STABLE_RELATIVE_PERCENT,
	verdictFor,
	verdictLabels,
	type Verdict
} from './evolution';

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

/** Why there is no evolution, or why the baseline moved: shared by endpoints and evolutionSql. */
export const TIMELINE_REASONS = {
	nothingPublished: () => `Aucune valeur publiée depuis ${BASELINE_FROM}.`,
	breakBefore: (latest: string) => `Rupture de série avant ${latest} : pas d’évolution calculée.`,
	singleYear: () => 'Une seule année publiée : pas d’évolution calculée.',
	breakAt: (baseline: string, first: string) =>
		`Rupture de série en ${baseline} : évolution lue depuis ${baseline}, pas depuis ${first}.`,
	neutral: () => 'Indicateur sans sens d’amélioration : l’évolution est décrite, pas jugée.'
} as const;

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
			reason: TIMELINE_REASONS.nothingPublished()
		};
	}
	const first = ok[0]!;
	const baseline = ok.find((p) => p.segment === latest.segment)!;
	if (baseline.period === latest.period) {
		const reason =
			first.segment !== latest.segment
				? TIMELINE_REASONS.breakBefore(String(latest.period))
				: TIMELINE_REASONS.singleYear();
		return { baseline, latest, comparable: false, reason };
	}
	const reason =
		first.segment !== latest.segment
			? TIMELINE_REASONS.breakAt(String(baseline.period), String(first.period))
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
	const neutral = indicator.direction === 'neutral' ? TIMELINE_REASONS.neutral() : null;
	const reason = [ends.reason, neutral].filter(Boolean).join(' ') || null;
	return { change, verdict, label: verdictLabels[verdict], reason };
}

/** One of TIMELINE_REASONS in SQL, its arguments taken from columns (so the text exists once). */
function reasonSql(reason: (...args: string[]) => string, ...columns: string[]): string {
	const marks = columns.map((_, i) => `\u0000${i}\u0000`);
	let sql = sqlString(reason(...marks));
	columns.forEach((c, i) => (sql = sql.replaceAll(marks[i]!, `' || ${c} || '`)));
	return sql;
}

/**
 * endpoints then trendOf over every series of a relation, so that DuckDB applies the rule without
 * reading the points into JavaScript. `points` has the columns `keys` (a series), direction and
 * rate (BOOLEAN: isRate of the indicator's unit), and per point period, period_kind, value, status,
 * segment and source (text); a series without any point is one row whose period is NULL. One point
 * per period and kind; where a data year and a vintage share a number, the data year comes first
 * (canonical_series' order, the order endpoints receives them in). The query gives one row per
 * series: its keys, period_kind (of its first point, 'annee_donnees' without any), baseline_period,
 * baseline_value, baseline_source, latest_period, latest_value, latest_source, change, verdict and
 * reason.
 */
export function evolutionSql(points: string, keys: string[]): string {
	const by = keys.join(', ');
	const order = `period * 2 + (period_kind = 'millesime')::INTEGER`;
	const ok = `status = 'ok' AND value IS NOT NULL AND isfinite(value) AND period BETWEEN ${BASELINE_FROM} AND ${HORIZON}`;
	const end = (fn: 'arg_min' | 'arg_max', prefix: string, filter: string, columns: string[]) =>
		columns.map((c) => `${fn}(${c}, o) FILTER (WHERE ${filter}) AS ${prefix}_${c}`).join(', ');
	const relative = `CASE WHEN baseline_value = 0 THEN NULL ELSE (change / abs(baseline_value)) * 100 END`;
	const stable = `CASE WHEN rate THEN abs(change) < ${STABLE_RATE_POINTS}
		WHEN ${relative} IS NULL THEN change = 0 ELSE abs(${relative}) < ${STABLE_RELATIVE_PERCENT} END`;
	return `SELECT ${by}, period_kind, baseline_period, baseline_value, baseline_source, latest_period,
		latest_value, latest_source, change,
		CASE WHEN NOT comparable OR direction = 'neutral' THEN 'indetermine' WHEN ${stable} THEN 'stable'
			WHEN (change > 0) = (direction = 'up') THEN 'amelioration' ELSE 'degradation' END AS verdict,
		CASE WHEN NOT comparable THEN ends_reason
			ELSE nullif(concat_ws(' ', ends_reason,
				CASE WHEN direction = 'neutral' THEN ${sqlString(TIMELINE_REASONS.neutral())} END), '') END AS reason
	FROM (
		SELECT *, CASE WHEN comparable THEN latest_value - baseline_value END AS change,
			CASE WHEN latest_period IS NULL THEN ${sqlString(TIMELINE_REASONS.nothingPublished())}
				WHEN NOT comparable AND first_segment <> latest_segment
					THEN ${reasonSql(TIMELINE_REASONS.breakBefore, 'latest_period')}
				WHEN NOT comparable THEN ${sqlString(TIMELINE_REASONS.singleYear())}
				WHEN first_segment <> latest_segment
					THEN ${reasonSql(TIMELINE_REASONS.breakAt, 'baseline_period', 'first_period')}
				END AS ends_reason
		FROM (
			SELECT *, coalesce(baseline_period <> latest_period, false) AS comparable
			FROM (
				SELECT ${by}, any_value(direction) AS direction, any_value(rate) AS rate,
					coalesce(arg_min(period_kind, o), 'annee_donnees') AS period_kind,
					${end('arg_min', 'first', 'ok', ['period', 'segment'])},
					${end('arg_max', 'latest', 'ok', ['period', 'value', 'source', 'segment'])},
					${end('arg_min', 'baseline', 'ok AND segment = latest_ok_segment', ['period', 'value', 'source'])}
				FROM (
					SELECT *, arg_max(segment, o) FILTER (WHERE ok) OVER (PARTITION BY ${by}) AS latest_ok_segment
					FROM (SELECT *, ${ok} AS ok, ${order} AS o FROM (${points}))
				)
				GROUP BY ${by}
			)
		)
	)`;
}
