// qpv_ranks: each QPV's rank among all QPV with a published value, per indicator and data year
// (the canonical series: one value per QPV and year whatever the file, so REVN and the Filosofi
// QPV files of the same year rank once), computed once at build time.
import { qpvRanksTable } from '../../src/lib/schemas/indicators';
import type { Step } from '../lib/step';

export const qpvRanksStep: Step = {
	table: 'qpv_ranks',
	async run(ctx) {
		await ctx.db.create(qpvRanksTable);
		await ctx.db.run(`INSERT INTO qpv_ranks
			SELECT territory_code, indicator_id, period, period_kind,
			       rank() OVER (PARTITION BY indicator_id, period_kind, period ORDER BY value)::INTEGER,
			       count(*) OVER (PARTITION BY indicator_id, period_kind, period)::INTEGER
			FROM canonical_series
			WHERE territory_type = 'qpv' AND status = 'ok' AND value IS NOT NULL
			ORDER BY territory_code, indicator_id, period`);
	}
};
