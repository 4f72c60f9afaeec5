// Small helpers shared by the evaluation steps (grouping rows read from DuckDB, SQL lists).
import { sqlString } from '../../../src/lib/sql-string';

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = out.get(k);
		if (list) list.push(row);
		else out.set(k, [row]);
	}
	return out;
}

export { sqlString };

/** A SQL list of string literals. */
export function sqlList(values: readonly string[]): string {
	return `(${values.map(sqlString).join(', ')})`;
}

/**
 * Runs a write with only dictionary compression tried on text columns: DuckDB would analyse each
 * string compression on every text column of every row group, and picks dictionary for these
 * (few distinct codes, indicators, files per stretch of rows) anyway; numbers keep their own.
 * The build's connection runs one statement at a time, so nothing else writes meanwhile.
 */
export async function withDictionaryCompression(
	db: { run(sql: string): Promise<void> },
	write: () => Promise<void>
): Promise<void> {
	await db.run(`SET force_compression = 'dictionary'`);
	try {
		await write();
	} finally {
		await db.run('RESET force_compression');
	}
}
