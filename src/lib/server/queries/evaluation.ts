// Reads of the precomputed evaluation tables: canonical series by data year, breaks, data-year
// methods, QPV gaps, evolutions, peers and the contrat synthesis (a few indexed rows per page).
import type {
	CanonicalPoint,
	ContratSynthesisRow,
	DataYear,
	QpvEvolution,
	QpvGap,
	QpvPeer,
	QpvReference,
	SeriesBreak
} from '$lib/schemas/evaluation';
import { memo, query, type Param } from '../db';
import { residentRows } from '../resident-table';
import type { TerritoryRef } from './observations';

/** One branch per territory (pruned by the table's territory order); indicators optional. */
export function canonicalSeriesQuery(
	territories: TerritoryRef[],
	indicatorIds?: string[]
): { sql: string; params: Param[] } {
	const params: Param[] = [];
	let filter = '';
	if (indicatorIds && indicatorIds.length > 0) {
		const marks = indicatorIds.map((id) => (params.push(id), `$${params.length}`));
		filter = ` AND indicator_id IN (${marks.join(', ')})`;
	}
	const branches = territories.map((t) => {
		params.push(t.type, t.code);
		return `SELECT * FROM canonical_series WHERE territory_type = $${params.length - 1} AND territory_code = $${params.length}${filter}`;
	});
	const body = branches.length
		? branches.join('\nUNION ALL\n')
		: 'SELECT * FROM canonical_series WHERE FALSE';
	return {
		sql: `${body}\nORDER BY indicator_id, territory_type, territory_code, period`,
		params
	};
}

export function getCanonicalSeries(
	territories: TerritoryRef[],
	indicatorIds?: string[]
): Promise<CanonicalPoint[]> {
	const { sql, params } = canonicalSeriesQuery(territories, indicatorIds);
	return query<CanonicalPoint>(sql, params);
}

/** What the QPV charts read of a reference's point: each column read costs a page its scan. */
export type QpvChartPoint = Pick<
	CanonicalPoint,
	| 'indicator_id'
	| 'territory_type'
	| 'territory_code'
	| 'period'
	| 'period_kind'
	| 'value'
	| 'status'
	| 'source_path'
>;

/** What the QPV page's charts read of a canonical point of its own series. */
export type QpvOwnChartPoint = Pick<
	CanonicalPoint,
	'indicator_id' | 'territory_type' | 'period' | 'period_kind' | 'value' | 'status' | 'source_path'
>;

/** What the QPV page reads of a canonical point of its own series. */
export type QpvSeriesPoint = Pick<
	CanonicalPoint,
	| 'indicator_id'
	| 'period'
	| 'period_kind'
	| 'vintage'
	| 'value'
	| 'status'
	| 'source_path'
	| 'segment'
>;

/**
 * The QPV's canonical series by code, held in memory once the server has read them: every
 * indicator, by indicator and period (the table's own order for one territory, by rowid; the key
 * has no tie), and only the 8 columns the page reads of 13.
 */
export const qpvSeries = residentRows<QpvSeriesPoint>(
	{
		table: 'canonical_series',
		where: `territory_type = 'qpv'`,
		key: 'territory_code',
		columns: [
			['indicator_id', 'text'],
			['period', 'integer'],
			['period_kind', 'text'],
			['vintage', 'integer'],
			['value', 'double'],
			['status', 'text'],
			['source_path', 'text'],
			['segment', 'integer']
		]
	},
	// Read by DuckDB (until the table is in memory), the page's longest read: its gaps and ranks,
	// issued later, take other connections.
	4
);
/** The QPV's canonical series, in the table's order. */
export const getQpvSeries = qpvSeries.read;

/** The published 'Ensemble des QPV' series (a few hundred rows, the same for every page). */
export const getEnsembleSeries = memo(() =>
	query<CanonicalPoint>(
		`SELECT * FROM canonical_series WHERE territory_type = 'ensemble_qpv' ORDER BY indicator_id, period`
	)
);

export const getSeriesBreaks = memo(() =>
	query<SeriesBreak>(`SELECT * FROM series_breaks ORDER BY indicator_id, period`)
);

/** How each file's data year was established, per file and indicator. */
export const getDataYears = memo(() =>
	query<DataYear>(`SELECT * FROM data_years ORDER BY source_path, indicator_id`)
);

/** Latest name of each EPCI code of the reference files, read once (a few thousand rows). */
const epciNames = memo(async () => {
	const rows = await query<{ code: string; name: string | null }>(
		`SELECT code, arg_max(name, vintage) AS name FROM reference_territories
		 WHERE territory_type = 'epci' GROUP BY code`
	);
	return new Map(rows.map((r) => [r.code, r.name]));
});

/** Names of the communes and départements the gaps refer to, read once (a few thousand rows). */
const gapReferenceNames = memo(async () => {
	const rows = await query<{ kind: string; code: string; name: string | null }>(
		`SELECT 'commune' AS kind, code, name FROM communes
		 WHERE code IN (SELECT reference_code FROM qpv_gaps WHERE reference_kind = 'commune')
		 UNION ALL
		 SELECT 'departement', code, name FROM departements`
	);
	return new Map(rows.map((r) => [`${r.kind}|${r.code}`, r.name]));
});

/**
 * The QPV's gaps with each reference's name. The names come from memoised maps: joining the
 * communes at each read cost twice the read itself (a hash table over every commune).
 */
export function getQpvGaps(
	qpvCode: string
): Promise<(QpvGap & { reference_name: string | null })[]> {
	// The table's order (indicator, reference kind and code: a key): no ORDER BY to pay.
	return withReferenceNames(query<QpvGap>(`SELECT * FROM qpv_gaps WHERE qpv_code = $1`, [qpvCode]));
}

/** What the QPV page reads of a gap (indicator-view.ts): 8 of qpv_gaps' 15 columns. */
export type QpvGapSummary = Pick<
	QpvGap,
	| 'indicator_id'
	| 'reference_kind'
	| 'reference_code'
	| 'baseline_year'
	| 'latest_year'
	| 'latest_qpv'
	| 'latest_reference'
	| 'trend'
>;

/** The gaps' columns the QPV page reads, by code, held in memory once the server has read them. */
export const qpvGapSummaries = residentRows<QpvGapSummary>({
	table: 'qpv_gaps',
	where: 'true',
	key: 'qpv_code',
	columns: [
		['indicator_id', 'text'],
		['reference_kind', 'text'],
		['reference_code', 'text'],
		['baseline_year', 'integer'],
		['latest_year', 'integer'],
		['latest_qpv', 'double'],
		['latest_reference', 'double'],
		['trend', 'text']
	]
});

/** The QPV's gaps as its page reads them, in the table's order, with each reference's name. */
export function getQpvGapSummaries(
	qpvCode: string
): Promise<(QpvGapSummary & { reference_name: string | null })[]> {
	return withReferenceNames(qpvGapSummaries.read(qpvCode));
}

async function withReferenceNames<G extends Pick<QpvGap, 'reference_kind' | 'reference_code'>>(
	read: Promise<G[]>
): Promise<(G & { reference_name: string | null })[]> {
	const [rows, epci, names] = await Promise.all([read, epciNames(), gapReferenceNames()]);
	return rows.map((g) => ({ ...g, reference_name: referenceName(g, epci, names) }));
}

function referenceName(
	g: Pick<QpvGap, 'reference_kind' | 'reference_code'>,
	epci: Map<string, string | null>,
	names: Map<string, string | null>
): string | null {
	if (g.reference_kind === 'epci') return epci.get(g.reference_code) ?? null;
	if (g.reference_kind === 'france_metropolitaine') return 'France métropolitaine';
	return names.get(`${g.reference_kind}|${g.reference_code}`) ?? null;
}

export function getQpvReferences(qpvCode: string): Promise<QpvReference[]> {
	return query<QpvReference>(
		`SELECT * FROM qpv_references WHERE qpv_code = $1 ORDER BY data_year, reference_kind, territory_code`,
		[qpvCode]
	);
}

export function getQpvEvolutions(qpvCodes: string[]): Promise<QpvEvolution[]> {
	if (qpvCodes.length === 0) return Promise.resolve([]);
	const marks = qpvCodes.map((_, i) => `$${i + 1}`).join(', ');
	return query<QpvEvolution>(
		`SELECT * FROM qpv_evolutions WHERE qpv_code IN (${marks}) ORDER BY qpv_code, indicator_id`,
		qpvCodes
	);
}

/**
 * The evolutions of the contrat's QPV (those of the page model contrat_qpv, the list the page
 * shows), by QPV and indicator: the JSON written by the page model contrat_evaluation_page.
 */
/**
 * One JSON column of contrat_evaluation_page, parsed: reading every column of the national tables
 * by code scanned them whole at each render (a few ms of DuckDB each).
 */
async function evaluationPageRows<Row>(
	column: 'synthesis' | 'evolutions',
	contratCode: string
): Promise<Row[]> {
	const [row] = await query<Record<typeof column, string>>(
		`SELECT ${column} FROM contrat_evaluation_page WHERE contrat_code = $1`,
		[contratCode]
	);
	return row ? (JSON.parse(row[column]) as Row[]) : [];
}

export function getQpvPeers(qpvCode: string): Promise<QpvPeer[]> {
	return query<QpvPeer>(`SELECT * FROM qpv_peers WHERE qpv_code = $1 ORDER BY indicator_id`, [
		qpvCode
	]);
}

/** The contrat's contrat_synthesis rows by indicator (page model contrat_evaluation_page). */
export function getContratSynthesis(contratCode: string): Promise<ContratSynthesisRow[]> {
	return evaluationPageRows<ContratSynthesisRow>('synthesis', contratCode);
}
