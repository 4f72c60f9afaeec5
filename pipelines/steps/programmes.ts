// The 5 programmes of the 2018 feuille de route (sécurité, éducation, emploi, logement, lien
// social), from data/reference/programmes.csv.
import { programmesTable } from '../../src/lib/schemas/referentiels';
import { loadReferenceRows, readReferenceCsv, requireUnique } from '../lib/reference-csv';
import type { Step } from '../lib/step';

export const programmesStep: Step = {
	table: programmesTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(ctx, 'programmes.csv', programmesTable);
		requireUnique(relPath, rows, ['id']);
		await loadReferenceRows(ctx, relPath, programmesTable, rows);
	}
};
