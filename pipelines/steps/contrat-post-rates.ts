// contrat_post_rates: for every contrat and every year of each dispositif, its distinct
// adultes-relais / FONJEP posts per 1,000 QPV inhabitants (2018) beside France's rate, computed
// once here so that a contrat page reads its own rows instead of the national aggregate. A contrat's
// own posts per year are contrat_posts' (that step runs before, see ./page-models.ts).
import { CONTRAT_POPULATION_SQL, contratPostRatesTable } from '../../src/lib/schemas/contrat-means';
import type { Step } from '../lib/step';

export const contratPostRatesStep: Step = {
	table: contratPostRatesTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratPostRatesTable,
			`WITH pop AS (${CONTRAT_POPULATION_SQL}),
			 national AS (
			   SELECT kind, year,
			          1000.0 * count(DISTINCT post_id) / (SELECT sum(population) FROM pop) AS rate
			   FROM post_contrats WHERE contrat_code IN (SELECT contrat_code FROM pop) GROUP BY 1, 2),
			 mine AS (SELECT contrat_code, kind, year, posts, shared_posts FROM contrat_posts)
			 SELECT c.code AS contrat_code, n.kind, n.year, coalesce(m.posts, 0)::INTEGER AS posts,
			        coalesce(m.shared_posts, 0)::INTEGER AS shared_posts,
			        1000.0 * coalesce(m.posts, 0) / p.population AS per_1000,
			        n.rate AS national_per_1000
			 FROM contrats c CROSS JOIN national n
			 LEFT JOIN mine m ON m.contrat_code = c.code AND m.kind = n.kind AND m.year = n.year
			 LEFT JOIN pop p ON p.contrat_code = c.code`
		);
	}
};
