// Page model of the QPV page: what its render reads by the QPV's code, narrowed at build time.
import { z } from 'zod';
import { qpvIdentityTable } from './page-models';
import { defineTable } from './table';

/**
 * The reads of a QPV page by its code besides its whole series and its gaps: each part and the
 * columns read of it, in their order. Their rows are written into qpv_page_rows, one JSON array
 * per row (pipelines/steps/qpv-page-rows.ts), so that a page reads them in one query instead of
 * five (each query scans its own table: about 1.5 ms of DuckDB each, measured).
 */
export const QPV_PAGE_PARTS = [
	/** The QPV's row of qpv_identity. */
	{ name: 'identity', columns: Object.keys(qpvIdentityTable.columns) },
	/** Its communes, from qpv_commune_list, in that table's order. */
	{
		name: 'communes',
		columns: ['code', 'name', 'kind', 'current_code', 'epci2015_siren', 'epci_name', 'method']
	},
	/** The territories it is compared with in each data year, from qpv_references. */
	{ name: 'references', columns: ['territory_type', 'territory_code', 'data_year'] },
	/**
	 * The canonical series of the charted indicators (QPV_CHART_INDICATORS) of each territory of
	 * its references, by indicator, territory and period.
	 */
	{
		name: 'chartSeries',
		columns: [
			'indicator_id',
			'territory_type',
			'territory_code',
			'period',
			'period_kind',
			'value',
			'status',
			'source_path'
		]
	},
	/**
	 * Its rank of its latest published period per indicator, from 2015 to 2022 (qpv_ranks' rows of
	 * the QPV's latest point, the only ones its page shows: about 115 per QPV, not 490), by indicator.
	 */
	{ name: 'ranks', columns: ['indicator_id', 'period', 'period_kind', 'rank', 'n'] },
	/**
	 * The QPV's own canonical series of the charted indicators, by indicator and period: its charts
	 * start from this read, without waiting for its whole series (about 530 rows, read for its
	 * tables).
	 */
	{
		name: 'ownChartSeries',
		columns: [
			'indicator_id',
			'territory_type',
			'period',
			'period_kind',
			'value',
			'status',
			'source_path'
		]
	}
] as const;

/**
 * The rows of QPV_PAGE_PARTS, by QPV: `part` its index in QPV_PAGE_PARTS, `seq` its place among
 * the QPV's rows of that part (from a copied table, its row id there: the same order), `row` its
 * columns as a JSON array (DuckDB's to_json of each value: texts escaped, numbers written to
 * round-trip).
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
