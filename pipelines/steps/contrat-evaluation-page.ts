// contrat_evaluation_page: per contrat, its synthesis and its QPV's evolutions as JSON, written
// once here from contrat_synthesis, contrat_qpv and qpv_evolutions (one grouped pass each).
import { contratEvaluationPageTable } from '../../src/lib/schemas/contrat-evaluation-page';
import type { Step } from '../lib/step';

export const contratEvaluationPageStep: Step = {
	table: contratEvaluationPageTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratEvaluationPageTable,
			`WITH synthesis AS (
			   SELECT s.contrat_code, to_json(list(s ORDER BY s.indicator_id))::VARCHAR AS rows
			   FROM contrat_synthesis s GROUP BY 1),
			 evolutions AS (
			   SELECT q.contrat_code, to_json(list(e ORDER BY e.qpv_code, e.indicator_id))::VARCHAR AS rows
			   FROM (SELECT DISTINCT contrat_code, code FROM contrat_qpv) q
			   JOIN qpv_evolutions e ON e.qpv_code = q.code GROUP BY 1)
			 SELECT c.code AS contrat_code, coalesce(s.rows, '[]') AS synthesis,
			        coalesce(v.rows, '[]') AS evolutions
			 FROM contrats c
			 LEFT JOIN synthesis s ON s.contrat_code = c.code
			 LEFT JOIN evolutions v ON v.contrat_code = c.code`
		);
	}
};
