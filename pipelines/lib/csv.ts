// Reads a delimited text file the way the public files need: encoding, BOM, CRLF, `;` or `,`,
// quoted or unquoted headers, dozens of trailing empty columns. Line numbers are 1-based, header = 1.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface CsvRow {
	line: number;
	cells: string[];
}

export interface CsvTable {
	path: string;
	header: string[];
	rows: CsvRow[];
	/** Cells found beyond the last named column that were not empty. */
	overflow: { line: number; column: number; value: string }[];
}

export interface CsvOptions {
	delimiter?: ';' | ',';
	encoding?: 'utf-8' | 'latin1';
}

export class SourceFileError extends Error {
	constructor(
		public readonly path: string,
		message: string
	) {
		super(`${path} : ${message}`);
		this.name = 'SourceFileError';
	}
}

export function decodeText(buffer: Buffer, encoding: 'utf-8' | 'latin1' = 'utf-8'): string {
	const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(buffer);
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCsvText(text: string, path: string, options: CsvOptions = {}): CsvTable {
	const delimiter =
		options.delimiter ?? (text.slice(0, 2000).split('\n')[0]!.includes(';') ? ';' : ',');
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
	const fatal = parsed.errors.find((e) => e.type === 'Quotes');
	if (fatal) throw new SourceFileError(path, `ligne ${(fatal.row ?? 0) + 1} : ${fatal.message}`);
	const [rawHeader, ...body] = parsed.data;
	if (!rawHeader) throw new SourceFileError(path, 'fichier vide');
	const header = rawHeader.map((h) => h.trim());
	while (header.length > 0 && header[header.length - 1] === '') header.pop();
	const rows: CsvRow[] = [];
	const overflow: CsvTable['overflow'] = [];
	body.forEach((cells, index) => {
		const line = index + 2;
		if (cells.every((c) => c.trim() === '')) return;
		for (let c = header.length; c < cells.length; c++) {
			if (cells[c]!.trim() !== '') overflow.push({ line, column: c + 1, value: cells[c]! });
		}
		rows.push({ line, cells: cells.slice(0, header.length) });
	});
	return { path, header, rows, overflow };
}

export function readCsv(absPath: string, relPath: string, options: CsvOptions = {}): CsvTable {
	let buffer: Buffer;
	try {
		buffer = readFileSync(absPath);
	} catch (e) {
		throw new SourceFileError(relPath, `illisible (${(e as Error).message})`);
	}
	let text: string;
	try {
		text = decodeText(buffer, options.encoding);
	} catch {
		throw new SourceFileError(
			relPath,
			`encodage inattendu (attendu ${options.encoding ?? 'utf-8'})`
		);
	}
	return parseCsvText(text, relPath, options);
}

/** Fails with the file and the missing columns when a header no longer matches the schema. */
export function requireColumns(table: CsvTable, required: string[]): Map<string, number> {
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
export function forbidUnexpectedColumns(table: CsvTable, known: string[]): void {
	const knownSet = new Set(known.map((k) => k.toUpperCase()));
	const unexpected = table.header.filter((h) => !knownSet.has(h.toUpperCase()));
	if (unexpected.length > 0) {
		throw new SourceFileError(table.path, `colonnes inattendues : ${unexpected.join(', ')}`);
	}
}

export function cell(row: CsvRow, index: Map<string, number>, column: string): string {
	const i = index.get(column.toUpperCase());
	return i === undefined ? '' : (row.cells[i] ?? '').trim();
}
