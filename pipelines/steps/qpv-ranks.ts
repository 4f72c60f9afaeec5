// qpv_ranks: each QPV's rank among all QPV with a published value, per indicator and data year
// (the canonical series: one value per QPV and year whatever the file, so REVN and the Filosofi
// QPV files of the same year rank once), computed once at build time.
import { canonicalSeriesTable } from '../../src/lib/schemas/evaluation';
import { qpvRanksTable } from '../../src/lib/schemas/indicators';
import { withDictionaryCompression } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

const RANKS = `SELECT territory_code AS qpv_code, indicator_id, period, period_kind,
       rank() OVER (PARTITION BY indicator_id, period_kind, period ORDER BY value)::INTEGER AS rank,
       count(*) OVER (PARTITION BY indicator_id, period_kind, period)::INTEGER AS n`;
const PUBLISHED = `FROM canonical_series WHERE territory_type = 'qpv' AND status = 'ok' AND value IS NOT NULL`;

export const qpvRanksStep: Step = {
	table: 'qpv_ranks',
	async run(ctx) {
		// Written in its final order: an INSERT of its own would be sorted again at the end.
		await withDictionaryCompression(ctx.db, async () => {
			if (ctx.db.tableState(canonicalSeriesTable.name) === 'sorted') {
				// canonical_series is written by its step alone, in the order of its key (orderBy, then
				// period_kind): its row number orders the QPV's rows as qpv_ranks' key does, and one
				// integer sorts faster than two texts and two more columns.
				await ctx.db.insertInOrder(qpvRanksTable, `${RANKS}, rowid AS k ${PUBLISHED}`, 'k');
			} else {
				// One row per QPV, indicator, period and period kind (canonical_series' key).
				await ctx.db.insertSorted(qpvRanksTable, `${RANKS} ${PUBLISHED}`, ['period_kind']);
			}
		});
	}
};
