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
