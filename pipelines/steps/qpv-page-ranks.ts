// qpv_page_ranks: each QPV's rank at its latest published period of each indicator, the rows of
// qpv_ranks its page shows (the period of the series' latest point, domain/timeline.ts endpoints).
import { BASELINE_FROM, HORIZON } from '../../src/lib/domain/timeline';
import { qpvPageRanksTable } from '../../src/lib/schemas/qpv-page';
import type { Step } from '../lib/step';

export const qpvPageRanksStep: Step = {
	table: qpvPageRanksTable.name,
	async run(ctx) {
		// qpv_ranks holds exactly the published points (status 'ok', a value), as endpoints() keeps
		// them; one period kind per indicator, so the latest period names one row. One aggregate
		// pass over qpv_ranks, no window.
		await ctx.db.insertSorted(
			qpvPageRanksTable,
			`SELECT qpv_code, indicator_id, r.period, r.period_kind, r.rank, r.n
			 FROM (SELECT qpv_code, indicator_id,
			              arg_max(struct_pack(period, period_kind, rank, n), period) AS r
			       FROM qpv_ranks WHERE period BETWEEN ${BASELINE_FROM} AND ${HORIZON}
			       GROUP BY qpv_code, indicator_id)`
		);
	}
};
