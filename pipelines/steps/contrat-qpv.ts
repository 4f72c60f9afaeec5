// contrat_qpv: the QPV of every contrat with their communes in words, written once here: the page
// used to join every commune at each render to name the communes of a QPV without a label.
import { contratQpvTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const contratQpvStep: Step = {
	table: contratQpvTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratQpvTable,
			`WITH names AS (
			   SELECT x.qpv_code, string_agg(m.name, ', ' ORDER BY m.name) AS names
			   FROM qpv_communes x JOIN communes m ON m.code = x.commune_code GROUP BY 1)
			 SELECT qc.contrat_code, q.code, q.name, coalesce(q.communes_label, n.names) AS communes,
			        q.population_2013, q.population_2018, qc.method
			 FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code
			 LEFT JOIN names n ON n.qpv_code = q.code`
		);
	}
};
