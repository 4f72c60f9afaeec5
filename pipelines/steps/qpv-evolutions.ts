// qpv_evolutions: baseline → latest of each evaluated indicator (headline and pillar tables) for every QPV, read on its canonical
// series by the rules of src/lib/domain/timeline.ts (a break or a single year gives no verdict),
// applied by DuckDB in their SQL form (evolutionSql).
import type { Indicator } from '../../src/lib/schemas/indicators';
import { qpvEvolutionsTable } from '../../src/lib/schemas/evaluation';
import { EVALUATED_INDICATORS } from '../../src/lib/domain/synthesis';
import { evolutionSql } from '../../src/lib/domain/timeline';
import { isRate } from '../../src/lib/domain/units';
import { sqlList } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

/** Every QPV × evaluated indicator, with its canonical points (none: one row, period NULL). */
export function evolutionPointsSql(
	indicators: Pick<Indicator, 'id' | 'unit' | 'direction'>[]
): string {
	const kinds = indicators.map(
		(i) => `(${sqlList([i.id, i.direction]).slice(1, -1)}, ${isRate(i.unit)})`
	);
	return `SELECT q.code AS qpv_code, k.indicator_id, k.direction, k.rate, c.period, c.period_kind,
			c.value, c.status, c.segment, c.source_path || ' l.' || c.source_line AS source
		FROM qpv q CROSS JOIN (VALUES ${kinds.join(', ')}) k(indicator_id, direction, rate)
		LEFT JOIN canonical_series c ON c.territory_type = 'qpv' AND c.territory_code = q.code
			AND c.indicator_id = k.indicator_id`;
}

export const qpvEvolutionsStep: Step = {
	table: qpvEvolutionsTable.name,
	async run(ctx) {
		const ids = sqlList(EVALUATED_INDICATORS);
		const indicators = await ctx.db.query<Indicator>(`SELECT * FROM indicators WHERE id IN ${ids}`);
		if (indicators.length === 0) return ctx.db.create(qpvEvolutionsTable);
		// One row per QPV and indicator: orderBy alone orders the table.
		await ctx.db.insertSorted(
			qpvEvolutionsTable,
			evolutionSql(evolutionPointsSql(indicators), ['qpv_code', 'indicator_id']),
			qpvEvolutionsTable.orderBy
		);
	}
};
