// Streaming CSV for French spreadsheets (Excel FR, LibreOffice fr-FR): `;` separator, UTF-8 with
// BOM so accents survive a double-click, CRLF, decimal comma, no thousands separator.
//
// Sources: a CSV has no comments and no second sheet. A separate `…-sources.csv` gets separated
// from the data as soon as the file is forwarded, and an endpoint can only return one file. So the
// caller asks for a last « Source » column (`exportTable({ source })`) that cites producer,
// millésime, licence and file on each row: the citation follows the figure when an évaluateur
// sorts, filters or pastes rows into a report. The XLSX export adds a « Sources » sheet as well.
//
// Codes stay text in the file, but Excel opening a CSV directly may still read `01001` as a
// number: the XLSX export is the one to use when codes must keep their leading zeros.
import type { CellValue, ColumnMeta, ExportTable } from './columns';

export const SEPARATOR = ';';
export const LINE_BREAK = '\r\n';
const BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** Writes a number without exponent: `1e-7` → `0.0000001` (spreadsheets would read `1e-7` as text). */
export function plainDecimal(n: number): string {
	const s = String(n);
	const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!match) return s;
	const [, sign, int = '', frac = '', exp] = match;
	const digits = int + frac;
	const point = int.length + Number(exp);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** One CSV field: decimal comma for numbers, apostrophe guard then quoting for text. */
export function formatCsvCell(value: CellValue, type: ColumnMeta['type']): string {
	if (value === null) return '';
	if (typeof value === 'number') {
		return type === 'integer' ? String(value) : plainDecimal(value).replace('.', ',');
	}
	// Only text is guarded: a negative number must stay a number.
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsvLine(cells: CellValue[], columns: ColumnMeta[]): string {
	return cells.map((value, i) => formatCsvCell(value, columns[i]?.type ?? 'text')).join(SEPARATOR);
}

export interface CsvStreamOptions {
	/** Characters gathered before a chunk is sent (default 16 KiB): fewer, larger writes. */
	chunkChars?: number;
}

/**
 * Streams `table` as CSV. Rows are pulled only when the consumer asks for more, so an endpoint
 * can `return new Response(csvStream(table), { headers })` without holding the data in memory.
 * Records are separated by CRLF; there is no line break after the last one, hence no blank line.
 */
export function csvStream(
	table: ExportTable,
	options: CsvStreamOptions = {}
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const chunkChars = options.chunkChars ?? 16_384;
	const iterator = table.cells[Symbol.asyncIterator]();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				const headers = table.columns.map((c) => c.header);
				controller.enqueue(encoder.encode(BOM + formatCsvLine(headers, table.columns)));
				return;
			}
			let text = '';
			try {
				while (text.length < chunkChars) {
					const next = await iterator.next();
					if (next.done) {
						if (text) controller.enqueue(encoder.encode(text));
						controller.close();
						return;
					}
					text += LINE_BREAK + formatCsvLine(next.value, table.columns);
				}
			} catch (error) {
				// Release the source (e.g. a DuckDB result) before failing the download.
				await iterator.return?.();
				throw error;
			}
			controller.enqueue(encoder.encode(text));
		},
		async cancel() {
			await iterator.return?.();
		}
	});
}
