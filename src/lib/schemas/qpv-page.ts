// Page models of the QPV page: what its render reads by the QPV's code, narrowed at build time.
import { qpvRanksTable } from './indicators';
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
