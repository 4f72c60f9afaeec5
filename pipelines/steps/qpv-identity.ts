// qpv_identity: every QPV with its département, région, contrat link and contour, joined once
// here so that a QPV page reads one row by its code.
import { qpvIdentityTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const qpvIdentityStep: Step = {
	table: qpvIdentityTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			qpvIdentityTable,
			`WITH links AS (
			   SELECT qc.qpv_code, min(qc.contrat_code) AS contrat_code, min(c.name) AS contrat_name,
			          min(qc.method) AS contrat_method, count(qc.contrat_code)::INTEGER AS contrat_count
			   FROM qpv_contrat qc LEFT JOIN contrats c ON c.code = qc.contrat_code GROUP BY 1),
			 bounds AS (SELECT qpv_code, min(geometry) AS boundary FROM qpv_boundaries GROUP BY 1)
			 SELECT q.code, q.name, q.departement_code, d.name AS departement, q.region_code,
			        r.name AS region, q.main_commune_code, q.communes_label, q.population_2013,
			        q.population_2018, l.contrat_code, l.contrat_name, l.contrat_method,
			        coalesce(l.contrat_count, 0)::INTEGER AS contrat_count, b.boundary
			 FROM qpv q
			 LEFT JOIN departements d ON d.code = q.departement_code
			 LEFT JOIN regions r ON r.code = q.region_code
			 LEFT JOIN links l ON l.qpv_code = q.code
			 LEFT JOIN bounds b ON b.qpv_code = q.code`
		);
	}
};
