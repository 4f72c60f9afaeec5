// canonical_series: one value per indicator, territory and period (the data year, or the vintage
// when the data year is unpublished), chosen by the precedence of src/lib/domain/timeline.ts, with
// its comparability segment (declared breaks). Also checks that the sources agree where they overlap.
import { canonicalSeriesTable } from '../../src/lib/schemas/evaluation';
import { sourceRankSql } from '../../src/lib/domain/timeline';
import type { BuildDb } from '../lib/build-db';
import type { Step } from '../lib/step';

export const canonicalSeriesSql = `INSERT INTO canonical_series
WITH o AS (
	SELECT indicator_id, territory_type, territory_code, coalesce(reference_year, vintage) AS period,
		CASE WHEN reference_year IS NULL THEN 'millesime' ELSE 'annee_donnees' END AS period_kind,
		reference_year AS data_year, vintage, value, status, source_path, source_line,
		${sourceRankSql()} AS source_rank
	FROM observations
), ranked AS (
	SELECT *,
		row_number() OVER (PARTITION BY indicator_id, territory_type, territory_code, period_kind, period
			ORDER BY (status = 'ok') DESC, source_rank, vintage DESC, source_path, source_line) AS rn,
		list(source_path || ' l.' || source_line) OVER (PARTITION BY indicator_id, territory_type, territory_code, period_kind, period) AS all_sources
	FROM o
)
SELECT r.indicator_id, r.territory_type, r.territory_code, r.period, r.period_kind, r.data_year, r.vintage,
	r.value, r.status, r.source_path, r.source_line,
	coalesce((SELECT count(*) FROM series_breaks b WHERE b.indicator_id = r.indicator_id
		AND b.period_kind = r.period_kind AND b.period <= r.period), 0)::INTEGER AS segment,
	nullif(array_to_string(list_filter(r.all_sources, s -> s <> r.source_path || ' l.' || r.source_line), ' ; '), '')
FROM ranked r WHERE rn = 1`;

export interface Agreement {
	data_year: number;
	both_published: number;
	different: number;
}

/** Where Filosofi QPV files and SIG Ville REVN carry the same data year: how often they differ. */
export async function sourceAgreement(db: BuildDb): Promise<Agreement[]> {
	return db.query<Agreement>(`
		SELECT a.reference_year AS data_year, count(*)::INTEGER AS both_published,
			count(*) FILTER (WHERE abs(a.value - b.value) > 1e-9)::INTEGER AS different
		FROM observations a JOIN observations b
			ON a.indicator_id = b.indicator_id AND a.territory_type = b.territory_type
			AND a.territory_code = b.territory_code AND a.reference_year = b.reference_year
		WHERE starts_with(a.source_path, 'filosofi-qpv/') AND starts_with(b.source_path, 'sig-ville/REVN_')
			AND a.status = 'ok' AND b.status = 'ok'
		GROUP BY ALL ORDER BY data_year`);
}

export const canonicalSeriesStep: Step = {
	table: canonicalSeriesTable.name,
	async run(ctx) {
		await ctx.db.create(canonicalSeriesTable);
		await ctx.db.run(canonicalSeriesSql);
		ctx.report.source_agreement = await sourceAgreement(ctx.db);
	}
};
