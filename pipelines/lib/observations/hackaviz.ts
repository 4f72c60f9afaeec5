// Hackaviz 2021 Occitanie QPV file: only its columns that exist nowhere else (schools, establishments)
// are catalogued; the others duplicate SIG Ville columns of an unstated vintage and are reported.
import { cell, requireColumns, SourceFileError, type CsvTable } from '../csv';
import type { SourceLedger } from '../ledger';
import { qpvTerritory, type WideSpec } from './wide';

export const hackavizPath = 'qpv-occitanie-hackaviz/qp.csv';
export const hackavizMetaPath = 'qpv-occitanie-hackaviz/meta_qp.csv';
export const hackavizContoursMetaPath = 'qpv-occitanie-hackaviz/meta_contours_qp.csv';

export function hackavizSpec(knownQpv?: Set<string>): WideSpec {
	return {
		family: 'qpv-occitanie-hackaviz',
		// The Hackaviz 2021 edition; meta_qp.csv gives no reference year.
		vintage: 2021,
		codeColumn: 'code_qp',
		required: ['ec_mat', 'ec_elem', 'coll', 'nbetab', 'auto_ent'],
		descriptive: /^(nom_qp|nom_commune)$/i,
		territory: qpvTerritory(knownQpv),
		referenceYear: () => null,
		blanks: 'store'
	};
}

/**
 * The data dictionary of qp.csv: column → description. Rows describing catalogued columns are
 * loaded (they give the definitions); the others document columns loaded from SIG Ville.
 */
export function readHackavizMeta(
	csv: CsvTable,
	ledger: SourceLedger,
	catalogued: Set<string>
): Map<string, string> {
	const index = requireColumns(csv, ['colonne', 'description']);
	const meta = new Map<string, string>();
	for (const row of csv.rows) {
		const column = cell(row, index, 'colonne');
		const description = cell(row, index, 'description');
		if (column === '' || description === '') {
			ledger.rejectRow(row.line, 'colonne', column, 'ligne de dictionnaire incomplète');
			continue;
		}
		meta.set(column.toLowerCase(), description);
		if (catalogued.has(column.toLowerCase())) ledger.loaded('indicators');
		else ledger.aggregate();
	}
	for (const column of catalogued) {
		if (!meta.has(column))
			throw new SourceFileError(csv.path, `colonne ${column} absente du dictionnaire`);
	}
	return meta;
}
