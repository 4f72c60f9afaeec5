// qpv_commune_list: each QPV's communes with their EPCI of 2015, joined and ordered once here so
// that a QPV page reads a few rows by its code instead of joining every commune at each render.
import { qpvCommuneListTable } from '../../src/lib/schemas/page-models';
import type { Step } from '../lib/step';

export const qpvCommuneListStep: Step = {
	table: qpvCommuneListTable.name,
	async run(ctx) {
		await ctx.db.insertSorted(
			qpvCommuneListTable,
			`SELECT x.qpv_code,
			        row_number() OVER (PARTITION BY x.qpv_code
			                           ORDER BY x.method <> 'qpv_info_nom_commune', m.code)::INTEGER AS position,
			        m.code, m.name, m.kind, m.current_code, m.epci2015_siren, e.name AS epci_name, x.method
			 FROM qpv_communes x JOIN communes m ON m.code = x.commune_code
			 LEFT JOIN epci e ON e.siren = m.epci2015_siren`
		);
	}
};
