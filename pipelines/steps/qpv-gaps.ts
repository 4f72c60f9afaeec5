// qpv_gaps: each QPV's gap to its communes, its EPCI of the year, its département and (metropolitan
// QPV only) France métropolitaine, at the baseline and latest data years both publish; rates in
// points, amounts and ratios as a share of the reference; counts never.
import type { Indicator } from '../../src/lib/schemas/indicators';
import { qpvGapsTable } from '../../src/lib/schemas/evaluation';
import { gapTrendSql } from '../../src/lib/domain/gaps';
import { gapMeasure } from '../../src/lib/domain/synthesis';
import { BASELINE_FROM, HORIZON } from '../../src/lib/domain/timeline';
import { sqlList, sqlString } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

/** Gap indicators: published for QPV and for reference territories, and not a count. */
export function gapIndicators(indicators: Indicator[]): Indicator[] {
	return indicators.filter(
		(i) =>
			i.source.split('|').includes('filosofi-references') &&
			i.source.split('|').some((s) => s === 'filosofi-qpv' || s === 'sig-ville/REVN') &&
			gapMeasure(i.unit) !== null
	);
}

/**
 * Per QPV, indicator and reference (each commune apart; the EPCI may change code across years,
 * mergers), the first and last years from 2015 where both values are published, computed by
 * DuckDB (gapRowsSql reads the rule's inputs from them).
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

/** Why a gap has no trend when the QPV and its reference share fewer than two years. */
const NO_COMMON_YEAR = `Aucune année où le QPV et la référence sont tous deux publiés depuis ${BASELINE_FROM}.`;
const oneCommonYear = (year: string) =>
	`'Une seule année commune (' || ${year} || ') : pas d’évolution de l’écart.'`;

/**
 * The qpv_gaps rows, in the table's column order: the ends chosen by gapEndpointsSql, read by the
 * gap rule of src/lib/domain/gaps.ts (gapTrendSql). With one common year the gap is given at that
 * year but no trend; with none, neither.
 */
export function gapRowsSql(indicators: Pick<Indicator, 'id' | 'unit' | 'direction'>[]): string {
	const kinds = indicators.map((i) => sqlList([i.id, gapMeasure(i.unit)!, i.direction]));
	const end = (column: string) =>
		`CASE WHEN first_year = last_year THEN first_${column} ELSE last_${column} END`;
	const input = `SELECT e.*, k.measure, k.direction, first_year = last_year AS single,
			CASE WHEN single THEN NULL ELSE first_qpv_value END AS baseline_qpv,
			CASE WHEN single THEN NULL ELSE first_reference_value END AS baseline_reference,
			${end('qpv_value')} AS latest_qpv, ${end('reference_value')} AS latest_reference,
			first_qpv_segment IS NOT DISTINCT FROM last_qpv_segment AS comparable
		FROM (${gapEndpointsSql(indicators.map((i) => i.id))}) e
		JOIN (VALUES ${kinds.join(', ')}) k(indicator_id, measure, direction) USING (indicator_id)`;
	return `SELECT qpv_code, indicator_id, reference_kind,
		coalesce(${end('reference_code')}, any_reference_code) AS reference_code, measure,
		CASE WHEN single THEN NULL ELSE first_year END AS baseline_year, baseline_qpv, baseline_reference,
		baseline_gap, ${end('year')} AS latest_year, latest_qpv, latest_reference, latest_gap,
		CASE WHEN first_year IS NULL OR single THEN 'indetermine' ELSE trend END AS trend,
		CASE WHEN first_year IS NULL THEN ${sqlString(NO_COMMON_YEAR)} WHEN single THEN ${oneCommonYear('first_year')}
			ELSE reason END AS note
	FROM (${gapTrendSql(input)})`;
}

export const qpvGapsStep: Step = {
	table: qpvGapsTable.name,
	async run(ctx) {
		const indicators = gapIndicators(await ctx.db.query<Indicator>('SELECT * FROM indicators'));
		if (indicators.length === 0) await ctx.db.create(qpvGapsTable);
		// One row per QPV, indicator, reference kind and code: orderBy alone orders the table.
		else await ctx.db.insertSorted(qpvGapsTable, gapRowsSql(indicators), qpvGapsTable.orderBy);
	}
};
