// qpv_chart_series: for every QPV, the canonical series of the charted indicators of each
// territory it is compared with (qpv_references), so that a QPV page reads them by its code in one
// query instead of reading its references first, then one branch per territory.
import { QPV_CHART_INDICATORS, qpvChartSeriesTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const qpvChartSeriesStep: Step = {
	table: qpvChartSeriesTable.name,
	async run(ctx) {
		const ids = QPV_CHART_INDICATORS.map((id) => `'${id}'`).join(', ');
		await ctx.db.insertSorted(
			qpvChartSeriesTable,
			`SELECT r.qpv_code, s.*
			 FROM (SELECT DISTINCT qpv_code, territory_type, territory_code FROM qpv_references) r
			 JOIN canonical_series s
			   ON s.territory_type = r.territory_type AND s.territory_code = r.territory_code
			 WHERE s.indicator_id IN (${ids})`
		);
	}
};
