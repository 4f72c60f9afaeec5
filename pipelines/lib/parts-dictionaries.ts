// The dictionaries of a table of parts (./parts.ts): one temporary table per text column, holding
// each string once with its code, and the list literals that stand for a small one in SQL.
import { sqlString } from '../../src/lib/sql-string';
import type { DuckDBConnection } from '@duckdb/node-api';

/** A small dictionary's strings in rank order, and each code's rank at the code's position. */
export interface DictionaryLists {
	values: string;
	ranks: string;
}

/**
 * The list literals of a dictionary (`code`, `value`), or undefined when a string holds a NUL,
 * which an SQL literal cannot hold.
 */
export async function dictionaryLists(
	connection: DuckDBConnection,
	table: string,
	codes: Map<string, number>
): Promise<DictionaryLists | undefined> {
	if ([...codes.keys()].some((v) => v.includes('\0'))) return undefined;
	const reader = await connection.runAndReadAll(
		`SELECT code, value FROM temp.main."${table}" ORDER BY value`
	);
	const [code, ordered] = reader.getColumnsJS() as [number[], string[]];
	// Distinct strings: each has its own rank, its position in DuckDB's order.
	const ranks: number[] = new Array(codes.size);
	code.forEach((c, position) => (ranks[c] = position + 1));
	return {
		values: `([${ordered.map(sqlString).join(', ')}]::VARCHAR[])`,
		ranks: `([${ranks.join(', ')}]::INTEGER[])`
	};
}

/**
 * Gives the batch's codes from `remap.length` on their table code, adding unknown strings to
 * `codes`; returns the strings added.
 */
export function extendRemap(
	codes: Map<string, number>,
	values: string[],
	remap: number[]
): string[] {
	const added: string[] = [];
	for (let local = remap.length; local < values.length; local++) {
		const text = values[local]!;
		let code = codes.get(text);
		if (code === undefined) {
			code = codes.size;
			codes.set(text, code);
			added.push(text);
		}
		remap.push(code);
	}
	return added;
}

export async function appendDictionary(
	connection: DuckDBConnection,
	table: string,
	codes: Map<string, number>,
	added: string[]
): Promise<void> {
	const appender = await connection.createAppender(table, 'main', 'temp');
	for (const text of added) {
		appender.appendInteger(codes.get(text)!);
		appender.appendVarchar(text);
		appender.endRow();
	}
	appender.closeSync();
}
