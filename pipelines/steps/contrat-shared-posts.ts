// contrat_shared_posts: each post of a contrat that other contrats share, with those contrats,
// written once here instead of a self-join of every post link at each render of a contrat page.
import { contratSharedPostsTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const contratSharedPostsStep: Step = {
	table: contratSharedPostsTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratSharedPostsTable,
			`SELECT p.contrat_code, p.kind, p.year, p.post_id, p.via_multi_code,
			        string_agg(o.contrat_code, ', ' ORDER BY o.contrat_code) AS others
			 FROM post_contrats p JOIN post_contrats o
			   ON o.kind = p.kind AND o.year = p.year AND o.post_id = p.post_id
			  AND o.contrat_code <> p.contrat_code
			 GROUP BY ALL`
		);
	}
};
