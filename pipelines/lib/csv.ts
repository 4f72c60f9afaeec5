// Reads a delimited text file the way the public files need: encoding, BOM, CRLF, `;` or `,`,
// quoted or unquoted headers, dozens of trailing empty columns. Line numbers are 1-based, header = 1.
import Papa from 'papaparse';
import { readSourceText, SourceFileError, type TextEncoding } from './csv-decode';

export { decodeText, firstInvalidUtf8, SourceFileError } from './csv-decode';
export { cell, forbidUnexpectedColumns, requireColumns } from './csv-columns';

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
	encoding?: TextEncoding;
}

/** A file's header, as a consumer of its rows sees it before the first row. */
export type CsvHeader = Pick<CsvTable, 'path' | 'header'>;

/**
 * What a scan leaves once the rows have gone to their consumer; `failure`: the consumer's error,
 * to be thrown by the caller once the file's rejects are recorded (as they were before reading).
 */
export type CsvScan = Omit<CsvTable, 'rows'> & { failure?: { error: unknown } };

/**
 * Parses a file row by row: `open` gets the header and returns what receives each complete row,
 * which may keep it or not. A large file is then never held as rows (its garbage dies young).
 * Same rules and errors as parseCsvText, which is this scan keeping every row.
 */
export function scanCsvText(
	text: string,
	path: string,
	options: CsvOptions,
	open: (header: CsvHeader) => (row: CsvRow) => void
): CsvScan {
	const delimiter =
		options.delimiter ?? (text.slice(0, 2000).split('\n')[0]!.includes(';') ? ';' : ',');
	const scan: CsvScan = { path, header: [], overflow: [], malformed: [] };
	let rawLength = -1;
	let sink: ((row: CsvRow) => void) | undefined;
	let quoteError = false;
	let line = 0;
	let lastFilled = 0;
	Papa.parse<string[]>(text, {
		delimiter,
		newline: lineBreak(text),
		skipEmptyLines: false,
		step: (result, parser) => {
			if (result.errors.some((e) => e.type === 'Quotes')) {
				quoteError = true;
				return parser.abort();
			}
			const cells = result.data;
			line++;
			if (rawLength < 0) {
				rawLength = cells.length;
				scan.header = trimHeader(cells);
				// A consumer's error waits for the end of the scan: a broken quote anywhere comes first.
				scan.failure = attempt(() => (sink = open({ path, header: scan.header })));
				return;
			}
			if (isBlank(cells)) return;
			lastFilled = line;
			const row = completeRow(scan, rawLength, line, cells, delimiter);
			if (row && !scan.failure) scan.failure = attempt(() => sink!(row));
		}
	});
	// The full parse names the row of a quote error; reached only when the file is broken.
	if (quoteError) fullParse(text, path, delimiter);
	if (rawLength < 0) throw new SourceFileError(path, 'fichier vide');
	const last = scan.malformed.at(-1);
	// A file that stops inside its last row: that row is cut, not merely short.
	if (last && last.line === lastFilled && last.found < scan.header.length && !/[\r\n]$/.test(text))
		last.truncated = true;
	if (!scan.failure) delete scan.failure;
	return scan;
}

/** Where papaparse guesses line breaks: the first megabyte, quoted text left out. */
const GUESSED = 1024 * 1024;
const QUOTED = /"([^]*?)"/gm;

/**
 * The line break papaparse would guess (its guessLineEndings, same answer): `\n` unless a `\r`
 * comes first, then `\r\n` when at least half the `\r`-separated pieces start with `\n`, else
 * `\r`. Counted in place: its two splits of a megabyte cost up to 20 ms per file.
 */
export function lineBreak(text: string): '\n' | '\r\n' | '\r' {
	let head = text.length > GUESSED ? text.substring(0, GUESSED) : text;
	if (head.includes('"')) head = head.replace(QUOTED, '');
	const firstCr = head.indexOf('\r');
	if (firstCr < 0) return '\n';
	const firstLf = head.indexOf('\n');
	if (firstLf >= 0 && firstLf < firstCr) return '\n';
	let pieces = 1;
	let crlf = 0;
	for (let cr = firstCr; cr >= 0; cr = head.indexOf('\r', cr + 1)) {
		pieces++;
		if (head.charCodeAt(cr + 1) === 10) crlf++;
	}
	return crlf >= pieces / 2 ? '\r\n' : '\r';
}

function isBlank(cells: string[]): boolean {
	for (const c of cells) if (c.trim() !== '') return false;
	return true;
}

/**
 * The row of a non-blank line, or null when its field count differs from the header's (then
 * recorded as malformed). Non-empty cells beyond the named columns are recorded as overflow.
 */
function completeRow(
	scan: CsvScan,
	rawLength: number,
	line: number,
	cells: string[],
	delimiter: string
): CsvRow | null {
	const named = scan.header.length;
	let extra = false;
	for (let c = rawLength; c < cells.length && !extra; c++) extra = cells[c]!.trim() !== '';
	if (cells.length < named || extra) {
		const start = cells.slice(0, 3).join(delimiter);
		scan.malformed.push({
			line,
			expected: rawLength,
			found: cells.length,
			truncated: false,
			start
		});
		return null;
	}
	for (let c = named; c < cells.length; c++) {
		if (cells[c]!.trim() !== '') scan.overflow.push({ line, column: c + 1, value: cells[c]! });
	}
	return { line, cells: cells.length > named ? cells.slice(0, named) : cells };
}

function trimHeader(cells: string[]): string[] {
	const header = cells.map((h) => h.trim());
	while (header.length > 0 && header[header.length - 1] === '') header.pop();
	return header;
}

function attempt(work: () => void): { error: unknown } | undefined {
	try {
		work();
		return undefined;
	} catch (error) {
		return { error };
	}
}

/** Throws the error of a file with a broken quote, naming its row as papaparse counts them. */
function fullParse(text: string, path: string, delimiter: string): never {
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
	const fatal = parsed.errors.find((e) => e.type === 'Quotes');
	throw new SourceFileError(
		path,
		`ligne ${(fatal?.row ?? 0) + 1} : ${fatal?.message ?? 'guillemets'}`
	);
}

export function parseCsvText(text: string, path: string, options: CsvOptions = {}): CsvTable {
	const rows: CsvRow[] = [];
	const scan = scanCsvText(text, path, options, () => (row) => rows.push(row));
	if (scan.failure) throw scan.failure.error;
	return { path, header: scan.header, rows, overflow: scan.overflow, malformed: scan.malformed };
}

export function readCsv(absPath: string, relPath: string, options: CsvOptions = {}): CsvTable {
	return parseCsvText(readSourceText(absPath, relPath, options.encoding), relPath, options);
}

/** readCsv row by row (see scanCsvText). */
export function scanCsv(
	absPath: string,
	relPath: string,
	options: CsvOptions,
	open: (header: CsvHeader) => (row: CsvRow) => void
): CsvScan {
	return scanCsvText(readSourceText(absPath, relPath, options.encoding), relPath, options, open);
}
