// qpv_ranks: each QPV's rank among all QPV with a published value, per indicator and vintage,
// computed once at build time (per source file: REVN and Filosofi QPV files share vintages).
import { qpvRanksTable } from '../../src/lib/schemas/indicators';
import type { Step } from '../lib/step';

export const qpvRanksStep: Step = {
	table: 'qpv_ranks',
	async run(ctx) {
		await ctx.db.create(qpvRanksTable);
		await ctx.db.run(`INSERT INTO qpv_ranks
			SELECT territory_code, indicator_id, vintage,
			       rank() OVER (PARTITION BY indicator_id, vintage, source_path ORDER BY value)::INTEGER,
			       count(*) OVER (PARTITION BY indicator_id, vintage, source_path)::INTEGER
			FROM observations
			WHERE territory_type = 'qpv' AND status = 'ok' AND value IS NOT NULL`);
	}
};
