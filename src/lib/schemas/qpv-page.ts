// Page models of the QPV page: what its render reads by the QPV's code, narrowed at build time.
import { z } from 'zod';
import { qpvRanksTable } from './indicators';
import { qpvIdentityTable } from './page-models';
import { defineTable } from './table';

/**
 * Each QPV's rank of its latest published period per indicator, from 2015 to 2022 (qpv_ranks' rows
 * of the QPV's latest point, the only ones its page shows): about 115 rows per QPV, not 490.
 */
export const qpvPageRanksTable = defineTable({
	name: 'qpv_page_ranks',
	schema: qpvRanksTable.schema,
	columns: qpvRanksTable.columns,
	orderBy: ['qpv_code', 'indicator_id']
});

/**
 * The small reads of a QPV page: each part is a table read by the QPV's code and the columns read
 * of it (in their order). Their rows are copied into qpv_page_rows, one JSON array per row, so
 * that a page reads them in one query instead of three (each query scans its own table: about
 * 1.5 ms of DuckDB each, measured). qpv_chart_series is not copied: its 32,000 rows of 8 columns
 * made the step about 6 times dearer (0.24 s of CPU against 0.04, under load 8) for one read less.
 */
export const QPV_PAGE_PARTS = [
	{
		name: 'identity',
		table: 'qpv_identity',
		code: 'code',
		columns: Object.keys(qpvIdentityTable.columns)
	},
	{
		name: 'communes',
		table: 'qpv_commune_list',
		code: 'qpv_code',
		columns: ['code', 'name', 'kind', 'current_code', 'epci2015_siren', 'epci_name', 'method']
	},
	{
		name: 'references',
		table: 'qpv_references',
		code: 'qpv_code',
		columns: ['territory_type', 'territory_code', 'data_year']
	}
] as const;

/**
 * Each row of QPV_PAGE_PARTS' tables, by QPV: `part` its index in QPV_PAGE_PARTS, `seq` its row id
 * in its table (the table's order), `row` its columns as a JSON array (DuckDB's to_json of each
 * value: texts escaped, numbers written to round-trip).
 */
export const qpvPageRowsTable = defineTable({
	name: 'qpv_page_rows',
	schema: z.object({
		qpv_code: z.string(),
		part: z.number().int().nonnegative(),
		seq: z.number().int().nonnegative(),
		row: z.string()
	}),
	columns: { qpv_code: 'VARCHAR', part: 'INTEGER', seq: 'INTEGER', row: 'VARCHAR' },
	orderBy: ['qpv_code', 'part', 'seq']
});
