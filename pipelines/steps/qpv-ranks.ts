// qpv_ranks: each QPV's rank among all QPV with a published value, per indicator and data year
// (the canonical series: one value per QPV and year whatever the file, so REVN and the Filosofi
// QPV files of the same year rank once), computed once at build time.
import { qpvRanksTable } from '../../src/lib/schemas/indicators';
import type { Step } from '../lib/step';

export const qpvRanksStep: Step = {
	table: 'qpv_ranks',
	async run(ctx) {
		// Written in its final order: an INSERT of its own would be sorted again at the end.
		await ctx.db.insertSorted(
			qpvRanksTable,
			`SELECT territory_code AS qpv_code, indicator_id, period, period_kind,
			       rank() OVER (PARTITION BY indicator_id, period_kind, period ORDER BY value)::INTEGER AS rank,
			       count(*) OVER (PARTITION BY indicator_id, period_kind, period)::INTEGER AS n
			FROM canonical_series
			WHERE territory_type = 'qpv' AND status = 'ok' AND value IS NOT NULL`,
			// One row per QPV, indicator, period and period kind (canonical_series' key).
			['period_kind']
		);
	}
};
