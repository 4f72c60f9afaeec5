// Streaming XLSX workbook (exceljs WorkbookWriter): typed numeric cells, bold frozen header,
// number formats, one sheet per table, then a « Sources » sheet naming every source file.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ColumnMeta, ExportSource, ExportTable } from './columns';

export const SOURCES_SHEET = 'Sources';
const CREATOR = 'Tableau de bord de la politique de la ville';

/**
 * Number formats are stored in the file's invariant notation: `#,##0` is what French Excel and
 * LibreOffice display as `# ##0` (the `,` becomes the user's thousands separator, a space in
 * French). Writing a literal space would print a fixed space in the wrong place.
 */
export function numberFormat(column: ColumnMeta): string | undefined {
	if (column.type === 'integer') return '#,##0';
	if (column.type === 'number') {
		const decimals = column.decimals ?? 1;
		return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
	}
	return undefined;
}

function columnWidth(column: ColumnMeta): number {
	if (column.width) return column.width;
	return Math.min(60, Math.max(column.header.length + 2, column.type === 'text' ? 16 : 12));
}

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;

/** Excel sheet names: at most 31 characters, none of `\ / ? * [ ] :`, no edge apostrophe, unique. */
export function safeSheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
	const base =
		name
			.replace(FORBIDDEN_SHEET_CHARS, '-')
			.replace(/\p{Cc}/gu, ' ')
			.trim()
			.replace(/^'+|'+$/g, '')
			.slice(0, 31)
			.trim() || 'Feuille';
	const used = new Set([...taken].map((n) => n.toLowerCase()));
	let candidate = base;
	for (let i = 2; used.has(candidate.toLowerCase()); i++) {
		const suffix = ` (${i})`;
		candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
	}
	return candidate;
}

/** Calendar date in Paris, as a UTC midnight Date so exceljs writes that day whatever the server TZ. */
function parisDay(date: Date): Date {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(date);
	return new Date(`${parts}T00:00:00Z`);
}

export interface XlsxExport {
	sheets: ExportTable[];
	/** Every file the figures come from (from the `provenance` table); sorted and deduplicated here. */
	sources: readonly ExportSource[];
	exportedAt: Date;
	/** Extra lines for the Sources sheet, e.g. what an empty cell means. */
	notes?: readonly string[];
}

type Sheet = ExcelJS.Worksheet;

function addSheet(
	workbook: ExcelJS.stream.xlsx.WorkbookWriter,
	name: string,
	columns: ColumnMeta[]
): Sheet {
	const last = columns.length > 0 ? columns.length : 1;
	const sheet = workbook.addWorksheet(name, {
		views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }]
	});
	// Filter buttons on the header: évaluateurs narrow a contrat's rows to one indicator.
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: last } };
	sheet.columns = columns.map((c) => {
		const numFmt = numberFormat(c);
		return { width: columnWidth(c), style: numFmt ? { numFmt } : {} };
	});
	const header = sheet.addRow(columns.map((c) => c.header));
	header.font = { bold: true };
	header.commit();
	return sheet;
}

/** Lets zlib and the consumer catch up, so the sheet is not buffered whole in memory. */
async function backpressure(out: PassThrough): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	if (!out.writableNeedDrain || out.destroyed) return;
	await new Promise<void>((resolve) => {
		const done = () => {
			out.off('drain', done);
			out.off('close', done);
			resolve();
		};
		out.on('drain', done);
		out.on('close', done);
	});
}

async function writeWorkbook(out: PassThrough, spec: XlsxExport): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		// Shared strings are the standard string cells (inline `t="str"` is a formula result type);
		// repeated labels and citations are stored once.
		useSharedStrings: true
	});
	// Fixed metadata: the same export gives the same workbook content.
	workbook.creator = CREATOR;
	workbook.lastModifiedBy = CREATOR;
	workbook.created = spec.exportedAt;
	workbook.modified = spec.exportedAt;

	const taken = new Set<string>([SOURCES_SHEET]);
	for (const table of spec.sheets) {
		const name = safeSheetName(table.name, taken);
		taken.add(name);
		const sheet = addSheet(workbook, name, table.columns);
		let count = 0;
		for await (const cells of table.cells) {
			if (out.destroyed) return; // download cancelled: for await closes the source
			sheet.addRow(cells).commit();
			if (++count % 500 === 0) await backpressure(out);
		}
		sheet.commit();
	}

	const sourceColumns: ColumnMeta[] = [
		{ header: 'Fichier source', type: 'text', width: 50 },
		{ header: 'Producteur', type: 'text', width: 32 },
		{ header: 'Millésime', type: 'text', width: 14 },
		{ header: 'Licence', type: 'text', width: 44 }
	];
	const sheet = addSheet(workbook, SOURCES_SHEET, sourceColumns);
	const unique = new Map(spec.sources.map((s) => [s.path, s]));
	for (const path of [...unique.keys()].sort()) {
		const s = unique.get(path)!;
		sheet.addRow([s.path, s.producer, s.vintage, s.licence]).commit();
	}
	sheet.addRow([]).commit();
	const dated = sheet.addRow(["Date d'export", parisDay(spec.exportedAt)]);
	dated.getCell(1).font = { bold: true };
	dated.getCell(2).numFmt = 'dd/mm/yyyy';
	dated.commit();
	for (const note of spec.notes ?? []) {
		const row = sheet.addRow(['Note', note]);
		row.getCell(1).font = { bold: true };
		row.commit();
	}
	sheet.commit();
	await workbook.commit();
}

/**
 * Streams the workbook. Sheets are written in order and rows as they arrive; only the shared
 * strings table and the styles wait for the end (the XLSX format puts them in separate parts).
 */
export function xlsxStream(spec: XlsxExport): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	writeWorkbook(out, spec).catch((error: unknown) => {
		out.destroy(error instanceof Error ? error : new Error(String(error)));
	});
	return toWebStream(out);
}

/**
 * Node stream → web stream that pauses the Node side while the web queue is full, so a slow
 * download holds back the writer (`backpressure` above waits for `drain`).
 */
function toWebStream(out: PassThrough): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				out.on('data', (chunk: Buffer) => {
					controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
					if ((controller.desiredSize ?? 0) <= 0) out.pause();
				});
				out.once('end', () => controller.close());
				out.on('error', (error) => controller.error(error));
			},
			pull() {
				out.resume();
			},
			cancel() {
				out.destroy();
			}
		},
		{ highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength }
	);
}
