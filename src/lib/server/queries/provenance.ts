// The source files behind a table, read from the `provenance` table, so that a figure computed
// from a whole table (QPV count, posts per year) gets its "Sources" line from the data itself.
import { query } from '../db';

/**
 * Pure builder: files whose `tables` list (comma separated) names one of `tables`. The list is
 * split, not matched as a substring, so 'qpv' does not pick up the files of 'qpv_contrat'.
 */
export function sourcePathsForTablesQuery(tables: string[]): { sql: string; params: string[] } {
	const marks = tables.map((_, i) => `$${i + 1}`).join(', ');
	const sql = `
SELECT path FROM provenance
WHERE list_has_any(string_split(replace(tables, ' ', ''), ','), [${marks || 'NULL'}]::VARCHAR[])
ORDER BY path`;
	return { sql, params: tables };
}

export async function sourcePathsForTables(tables: string[]): Promise<string[]> {
	if (tables.length === 0) return [];
	const { sql, params } = sourcePathsForTablesQuery(tables);
	return (await query<{ path: string }>(sql, params)).map((r) => r.path);
}

export interface FileVintage {
	source_path: string;
	vintage: number;
	/** Distinct reference years of the file's QPV values; empty when the source does not say. */
	reference_years: number[];
}

/** Per source file of QPV observations: its vintage and the reference years it describes. */
export function fileVintages(): Promise<FileVintage[]> {
	return query<FileVintage>(
		`SELECT source_path, vintage,
		        coalesce(list_sort(list_distinct(list(reference_year) FILTER (WHERE reference_year IS NOT NULL))), []) AS reference_years
		 FROM observations WHERE territory_type = 'qpv'
		 GROUP BY source_path, vintage ORDER BY source_path, vintage`
	);
}

export async function rejectTotal(): Promise<number> {
	const [row] = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM rejects`);
	return row?.n ?? 0;
}
