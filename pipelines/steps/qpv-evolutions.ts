// qpv_evolutions: baseline → latest of each evaluated indicator (headline and pillar tables) for every QPV, read on its canonical
// series by the rules of src/lib/domain/timeline.ts (a break or a single year gives no verdict).
import type { Indicator } from '../../src/lib/schemas/indicators';
import {
	qpvEvolutionsTable,
	type QpvEvolution,
	type PeriodKind
} from '../../src/lib/schemas/evaluation';
import { EVALUATED_INDICATORS } from '../../src/lib/domain/synthesis';
import { endpoints, trendOf, type TimelinePoint } from '../../src/lib/domain/timeline';
import { groupBy, sqlList } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

interface Point extends TimelinePoint {
	qpv_code: string;
	indicator_id: string;
	period_kind: PeriodKind;
	source_line: number;
	source_path: string;
}

const source = (p: Point | null) => (p ? `${p.source_path} l.${p.source_line}` : null);

export function evolutionRow(indicator: Indicator, qpvCode: string, points: Point[]): QpvEvolution {
	const ends = endpoints(points);
	const trend = trendOf(indicator, ends);
	return {
		qpv_code: qpvCode,
		indicator_id: indicator.id,
		period_kind: points[0]?.period_kind ?? 'annee_donnees',
		baseline_period: ends.baseline?.period ?? null,
		baseline_value: ends.baseline?.value ?? null,
		baseline_source: source(ends.baseline),
		latest_period: ends.latest?.period ?? null,
		latest_value: ends.latest?.value ?? null,
		latest_source: source(ends.latest),
		change: trend.change,
		verdict: trend.verdict,
		reason: trend.reason
	};
}

export const qpvEvolutionsStep: Step = {
	table: qpvEvolutionsTable.name,
	async run(ctx) {
		const ids = sqlList(EVALUATED_INDICATORS);
		const indicators = await ctx.db.query<Indicator>(`SELECT * FROM indicators WHERE id IN ${ids}`);
		const points = await ctx.db.query<Point>(
			`SELECT territory_code AS qpv_code, indicator_id, period, period_kind, value, status, segment,
				source_path, source_line
			 FROM canonical_series WHERE territory_type = 'qpv' AND indicator_id IN ${ids}`
		);
		const byKey = groupBy(points, (p) => `${p.qpv_code}|${p.indicator_id}`);
		const qpv = await ctx.db.query<{ code: string }>(`SELECT code FROM qpv ORDER BY code`);
		const rows = qpv.flatMap(({ code }) =>
			indicators.map((i) => evolutionRow(i, code, byKey.get(`${code}|${i.id}`) ?? []))
		);
		await ctx.db.create(qpvEvolutionsTable);
		await ctx.db.insert(qpvEvolutionsTable, rows);
	}
};
