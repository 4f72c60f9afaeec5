// qpv_gaps: each QPV's gap to its communes, its EPCI of the year, its département and (metropolitan
// QPV only) France métropolitaine, at the baseline and latest data years both publish; rates in
// points, amounts and ratios as a share of the reference; counts never.
import type { Indicator } from '../../src/lib/schemas/indicators';
import { qpvGapsTable, type QpvGap, type ReferenceKind } from '../../src/lib/schemas/evaluation';
import { gapTrend } from '../../src/lib/domain/gaps';
import { gapMeasure } from '../../src/lib/domain/synthesis';
import { BASELINE_FROM, HORIZON } from '../../src/lib/domain/timeline';
import { sqlList } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

export interface GapPoint {
	qpv_code: string;
	indicator_id: string;
	reference_kind: ReferenceKind;
	reference_code: string;
	year: number;
	qpv_value: number | null;
	reference_value: number | null;
	qpv_segment: number;
}

/** Gap indicators: published for QPV and for reference territories, and not a count. */
export function gapIndicators(indicators: Indicator[]): Indicator[] {
	return indicators.filter(
		(i) =>
			i.source.split('|').includes('filosofi-references') &&
			i.source.split('|').some((s) => s === 'filosofi-qpv' || s === 'sig-ville/REVN') &&
			gapMeasure(i.unit) !== null
	);
}

/** Baseline: first year from 2015 where both values are published; latest: the last up to 2022. */
export function gapRow(indicator: Indicator, points: GapPoint[]): QpvGap {
	const both = points
		.filter((p) => p.year >= BASELINE_FROM && p.year <= HORIZON)
		.filter((p) => p.qpv_value !== null && p.reference_value !== null)
		.sort((a, b) => a.year - b.year);
	const first = both[0] ?? null;
	const last = both.at(-1) ?? null;
	const any = points[0]!;
	const measure = gapMeasure(indicator.unit)!;
	const pair = (p: GapPoint | null) => ({
		qpv: p?.qpv_value ?? null,
		reference: p?.reference_value ?? null
	});
	const single = first !== null && last !== null && first.year === last.year;
	const evo = gapTrend(indicator, pair(first), pair(single ? null : last), {
		comparable: first?.qpv_segment === last?.qpv_segment
	});
	const latest = single ? gapTrend(indicator, pair(last), pair(last)).latest : evo.latest;
	let note = evo.reason;
	if (!first) note = 'Aucune année où le QPV et la référence sont tous deux publiés depuis 2015.';
	else if (single) note = `Une seule année commune (${first.year}) : pas d’évolution de l’écart.`;
	return {
		qpv_code: any.qpv_code,
		indicator_id: indicator.id,
		reference_kind: any.reference_kind,
		reference_code: (last ?? points.at(-1)!).reference_code,
		measure,
		baseline_year: single ? null : (first?.year ?? null),
		baseline_qpv: single ? null : (first?.qpv_value ?? null),
		baseline_reference: single ? null : (first?.reference_value ?? null),
		baseline_gap: single ? null : evo.baseline.value,
		latest_year: last?.year ?? null,
		latest_qpv: last?.qpv_value ?? null,
		latest_reference: last?.reference_value ?? null,
		latest_gap: latest.value,
		trend: single || !first ? 'indetermine' : evo.trend,
		note
	};
}

/**
 * Per QPV, indicator and reference (each commune apart; the EPCI may change code across years,
 * mergers), the first and last years from 2015 where both values are published, computed by
 * DuckDB: gapRow then reads at most two points per group instead of every year (577 k rows).
 */
export function gapEndpointsSql(indicatorIds: string[]): string {
	const both = `qpv_value IS NOT NULL AND reference_value IS NOT NULL AND year BETWEEN ${BASELINE_FROM} AND ${HORIZON}`;
	const end = (fn: 'arg_min' | 'arg_max', prefix: string) =>
		['qpv_value', 'reference_value', 'qpv_segment', 'reference_code']
			.map((c) => `${fn}(${c}, year) FILTER (WHERE ${both}) AS ${prefix}_${c}`)
			.join(', ');
	return `
		WITH p AS (
			SELECT q.territory_code AS qpv_code, q.indicator_id, r.reference_kind, r.territory_code AS reference_code,
				q.period AS year,
				CASE WHEN q.status = 'ok' THEN q.value END AS qpv_value,
				CASE WHEN t.status = 'ok' THEN t.value END AS reference_value,
				q.segment AS qpv_segment
			FROM canonical_series q
			JOIN qpv_references r ON r.qpv_code = q.territory_code AND r.data_year = q.period
			JOIN canonical_series t ON t.territory_type = r.territory_type AND t.territory_code = r.territory_code
				AND t.indicator_id = q.indicator_id AND t.period = q.period AND t.period_kind = 'annee_donnees'
			WHERE q.territory_type = 'qpv' AND q.period_kind = 'annee_donnees'
				AND q.indicator_id IN ${sqlList(indicatorIds)}
		)
		SELECT qpv_code, indicator_id, reference_kind,
			min(year) FILTER (WHERE ${both}) AS first_year, ${end('arg_min', 'first')},
			max(year) FILTER (WHERE ${both}) AS last_year, ${end('arg_max', 'last')},
			max(reference_code) AS any_reference_code
		FROM p GROUP BY qpv_code, indicator_id, reference_kind,
			CASE WHEN reference_kind = 'commune' THEN reference_code ELSE '' END`;
}

interface GapEndpoints {
	qpv_code: string;
	indicator_id: string;
	reference_kind: ReferenceKind;
	first_year: number | null;
	first_qpv_value: number | null;
	first_reference_value: number | null;
	first_qpv_segment: number;
	first_reference_code: string;
	last_year: number | null;
	last_qpv_value: number | null;
	last_reference_value: number | null;
	last_qpv_segment: number;
	last_reference_code: string;
	any_reference_code: string;
}

/** The points gapRow needs: both ends when published, else one unpublished point of the group. */
export function endpointPoints(e: GapEndpoints): GapPoint[] {
	const base = {
		qpv_code: e.qpv_code,
		indicator_id: e.indicator_id,
		reference_kind: e.reference_kind
	};
	if (e.first_year === null || e.last_year === null)
		return [
			{
				...base,
				reference_code: e.any_reference_code,
				year: 0,
				qpv_value: null,
				reference_value: null,
				qpv_segment: 0
			}
		];
	// Plain property reads: keys built per row (`${end}_year`) cost about 1 s CPU over 127 k rows.
	const first: GapPoint = {
		...base,
		reference_code: e.first_reference_code,
		year: e.first_year,
		qpv_value: e.first_qpv_value,
		reference_value: e.first_reference_value,
		qpv_segment: e.first_qpv_segment
	};
	if (e.first_year === e.last_year) return [first];
	return [
		first,
		{
			...base,
			reference_code: e.last_reference_code,
			year: e.last_year,
			qpv_value: e.last_qpv_value,
			reference_value: e.last_reference_value,
			qpv_segment: e.last_qpv_segment
		}
	];
}

export const qpvGapsStep: Step = {
	table: qpvGapsTable.name,
	async run(ctx) {
		const indicators = gapIndicators(await ctx.db.query<Indicator>('SELECT * FROM indicators'));
		const byId = new Map(indicators.map((i) => [i.id, i]));
		const ends = await ctx.db.query<GapEndpoints>(gapEndpointsSql(indicators.map((i) => i.id)));
		const rows = ends.map((e) => gapRow(byId.get(e.indicator_id)!, endpointPoints(e)));
		await ctx.db.create(qpvGapsTable);
		await ctx.db.insert(qpvGapsTable, rows);
	}
};
