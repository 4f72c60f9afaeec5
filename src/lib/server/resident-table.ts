// Rows of a table held in memory column by column and grouped by one key, read once per process:
// the per-QPV reads of every QPV page (its page rows, series and gaps). The database never changes
// while the server runs; read by code, these rows cost each page three DuckDB queries and the
// decoding of about 2,500 texts, held here they cost a few hundred small objects (README, « Page
// de QPV, 2/12 au soir »).
import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '$lib/sql-string';
import { query, withOwnConnection } from './db';

/**
 * `text`: a few distinct values (indicator, status, file), coded against them; `string`: values
 * mostly distinct (a JSON row), kept as they are.
 */
export type ColumnKind = 'text' | 'string' | 'integer' | 'double';

/** A table's rows by key: `where` and the names are constants of the code, never user input. */
export interface ResidentSpec {
	table: string;
	where: string;
	key: string;
	columns: readonly (readonly [name: string, kind: ColumnKind])[];
}

/** The per-key read the resident rows replace, in the same order (the table's, by rowid). */
export function keyQuery(spec: ResidentSpec): string {
	return `SELECT ${spec.columns.map(([name]) => name).join(', ')} FROM ${spec.table}
		WHERE ${spec.where} AND ${spec.key} = $1 ORDER BY rowid`;
}

/** The DuckDB type each kind is read as (a `text` column as the code of its value). */
const EXPECTED_TYPE: Record<ColumnKind, DuckDBTypeId> = {
	text: DuckDBTypeId.INTEGER,
	string: DuckDBTypeId.VARCHAR,
	integer: DuckDBTypeId.INTEGER,
	double: DuckDBTypeId.DOUBLE
};

/** Codes of a text column: 16 bits, the last one for null. */
const NULL_CODE = 0xffff;

type ColumnData =
	| { kind: 'text'; codes: Uint16Array; dictionary: string[] }
	| { kind: 'string'; values: (string | null)[] }
	| { kind: 'integer'; values: Int32Array; nulls: Uint8Array }
	| { kind: 'double'; values: Float64Array; nulls: Uint8Array };

export class ResidentTable<Row> {
	constructor(
		private readonly names: readonly string[],
		private readonly data: readonly ColumnData[],
		/** First row and row count of each key. */
		private readonly ranges: ReadonlyMap<string, readonly [number, number]>
	) {}

	/** The key's rows as the per-key query gives them; none for an unknown key. */
	rows(key: string): Row[] {
		const range = this.ranges.get(key);
		if (!range) return [];
		const [start, count] = range;
		const rows: Row[] = [];
		for (let r = start; r < start + count; r++) {
			const row: Record<string, unknown> = {};
			for (let c = 0; c < this.names.length; c++) row[this.names[c]!] = valueAt(this.data[c]!, r);
			rows.push(row as Row);
		}
		return rows;
	}
}

function valueAt(column: ColumnData, row: number): string | number | null {
	if (column.kind === 'text') {
		const code = column.codes[row]!;
		return code === NULL_CODE ? null : column.dictionary[code]!;
	}
	if (column.kind === 'string') return column.values[row]!;
	return column.nulls[row] ? null : column.values[row]!;
}

/**
 * Reads the table once: each text column is coded by DuckDB against its distinct values
 * (`enum_code`), so that no text is decoded per row. The rows of each key must follow one another
 * in the table (the build writes them sorted by key), else the load fails and pages keep reading
 * by key.
 */
export async function loadResidentTable<Row>(
	connection: DuckDBConnection,
	spec: ResidentSpec
): Promise<ResidentTable<Row>> {
	const from = `FROM ${spec.table} WHERE ${spec.where}`;
	const ranges = await keyRanges(connection, spec, from);
	const dictionaries = new Map<string, string[]>();
	for (const [name, kind] of spec.columns) {
		if (kind === 'text') dictionaries.set(name, await distinctTexts(connection, spec, name, from));
	}
	const select = spec.columns.map(([name, kind]) => {
		if (kind !== 'text') return name;
		const values = dictionaries.get(name)!.map(sqlString).join(', ');
		// An ENUM needs one value at least: a column of nulls only is coded null.
		if (values === '') return `NULL::INTEGER AS ${name}`;
		return `enum_code(CAST(${name} AS ENUM (${values})))::INTEGER AS ${name}`;
	});
	// Streamed chunk by chunk: each fetch gives the event loop back, so pages are answered while
	// the table loads, and DuckDB never holds the whole result.
	const result = await connection.stream(`SELECT ${select.join(', ')} ${from} ORDER BY rowid`);
	const total = [...ranges.values()].reduce((n, [, count]) => n + count, 0);
	const data = spec.columns.map(([name, kind], c) => {
		const actual = result.columnTypes()[c]!.typeId;
		if (actual !== EXPECTED_TYPE[kind]) {
			throw new Error(`${spec.table}.${name} : type ${actual} inattendu`);
		}
		return emptyColumn(kind, total, dictionaries.get(name) ?? []);
	});
	let row = 0;
	let chunk = await result.fetchChunk();
	while (chunk && chunk.rowCount > 0) {
		if (row + chunk.rowCount > total) throw new Error(`${spec.table} : plus de ${total} lignes`);
		for (let c = 0; c < data.length; c++) {
			fill(data[c]!, chunk.getColumnVector(c), row, chunk.rowCount);
		}
		row += chunk.rowCount;
		chunk = await result.fetchChunk();
	}
	if (row !== total) throw new Error(`${spec.table} : ${row} lignes lues, ${total} attendues`);
	return new ResidentTable<Row>(
		spec.columns.map(([name]) => name),
		data,
		ranges
	);
}

function emptyColumn(kind: ColumnKind, total: number, dictionary: string[]): ColumnData {
	if (kind === 'text') return { kind, codes: new Uint16Array(total), dictionary };
	if (kind === 'string') return { kind, values: new Array<string | null>(total).fill(null) };
	if (kind === 'integer')
		return { kind, values: new Int32Array(total), nulls: new Uint8Array(total) };
	return { kind, values: new Float64Array(total), nulls: new Uint8Array(total) };
}

function fill(
	column: ColumnData,
	vector: { getItem(index: number): unknown },
	offset: number,
	count: number
): void {
	for (let j = 0; j < count; j++) {
		const value = vector.getItem(j);
		if (column.kind === 'string') column.values[offset + j] = value as string | null;
		else if (column.kind === 'text')
			column.codes[offset + j] = (value as number | null) ?? NULL_CODE;
		else if (value === null) column.nulls[offset + j] = 1;
		else column.values[offset + j] = value as number;
	}
}

/** Each key's first row and count, in the table's order; its rows must be contiguous. */
async function keyRanges(
	connection: DuckDBConnection,
	spec: ResidentSpec,
	from: string
): Promise<Map<string, [number, number]>> {
	const reader = await connection.runAndReadAll(
		`SELECT ${spec.key} AS key, count(*)::INTEGER AS n, (max(rowid) - min(rowid) + 1)::INTEGER AS span
		 ${from} GROUP BY ${spec.key} ORDER BY min(rowid)`
	);
	const ranges = new Map<string, [number, number]>();
	let start = 0;
	for (const { key, n, span } of reader.getRowObjectsJS() as {
		key: string | null;
		n: number;
		span: number;
	}[]) {
		if (key === null || n !== span) {
			throw new Error(`${spec.table} : les lignes de ${spec.key} = ${key} ne se suivent pas`);
		}
		ranges.set(key, [start, n]);
		start += n;
	}
	return ranges;
}

async function distinctTexts(
	connection: DuckDBConnection,
	spec: ResidentSpec,
	name: string,
	from: string
): Promise<string[]> {
	const reader = await connection.runAndReadAll(
		`SELECT DISTINCT ${name} AS v ${from} AND ${name} IS NOT NULL ORDER BY v`
	);
	const values = reader.getRowObjectsJS().map((r) => r.v);
	if (values.some((v) => typeof v !== 'string'))
		throw new Error(`${spec.table}.${name} : pas un texte`);
	if (values.length >= NULL_CODE) throw new Error(`${spec.table}.${name} : trop de valeurs`);
	return values as string[];
}

/** A per-key read, and the load that moves it from DuckDB to memory. */
export interface ResidentRows<Row> {
	/** Served from memory once `load` has read the table; by the DuckDB query until then. */
	read: (key: string) => Promise<Row[]>;
	/** Reads the table (once, in the background, when the server starts). */
	load: () => Promise<void>;
}

/** The same rows either way: a failed or unfinished load leaves the reads on DuckDB. */
export function residentRows<Row>(spec: ResidentSpec, weight = 1): ResidentRows<Row> {
	let table: ResidentTable<Row> | undefined;
	const sql = keyQuery(spec);
	return {
		read: (key) => (table ? Promise.resolve(table.rows(key)) : query<Row>(sql, [key], weight)),
		load: async () => {
			table ??= await withOwnConnection((connection) => loadResidentTable<Row>(connection, spec));
		}
	};
}
