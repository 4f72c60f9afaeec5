// contrat_posts: adultes-relais and FONJEP posts per year of every contrat (each post once, the
// amounts of the records naming it), computed once here instead of a scan of every record's
// contrat list at each render of a contrat page.
import { contratPostsTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const contratPostsStep: Step = {
	table: contratPostsTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratPostsTable,
			`WITH named AS (
			   -- each record once per contrat it names (a code written twice counts once)
			   SELECT kind, year, amount_eur,
			          unnest(list_distinct(string_split(contrat_codes, ','))) AS contrat_code
			   FROM dispositif_posts),
			 amounts AS (
			   SELECT contrat_code, kind, year, sum(amount_eur) AS amount_eur FROM named GROUP BY ALL)
			 SELECT l.contrat_code, l.kind, l.year, count(DISTINCT l.post_id)::INTEGER AS posts,
			        (count(DISTINCT l.post_id) FILTER (WHERE l.contrat_count > 1))::INTEGER AS shared_posts,
			        any_value(a.amount_eur) AS amount_eur, min(l.source_path) AS source_path
			 FROM post_contrats l
			 LEFT JOIN amounts a ON a.contrat_code = l.contrat_code AND a.kind = l.kind AND a.year = l.year
			 GROUP BY l.contrat_code, l.kind, l.year`
		);
	}
};
