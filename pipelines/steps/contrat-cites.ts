// contrat_cites: the cités of every contrat, found once here by the same perimeter as the page
// used to compute at each render (EPCI of 2015 and its current communes, commune, QPV's communes).
import { contratCitesTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const contratCitesStep: Step = {
	table: contratCitesTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			contratCitesTable,
			`WITH perimeter AS (
			   -- equality joins, not one join on an OR (which DuckDB runs as a nested loop)
			   SELECT c.code AS contrat_code, m.code FROM contrats c
			   JOIN communes m ON m.epci2015_siren = c.epci2015_siren
			   UNION
			   SELECT c.code, m.code FROM contrats c JOIN communes m ON m.code = c.commune_code
			   UNION
			   SELECT qc.contrat_code, x.commune_code FROM qpv_contrat qc
			   JOIN qpv_communes x ON x.qpv_code = qc.qpv_code
			   UNION
			   SELECT c.code, m.current_code FROM contrats c
			   JOIN communes m ON m.epci2015_siren = c.epci2015_siren
			   WHERE m.current_code IS NOT NULL)
			 SELECT DISTINCT p.contrat_code, t.kind, t.id, t.name, t.communes_label, t.source_path
			 FROM cites t JOIN cite_communes cc ON cc.kind = t.kind AND cc.cite_id = t.id
			 JOIN perimeter p ON p.code = cc.commune_code`
		);
	}
};
