// Columns of a parsed CSV by name: the header checks that name the file and the columns at fault,
// and the cell lookup that the steps call once per cell read.
import { SourceFileError } from './csv-decode';
import type { CsvHeader, CsvRow } from './csv';

/** Fails with the file and the missing columns when a header no longer matches the schema. */
export function requireColumns(table: CsvHeader, required: string[]): Map<string, number> {
	const index = new Map(table.header.map((name, i) => [name.toUpperCase(), i]));
	const missing = required.filter((name) => !index.has(name.toUpperCase()));
	if (missing.length > 0) {
		throw new SourceFileError(
			table.path,
			`colonnes manquantes : ${missing.join(', ')} (en-tête lu : ${table.header.join(', ')})`
		);
	}
	return index;
}

/** Fails when a header has columns the schema does not know. */
export function forbidUnexpectedColumns(table: CsvHeader, known: string[]): void {
	const knownSet = new Set(known.map((k) => k.toUpperCase()));
	const unexpected = table.header.filter((h) => !knownSet.has(h.toUpperCase()));
	if (unexpected.length > 0) {
		throw new SourceFileError(table.path, `colonnes inattendues : ${unexpected.join(', ')}`);
	}
}

/** Upper-case forms of the column names that steps ask for, so that a cell costs no new string. */
const upperNames = new Map<string, string>();

function upper(name: string): string {
	let found = upperNames.get(name);
	if (found === undefined) upperNames.set(name, (found = name.toUpperCase()));
	return found;
}

/** A cell by column name (any case), trimmed; '' when the header has no such column. */
export function cell(row: CsvRow, index: Map<string, number>, column: string): string {
	const i = index.get(upper(column));
	return i === undefined ? '' : (row.cells[i] ?? '').trim();
}
