// Where each Baromètre series followed by a measure stands: series of the two publications grouped
// (and joined where they agree), national trajectory and progress to target, départements ranked
// by their value over a base or their progress, never by raw size.
import { readingOf, type SeriesReading } from '$lib/domain/barometre-catalogue';
import {
	departementStandings,
	rankMetric,
	rankStandings,
	type RankMetric,
	type Standing
} from '$lib/domain/departement-standings';
import {
	joinSeries,
	progressToTarget,
	type Direction,
	type JoinedSeries,
	type Overlap,
	type Progress
} from '$lib/domain/measure-progress';
import { query } from '../db';
import {
	getDepartementBases,
	getDocumentation,
	getNationalPoints,
	getTracks,
	type NationalPoint,
	type SeriesDocumentation,
	type TerritoryTrack
} from '../queries/measure-tracker';

export interface SeriesMember {
	id: string;
	source: 'etalab' | 'ditp';
	label: string;
	unit: string | null;
	trend: string | null;
	doc: SeriesDocumentation | null;
}

/** A département's largest gap between the two publications, with the files of both. */
export type DepartementOverlap = Overlap & { code: string; name: string; source_paths: string[] };

export interface SeriesGroup {
	/** The series whose départements are shown (the DITP one when both publish). */
	primary: SeriesMember;
	/** The same indicator in the other publication, when the measure follows both. */
	pair: SeriesMember | null;
	reading: SeriesReading;
	direction: Direction | null;
	national: {
		points: NationalPoint[];
		join: JoinedSeries | null;
		track: TerritoryTrack | null;
		progress: Progress;
	};
	metric: RankMetric;
	standings: Standing[];
	/**
	 * Départements where both publications exist: how many agree, each one's largest gap (all,
	 * largest first, for the download) and the largest disagreements (for the page).
	 */
	departementJoin: {
		agree: number;
		compared: number;
		all: DepartementOverlap[];
		gaps: DepartementOverlap[];
	} | null;
	summary: { progressed: number; compared: number; latestDate: string | null };
}

const membersQuery = (ids: string[]) => ({
	sql: `SELECT id, source, label, unit, trend FROM barometre_indicators
WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY id`,
	params: ids
});

function directionOf(member: SeriesMember, reading: SeriesReading): Direction | null {
	if (member.trend === 'hausse' || member.trend === 'baisse') return member.trend;
	return reading.direction;
}

/** Groups the linked series: a series and its pair of the other publication make one group. */
function groupIds(ids: string[]): { primary: string; pair: string | null }[] {
	const groups: { primary: string; pair: string | null }[] = [];
	const done = new Set<string>();
	for (const id of ids) {
		if (done.has(id)) continue;
		const pair = readingOf(id, null).pair;
		done.add(id);
		if (pair && ids.includes(pair)) {
			done.add(pair);
			const ditpFirst = id.startsWith('IND-');
			groups.push({ primary: ditpFirst ? id : pair, pair: ditpFirst ? pair : id });
		} else groups.push({ primary: id, pair: null });
	}
	return groups;
}

function departementGaps(
	primary: TerritoryTrack[],
	pair: TerritoryTrack[],
	names: Map<string, string>,
	isRate: boolean
): SeriesGroup['departementJoin'] {
	if (pair.length === 0) return null;
	const byCode = new Map(pair.map((t) => [t.code, t]));
	let agree = 0;
	let compared = 0;
	const all: DepartementOverlap[] = [];
	for (const t of primary) {
		const p = byCode.get(t.code);
		if (!p) continue;
		const join = joinSeries(p.points, t.points, isRate);
		if (join.overlaps.length === 0) continue;
		compared += 1;
		if (join.joined) agree += 1;
		const worst = [...join.overlaps].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))[0]!;
		const name = names.get(t.code) ?? t.code;
		all.push({ ...worst, code: t.code, name, source_paths: [p.source_path, t.source_path] });
	}
	all.sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.code.localeCompare(b.code));
	return { agree, compared, all, gaps: all.filter((g) => !g.agrees).slice(0, 8) };
}

export async function loadSeriesGroups(ids: string[]): Promise<SeriesGroup[]> {
	if (ids.length === 0) return [];
	const unique = [...new Set(ids)];
	const { sql, params } = membersQuery(unique);
	const [rows, docs, bases, tracks, national, nationalPoints] = await Promise.all([
		query<Omit<SeriesMember, 'doc'>>(sql, params),
		getDocumentation(),
		getDepartementBases(),
		getTracks(unique, 'departemental'),
		getTracks(unique, 'national'),
		getNationalPoints(unique)
	]);
	const member = (id: string): SeriesMember | null => {
		const row = rows.find((r) => r.id === id);
		if (!row) return null;
		const doc = readingOf(id, row.unit).doc;
		const found = doc
			? docs.find((d) => d.file === doc.file && d.indicator === doc.indicator)
			: null;
		return { ...row, doc: found ?? null };
	};
	const names = new Map(bases.map((b) => [b.code, b.name]));
	return groupIds(unique.filter((id) => rows.some((r) => r.id === id))).map(({ primary, pair }) => {
		const p = member(primary)!;
		const q = pair ? member(pair) : null;
		const reading = readingOf(primary, p.unit);
		const direction = directionOf(p, reading);
		const isRate = reading.base === 'rate';
		const own = tracks.filter((t) => t.indicator_id === primary);
		const other = q ? tracks.filter((t) => t.indicator_id === q.id) : [];
		const standings = departementStandings(bases, own, other, reading, direction);
		const metric = rankMetric(standings);
		const nat = national.find((t) => t.indicator_id === primary) ?? null;
		const points = nationalPoints.filter(
			(n) => n.indicator_id === primary || n.indicator_id === q?.id
		);
		const natPair = q ? national.find((t) => t.indicator_id === q.id) : null;
		const join = nat && natPair ? joinSeries(natPair.points, nat.points, isRate) : null;
		const dates = [nat?.latest_date, ...own.map((t) => t.latest_date)].filter(
			(d): d is string => !!d
		);
		return {
			primary: p,
			pair: q,
			reading,
			direction,
			national: {
				points,
				join,
				track: nat,
				progress: progressToTarget(
					nat?.initial ?? null,
					nat?.latest_value ?? null,
					nat?.target ?? null,
					direction
				)
			},
			metric,
			standings: rankStandings(standings, metric, direction),
			departementJoin: q ? departementGaps(own, other, names, isRate) : null,
			summary: {
				progressed: standings.filter((s) => s.progressed === true).length,
				compared: standings.filter((s) => s.progressed !== null).length,
				latestDate: dates.sort().at(-1) ?? null
			}
		};
	});
}
