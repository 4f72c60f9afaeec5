// Each adulte-relais / FONJEP post and the contrats it is attached to, per year: a post under two
// contrats (two records, or a code such as CV380CV384) is shown on both and counted once.
import { postContratsTable } from '../../src/lib/schemas/actions';
import type { BuildContext, Step } from '../lib/step';

export const postContratsStep: Step = {
	table: postContratsTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(postContratsTable);
		// Computed in DuckDB from the validated dispositif_posts rows.
		await ctx.db.run(
			`INSERT INTO post_contrats
			 WITH attached AS (
			   SELECT kind, year, post_id, unnest(string_split(contrat_codes, ',')) AS contrat_code,
			          contains(contrat_codes, ',') AS multi, source_path
			   FROM dispositif_posts WHERE contrat_codes IS NOT NULL),
			 distinct_links AS (
			   SELECT kind, year, post_id, contrat_code, bool_or(multi) AS via_multi_code,
			          min(source_path) AS source_path
			   FROM attached GROUP BY kind, year, post_id, contrat_code)
			 SELECT kind, year, post_id, contrat_code,
			        (count(*) OVER (PARTITION BY kind, year, post_id))::INTEGER AS contrat_count,
			        via_multi_code, source_path
			 FROM distinct_links`
		);
		const rows = await ctx.db.query<Record<string, unknown>>(
			`SELECT kind, year,
			   (SELECT count(DISTINCT post_id) FROM dispositif_posts d WHERE d.kind = p.kind AND d.year = p.year)::INTEGER AS posts,
			   count(DISTINCT post_id)::INTEGER AS posts_with_contrat,
			   count(DISTINCT post_id) FILTER (WHERE contrat_count > 1)::INTEGER AS posts_under_several_contrats
			 FROM post_contrats p GROUP BY kind, year ORDER BY kind, year`
		);
		ctx.report[postContratsTable.name] = { by_kind_and_year: rows };
	}
};
