// Domains of the Pacte de Dijon and who leads each (État or intercommunalité), only as the
// sources attest them, from data/reference/pacte-dijon-domaines.csv.
import { pacteDijonDomainesTable } from '../../src/lib/schemas/referentiels';
import { loadReferenceRows, readReferenceCsv, requireUnique } from '../lib/reference-csv';
import type { Step } from '../lib/step';

export const pacteDijonDomainesStep: Step = {
	table: pacteDijonDomainesTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(
			ctx,
			'pacte-dijon-domaines.csv',
			pacteDijonDomainesTable
		);
		requireUnique(relPath, rows, ['id']);
		await loadReferenceRows(ctx, relPath, pacteDijonDomainesTable, rows);
	}
};
