// Each département's standing on a Baromètre series: latest value over its base, change since its
// first value, progress to its DITP target; when the series is published twice (Etalab, DITP) and
// both agree in the département, its trajectory starts at the Etalab first value.
import type { BaseKind, SeriesReading } from './barometre-catalogue';
import {
	changeSinceFirst,
	joinSeries,
	progressed,
	progressToTarget,
	ratePer,
	type Change,
	type DatedValue,
	type Direction,
	type Progress
} from './measure-progress';

export interface Track {
	code: string;
	first_date: string;
	first_value: number;
	latest_date: string;
	latest_value: number;
	initial: number | null;
	target: number | null;
	target_date: string | null;
	points: DatedValue[];
	source_path: string;
	source_line: number;
}

export interface Base {
	code: string;
	name: string;
	region: string | null;
	population: number | null;
	qpv_population: number | null;
}

export interface Standing {
	code: string;
	name: string;
	region: string | null;
	/** The base the value is divided by (null for a rate, which is its own base). */
	base: number | null;
	track: Track | null;
	/** Latest value over its base; the latest value itself for a rate. */
	rate: number | null;
	firstDate: string | null;
	firstValue: number | null;
	change: Change | null;
	progress: Progress;
	progressed: boolean | null;
	/** The first value comes from the other publication (joined in this département). */
	joined: boolean;
}

export type RankMetric = 'progress' | 'rate';

function baseOf(b: Base, kind: BaseKind): number | null {
	if (kind === 'rate') return null;
	return kind === 'qpv_population' ? b.qpv_population : b.population;
}

/**
 * One standing per département of `bases`, with or without a value: a département absent from the
 * series stays in the list with no value, so that it is shown grey and counted, never as 0. Where
 * the other publication agrees in every département, the trajectory starts at its first value.
 */
export function departementStandings(
	bases: Base[],
	tracks: Track[],
	pairTracks: Track[],
	reading: SeriesReading,
	direction: Direction | null
): Standing[] {
	const byCode = new Map(tracks.map((t) => [t.code, t]));
	const pairByCode = new Map(pairTracks.map((t) => [t.code, t]));
	const isRate = reading.base === 'rate';
	// One disagreement anywhere means two definitions at this level: no département is joined, so
	// that every change in the ranking is read within one publication over comparable periods.
	const joins = new Map(
		tracks.flatMap((t) => {
			const pair = pairByCode.get(t.code);
			return pair && pair.first_date < t.first_date
				? [[t.code, joinSeries(pair.points, t.points, isRate)] as const]
				: [];
		})
	);
	const sameDefinition = [...joins.values()].every((j) => j.joined);
	return bases.map((b) => {
		const track = byCode.get(b.code) ?? null;
		const base = baseOf(b, reading.base);
		const pair = pairByCode.get(b.code);
		const joined = sameDefinition && joins.get(b.code)?.joined === true;
		const firstDate = joined ? pair!.first_date : (track?.first_date ?? null);
		const firstValue = joined ? pair!.first_value : (track?.first_value ?? null);
		const latest = track?.latest_value ?? null;
		const change = changeSinceFirst(firstValue, latest, isRate);
		return {
			code: b.code,
			name: b.name,
			region: b.region,
			base,
			track,
			// A count that was always 0 (Lozère has no REP school) is out of scope, not last.
			rate: isRate
				? latest
				: firstValue === 0 && latest === 0
					? null
					: ratePer(latest, base, reading.per),
			firstDate,
			firstValue,
			change,
			progress: progressToTarget(track?.initial ?? null, latest, track?.target ?? null, direction),
			progressed: progressed(change, direction),
			joined
		};
	});
}

/** Progress to target when most départements with a value have one, the rate otherwise. */
export function rankMetric(standings: Standing[]): RankMetric {
	const withValue = standings.filter((s) => s.track);
	const withProgress = withValue.filter((s) => s.progress.percent !== null);
	return withValue.length > 0 && withProgress.length * 2 >= withValue.length ? 'progress' : 'rate';
}

export function metricValue(s: Standing, metric: RankMetric): number | null {
	return metric === 'progress' ? s.progress.percent : s.rate;
}

/** Best first (following the direction for a rate); départements without a value last. */
export function rankStandings(
	standings: Standing[],
	metric: RankMetric,
	direction: Direction | null
): Standing[] {
	const sign = metric === 'rate' && direction === 'baisse' ? 1 : -1;
	return [...standings].sort((a, b) => {
		const va = metricValue(a, metric);
		const vb = metricValue(b, metric);
		if (va === null || vb === null)
			return va === vb ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
		return sign * (va - vb) || a.code.localeCompare(b.code);
	});
}
