// The 40 measures of the 2018 feuille de route: the 17 the sources attest by name, the others
// kept as undocumented slots (never an invented title). From data/reference/mesures.csv.
import { MEASURE_COUNT, mesuresTable, type Mesure } from '../../src/lib/schemas/referentiels';
import { SourceFileError } from '../lib/csv';
import {
	loadReferenceRows,
	readReferenceCsv,
	requireKnown,
	requireUnique,
	tableIds,
	type ReferenceRow
} from '../lib/reference-csv';
import type { Step } from '../lib/step';

/** Whole-file rules the row schema cannot see: unique ids, exactly 40 slots, known programmes. */
export function validateMesures(
	relPath: string,
	rows: ReferenceRow<Mesure>[],
	programmeIds: Set<string>
): void {
	requireUnique(relPath, rows, ['id']);
	requireKnown(relPath, rows, 'programme_id', programmeIds, 'programme inconnu');
	if (rows.length !== MEASURE_COUNT) {
		const present = new Set(rows.map((r) => r.row.id));
		const missing = Array.from(
			{ length: MEASURE_COUNT },
			(_, i) => `M${String(i + 1).padStart(2, '0')}`
		).filter((id) => !present.has(id));
		throw new SourceFileError(
			relPath,
			`${rows.length} mesures au lieu de ${MEASURE_COUNT}` +
				(missing.length ? ` (manquantes : ${missing.join(', ')})` : '')
		);
	}
}

export const mesuresStep: Step = {
	table: mesuresTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(ctx, 'mesures.csv', mesuresTable);
		validateMesures(relPath, rows, await tableIds(ctx, 'programmes'));
		await loadReferenceRows(ctx, relPath, mesuresTable, rows);
	}
};
