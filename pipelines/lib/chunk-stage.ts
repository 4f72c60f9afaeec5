// Stages a ColumnBatch in a temporary DuckDB table as numeric data chunks (strings as codes into a
// dictionary), and gives the projection that turns the staged columns back into the table's values.
import { sqlString } from '../../src/lib/sql-string';
import {
	DOUBLE,
	DuckDBAppender,
	DuckDBConnection,
	DuckDBDataChunk,
	DuckDBTypeId,
	INTEGER,
	VARCHAR,
	type DuckDBType,
	type DuckDBVector
} from '@duckdb/node-api';
import type { ColumnBatch } from './column-batch';

/** DuckDB's vector size: the most rows a data chunk holds. */
const CHUNK = 2048;
/** Up to this many distinct strings, a column is staged as codes into a list literal. */
const SMALL_DICTIONARY = 1024;

export interface Staged {
	name: string;
	type: DuckDBType;
	data: Int32Array | Float64Array | Uint8Array;
	nulls?: Uint8Array;
	/** Set for text columns: `data` holds codes into these strings. */
	text?: string[];
}

function listLiteral(values: string[]): string {
	return `([${values.map(sqlString).join(', ')}]::VARCHAR[])`;
}

/** Writes rows `start` … `start + size` of one staged column into a vector. */
function fillVector(vector: DuckDBVector, s: Staged, start: number, size: number): void {
	const { data, nulls, text } = s;
	for (let i = 0; i < size; i++) {
		const row = start + i;
		if (!text) vector.setItem(i, data[row]!);
		else vector.setItem(i, nulls![row] ? null : text[data[row]!]!);
	}
	vector.flush();
}

/**
 * The staged columns of a batch and the SELECT list (over the stage aliased `s`) that rebuilds the
 * table's columns. Numbers go in as numeric vectors, never null (nulls are flag columns); a string
 * column with few distinct values goes in as codes looked up in a list literal; other strings go
 * in as text.
 */
export function stagePlan(batch: ColumnBatch): { staged: Staged[]; select: string[] } {
	const staged: Staged[] = [];
	const select: string[] = [];
	batch.columns.forEach((c, i) => {
		const col = `s.c${i}`;
		let expr = col;
		// A NUL character cannot be written in an SQL literal: such a column goes in as text.
		const asText =
			c.kind === 'dict' &&
			(c.values.length > SMALL_DICTIONARY || c.values.some((v) => v.includes('\0')));
		if (asText) {
			staged.push({ name: `c${i}`, type: VARCHAR, data: c.data, nulls: c.nulls, text: c.values });
		} else {
			staged.push({ name: `c${i}`, type: c.kind === 'float' ? DOUBLE : INTEGER, data: c.data });
			if (c.kind === 'dict') expr = `${listLiteral(c.values)}[${col} + 1]`;
			if (c.type === 'BIGINT') expr = `CAST(${col} AS BIGINT)`;
			if (c.type === 'BOOLEAN') expr = `(${col} <> 0)`;
			if (c.hasNull) {
				staged.push({ name: `n${i}`, type: INTEGER, data: c.nulls });
				expr = `CASE WHEN s.n${i} = 1 THEN NULL ELSE ${expr} END`;
			}
		}
		select.push(`${c.type === 'DATE' ? `CAST(${expr} AS DATE)` : expr} AS "${c.name}"`);
	});
	return { staged, select };
}

/**
 * Appends `length` rows to an open table, CHUNK rows at a time. The appender copies each chunk, so
 * numeric chunks are reused (every row is rewritten); a text vector keeps the strings written to it
 * until its chunk goes, so chunks with text are not.
 */
export function appendChunks(
	appender: DuckDBAppender,
	types: DuckDBType[],
	length: number,
	fill: (vector: DuckDBVector, column: number, start: number, size: number) => void
): void {
	const reuse = types.every((t) => t.typeId !== DuckDBTypeId.VARCHAR);
	let chunk: DuckDBDataChunk | undefined;
	for (let start = 0; start < length; start += CHUNK) {
		const size = Math.min(CHUNK, length - start);
		if (!reuse || !chunk || chunk.rowCount !== size) chunk = DuckDBDataChunk.create(types, size);
		for (let k = 0; k < types.length; k++) fill(chunk.getColumnVector(k), k, start, size);
		appender.appendDataChunk(chunk);
	}
	appender.closeSync();
}

/**
 * The typed array behind a numeric vector (node-api keeps it as `items` and copies it to DuckDB on
 * flush), or undefined when this version of node-api does not: then values go one by one.
 */
export function vectorItems(
	vector: DuckDBVector,
	size: number
): Int32Array | Float64Array | undefined {
	const items = (vector as unknown as { items?: unknown }).items;
	return (items instanceof Int32Array || items instanceof Float64Array) && items.length === size
		? items
		: undefined;
}

/** Creates the temporary table `stage` and appends the staged columns to it, chunk by chunk. */
export async function appendStage(
	connection: DuckDBConnection,
	stage: string,
	staged: Staged[],
	length: number
): Promise<void> {
	const columns = staged.map((s) => `${s.name} ${s.type.toString()}`).join(', ');
	await connection.run(`CREATE TEMP TABLE "${stage}" (${columns})`);
	const appender = await connection.createAppender(stage, 'main', 'temp');
	const types = staged.map((s) => s.type);
	appendChunks(appender, types, length, (vector, k, start, size) =>
		fillVector(vector, staged[k]!, start, size)
	);
}
