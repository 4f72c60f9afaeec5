// One QPV: identity, communes, contrat, boundary, its ranks among all QPV by data year, and the
// reads of its page in one query.
import type { QpvReference } from '$lib/schemas/evaluation';
import { QPV_PAGE_PARTS } from '$lib/schemas/qpv-page';
import { query } from '../db';
import { residentRows } from '../resident-table';
import type { QpvChartPoint, QpvOwnChartPoint } from './evaluation';

export interface QpvIdentity {
	code: string;
	name: string | null;
	departement_code: string;
	departement: string | null;
	region_code: string | null;
	region: string | null;
	main_commune_code: string | null;
	communes_label: string | null;
	population_2013: number | null;
	population_2018: number | null;
	contrat_code: string | null;
	contrat_name: string | null;
	contrat_method: string | null;
	contrat_count: number;
	boundary: string | null;
}

/** The QPV's identity, from the page model qpv_identity (pipelines/steps/qpv-identity.ts). */
export async function getQpv(code: string): Promise<QpvIdentity | undefined> {
	const rows = await query<QpvIdentity>(`SELECT * FROM qpv_identity WHERE code = $1`, [code]);
	return rows[0];
}

export interface QpvCommuneRow {
	code: string;
	name: string;
	kind: string;
	current_code: string | null;
	epci2015_siren: string | null;
	epci_name: string | null;
	method: string;
}

/** The columns of qpv_commune_list a QPV's communes are read with (also in qpv_page_rows). */
const COMMUNE_COLUMNS = QPV_PAGE_PARTS[1].columns;

/**
 * The QPV's communes, the one named by qpv_info first, from the page model qpv_commune_list
 * (pipelines/steps/qpv-commune-list.ts), in its stored order.
 */
export function getQpvCommunes(code: string): Promise<QpvCommuneRow[]> {
	return query<QpvCommuneRow>(
		`SELECT ${COMMUNE_COLUMNS.join(', ')} FROM qpv_commune_list WHERE qpv_code = $1`,
		[code]
	);
}

export interface QpvRankRow {
	indicator_id: string;
	/** Data year, or vintage when the data year is unpublished. */
	period: number;
	period_kind: 'annee_donnees' | 'millesime';
	rank: number;
	n: number;
}

/** Rank (1 = lowest value) of the QPV among all QPV published in each data year (qpv_ranks). */
export function getQpvRanks(code: string): Promise<QpvRankRow[]> {
	// The table's order (indicator, period): no ORDER BY to pay.
	return query<QpvRankRow>(
		`SELECT indicator_id, period, period_kind, rank, n FROM qpv_ranks WHERE qpv_code = $1`,
		[code]
	);
}

/** The QPV page's reads by its code, as separate queries would give them (see QPV_PAGE_PARTS). */
export interface QpvPageReads {
	qpv: QpvIdentity | undefined;
	communes: QpvCommuneRow[];
	references: Pick<QpvReference, 'territory_type' | 'territory_code' | 'data_year'>[];
	/** The charted indicators' series of every territory the QPV is compared with. */
	chartSeries: QpvChartPoint[];
	/** Its rank at its latest published period of each indicator (the rows of getQpvRanks shown). */
	ranks: QpvRankRow[];
	/** Its own series of the charted indicators (rows of getQpvSeries, fewer columns). */
	ownChartSeries: QpvOwnChartPoint[];
}

/**
 * The QPV's identity, communes, references, their charted series, its latest ranks and its own
 * charted series in one read (page model qpv_page_rows, pipelines/steps/qpv-page-rows.ts), in
 * the table's order (by rowid): its parts, each in its own order (indicator, territory, period for
 * the series: a total order, written so by the build rather than sorted at each read).
 */
export async function getQpvPageReads(code: string): Promise<QpvPageReads> {
	return qpvPageReads(await qpvPageRows.read(code));
}

/** The rows of qpv_page_rows by QPV code, held in memory once the server has read them. */
export const qpvPageRows = residentRows<{ part: number; row: string }>({
	table: 'qpv_page_rows',
	where: 'true',
	key: 'qpv_code',
	columns: [
		['part', 'integer'],
		['row', 'string']
	]
});

/** Rows of qpv_page_rows back into objects, keyed by QPV_PAGE_PARTS' columns in their order. */
export function qpvPageReads(rows: { part: number; row: string }[]): QpvPageReads {
	const parts: Record<string, unknown>[][] = QPV_PAGE_PARTS.map(() => []);
	for (const { part, row } of rows) {
		const { columns } = QPV_PAGE_PARTS[part]!;
		const values = JSON.parse(row) as unknown[];
		const object: Record<string, unknown> = {};
		for (let i = 0; i < columns.length; i++) object[columns[i]!] = values[i];
		parts[part]!.push(object);
	}
	const [identity, communes, references, chartSeries, ranks, ownChartSeries] = parts;
	return {
		qpv: identity![0] as QpvIdentity | undefined,
		communes: communes as unknown as QpvCommuneRow[],
		references: references as unknown as QpvPageReads['references'],
		chartSeries: chartSeries as unknown as QpvChartPoint[],
		ranks: ranks as unknown as QpvRankRow[],
		ownChartSeries: ownChartSeries as unknown as QpvOwnChartPoint[]
	};
}
