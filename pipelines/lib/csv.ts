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
	/**
	 * Rows whose field count differs from the header's (fewer than the named columns, or non-empty
	 * fields beyond the header): never in `rows`, so that a cut row cannot pass its missing cells
	 * off as blank (`secret`) ones. `truncated`: the file ends inside this row.
	 */
	malformed: MalformedRow[];
}

export interface MalformedRow {
	line: number;
	expected: number;
	found: number;
	truncated: boolean;
	/** The first cells, to show the row to an operator. */
	start: string;
}

/** The reject reason of a malformed row, with both counts. */
export function malformedReason(m: MalformedRow): string {
	const counts = `${m.found} champs au lieu de ${m.expected} (en-tête)`;
	return m.truncated ? `dernière ligne tronquée : ${counts}` : `nombre de champs : ${counts}`;
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

/**
 * Byte offset (0-based) of the first byte that is not valid UTF-8: the longest prefix that a
 * streaming decoder accepts (a sequence cut by the prefix end is not an error in stream mode).
 */
export function firstInvalidUtf8(buffer: Uint8Array): number {
	const valid = (n: number, stream = true) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, n), { stream });
			return true;
		} catch {
			return false;
		}
	};
	let low = 0;
	let high = buffer.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (valid(mid)) low = mid;
		else high = mid - 1;
	}
	// The prefix may end inside a sequence that the next byte breaks: report its lead byte.
	if (valid(low, false)) return low;
	let lead = low - 1;
	while (lead > 0 && (buffer[lead]! & 0xc0) === 0x80) lead--;
	return lead;
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
	const malformed: MalformedRow[] = [];
	const endsCleanly = /[\r\n]$/.test(text);
	let last = body.length - 1;
	while (last >= 0 && body[last]!.every((c) => c.trim() === '')) last--;
	body.forEach((cells, index) => {
		const line = index + 2;
		if (cells.every((c) => c.trim() === '')) return;
		const extra = cells.slice(rawHeader.length).some((c) => c.trim() !== '');
		if (cells.length < header.length || extra) {
			const truncated = index === last && !endsCleanly && cells.length < header.length;
			const start = cells.slice(0, 3).join(delimiter);
			malformed.push({ line, expected: rawHeader.length, found: cells.length, truncated, start });
			return;
		}
		for (let c = header.length; c < cells.length; c++) {
			if (cells[c]!.trim() !== '') overflow.push({ line, column: c + 1, value: cells[c]! });
		}
		rows.push({ line, cells: cells.slice(0, header.length) });
	});
	return { path, header, rows, overflow, malformed };
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
		const offset = firstInvalidUtf8(buffer);
		const line = buffer.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
		throw new SourceFileError(
			relPath,
			`encodage inattendu (attendu ${options.encoding ?? 'utf-8'}) : ligne ${line}, octet ${offset}` +
				` (0x${buffer[offset]?.toString(16).padStart(2, '0') ?? '??'})`
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
