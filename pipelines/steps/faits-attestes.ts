// Dated facts and figures the public sources give on the feuille de route, the Pacte de Dijon,
// the PaQte and individual measures, each with its source. From data/reference/faits-attestes.csv.
import { faitsAttestesTable, factSubjects } from '../../src/lib/schemas/referentiels';
import {
	loadReferenceRows,
	readReferenceCsv,
	requireKnown,
	requireUnique
} from '../lib/reference-csv';
import type { Step } from '../lib/step';

export const faitsAttestesStep: Step = {
	table: faitsAttestesTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(ctx, 'faits-attestes.csv', faitsAttestesTable);
		requireUnique(relPath, rows, ['id']);
		// A fact about a measure must name an existing slot; a fact cannot attest an undocumented one.
		const attested = await ctx.db.query<{ id: string }>(
			`SELECT id FROM mesures WHERE status = 'atteste'`
		);
		const subjects = new Set<string>([...factSubjects, ...attested.map((r) => r.id)]);
		requireKnown(relPath, rows, 'subject', subjects, 'sujet inconnu ou mesure non attestée');
		await loadReferenceRows(ctx, relPath, faitsAttestesTable, rows);
	}
};
