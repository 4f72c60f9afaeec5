// Typed column specs shared by the CSV and XLSX writers: each row is checked against its column
// type before it is written, so a figure never reaches a spreadsheet as the wrong kind of cell.
import type { Provenance } from '$lib/schemas/provenance';

export type ColumnType = 'text' | 'number' | 'integer';

export interface ExportColumn<Row> {
	key: keyof Row & string;
	/** French header shown to évaluateurs. */
	header: string;
	type: ColumnType;
	/** XLSX column width in characters (default from the header and the type). */
	width?: number;
	/** XLSX decimals shown for `number` columns (default 1, i.e. `0.0`); the value keeps full precision. */
	decimals?: number;
}

/** A source file as the `provenance` table describes it. */
export type ExportSource = Pick<Provenance, 'path' | 'producer' | 'vintage' | 'licence'>;

export type CellValue = string | number | null;

/** Column as the writers see it once the row type is erased. */
export interface ColumnMeta {
	header: string;
	type: ColumnType;
	width?: number;
	decimals?: number;
}

/** One table to export: headers and validated cells, pulled lazily (single use). */
export interface ExportTable {
	name: string;
	columns: ColumnMeta[];
	cells: AsyncIterable<CellValue[]>;
}

export interface ExportTableDef<Row> {
	/** Sheet name in XLSX (ignored by CSV). */
	name?: string;
	columns: ExportColumn<Row>[];
	rows: AsyncIterable<Row> | Iterable<Row>;
	/**
	 * When given, a last « Source » column cites the file(s) each row comes from, so the source
	 * stays attached to a figure after sorting, filtering or copying rows.
	 */
	source?: (row: Row) => ExportSource | readonly ExportSource[] | null;
}

export const SOURCE_HEADER = 'Source';

export class ExportValueError extends Error {
	constructor(column: string, value: unknown, expected: string) {
		super(
			`export : valeur ${describe(value)} invalide pour la colonne « ${column} » (${expected} attendu)`
		);
		this.name = 'ExportValueError';
	}
}

function describe(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'bigint') return `${value}n`;
	return String(value);
}

/** Checks one value against its column type; null and undefined become an empty cell. */
export function checkCell(value: unknown, type: ColumnType, header: string): CellValue {
	if (value === null || value === undefined) return null;
	if (type === 'text') {
		if (typeof value !== 'string') throw new ExportValueError(header, value, 'texte');
		return value;
	}
	// DuckDB returns BIGINT as bigint; keep it only when it converts exactly.
	const n = typeof value === 'bigint' ? Number(value) : value;
	if (typeof value === 'bigint' && BigInt(n as number) !== value) {
		throw new ExportValueError(header, value, 'entier représentable');
	}
	if (typeof n !== 'number' || !Number.isFinite(n)) {
		throw new ExportValueError(header, value, 'nombre fini');
	}
	if (type === 'integer' && !Number.isSafeInteger(n)) {
		throw new ExportValueError(header, value, 'entier');
	}
	return Object.is(n, -0) ? 0 : n;
}

/** « producteur, millésime …, licence (fichier) », one citation per source file. */
export function citeSource(source: ExportSource): string {
	return `${source.producer}, millésime ${source.vintage}, ${source.licence} (${source.path})`;
}

export function citeSources(sources: ExportSource | readonly ExportSource[] | null): string | null {
	if (sources === null) return null;
	const list: readonly ExportSource[] = Array.isArray(sources)
		? sources
		: [sources as ExportSource];
	return list.length === 0 ? null : list.map(citeSource).join(' | ');
}

/** Binds a typed table definition to lazily validated cells. */
export function exportTable<Row>(def: ExportTableDef<Row>): ExportTable {
	const columns: ColumnMeta[] = def.columns.map(({ header, type, width, decimals }) => ({
		header,
		type,
		width,
		decimals
	}));
	const { source } = def;
	if (source) columns.push({ header: SOURCE_HEADER, type: 'text', width: 60 });
	async function* cells(): AsyncGenerator<CellValue[]> {
		// for await closes the caller's iterator (return()) when the consumer stops early.
		for await (const row of def.rows) {
			const line = def.columns.map((c) => checkCell(row[c.key], c.type, c.header));
			if (source) line.push(citeSources(source(row)));
			yield line;
		}
	}
	return { name: def.name ?? 'Données', columns, cells: cells() };
}
