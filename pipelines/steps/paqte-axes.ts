// The 4 axes of the PaQte (sensibiliser, former, recruter, acheter), from
// data/reference/paqte-axes.csv.
import { paqteAxesTable } from '../../src/lib/schemas/referentiels';
import { loadReferenceRows, readReferenceCsv, requireUnique } from '../lib/reference-csv';
import type { Step } from '../lib/step';

export const paqteAxesStep: Step = {
	table: paqteAxesTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(ctx, 'paqte-axes.csv', paqteAxesTable);
		requireUnique(relPath, rows, ['id']);
		await loadReferenceRows(ctx, relPath, paqteAxesTable, rows);
	}
};
