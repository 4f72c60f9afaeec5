// Whole-file integrity before anything is loaded: a raw CSV with a header and no rows, or whose
// row count falls by more than MAX_ROW_DROP against the previous vintage of its family (same name
// but the year), stops the build, unless data/reference/row-count-exceptions.csv names it with a
// reason. A truncated or emptied download must not silently replace a whole vintage.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, requireColumns, cell, SourceFileError } from './csv';
import { countDataRows } from './file-facts.mjs';
import { listFiles, readAndHash } from './files';

export { countDataRows };

/** Largest accepted fall of the row count from one vintage to the next (documented in the README). */
export const MAX_ROW_DROP = 0.2;
export const EXCEPTIONS_PATH = 'reference/row-count-exceptions.csv';

/** A two-digit (`filo16`) or four-digit (`DEMO_2022`) year in a file name, not part of a longer number. */
const YEAR = /(?<!\d)((?:19|20)\d{2}|\d{2})(?!\d)/;

/** The family (name with the year replaced by `*`) and the year, or null for a file without one. */
export function vintageOf(relPath: string): { family: string; year: number } | null {
	const slash = relPath.lastIndexOf('/') + 1;
	const match = relPath.slice(slash).match(YEAR);
	if (!match) return null;
	const digits = match[1]!;
	const name = relPath.slice(slash);
	const family = relPath.slice(0, slash) + name.replace(YEAR, '*');
	return { family, year: digits.length === 2 ? 2000 + Number(digits) : Number(digits) };
}

/** Paths (relative to data/raw) the exception file accepts, with their reason. */
export function readExceptions(referenceDir: string): Map<string, string> {
	const file = join(referenceDir, 'row-count-exceptions.csv');
	if (!existsSync(file)) return new Map();
	const csv = readCsv(file, EXCEPTIONS_PATH, { delimiter: ',' });
	const index = requireColumns(csv, ['path', 'reason']);
	const out = new Map<string, string>();
	for (const row of csv.rows) {
		const reason = cell(row, index, 'reason');
		if (reason === '') {
			throw new SourceFileError(EXCEPTIONS_PATH, `ligne ${row.line} : raison vide`);
		}
		out.set(cell(row, index, 'path'), reason);
	}
	return out;
}

export interface RowCountIssue {
	path: string;
	rows: number;
	previous?: { path: string; rows: number };
	message: string;
}

/** The raw CSV files, relative to rawDir, in order. */
export function csvFilesOf(rawDir: string): string[] {
	return listFiles(rawDir).filter((f) => f.toLowerCase().endsWith('.csv'));
}

/** Every header-only CSV, and every vintage whose rows fell too much against the one before. */
export function rowCountIssues(rawDir: string): RowCountIssue[] {
	const csvFiles = csvFilesOf(rawDir);
	return countIssues(csvFiles, countCsvRows(rawDir, csvFiles));
}

/** The data rows of each CSV (paths relative to rawDir), read on this thread. */
export function countCsvRows(rawDir: string, csvFiles: string[]): Map<string, number> {
	// Hashed on the way for the provenance, which then need not read the file again.
	return new Map(csvFiles.map((f) => [f, countDataRows(readAndHash(join(rawDir, f)))]));
}

/** rowCountIssues from the data rows of each CSV (`counts`, by path relative to rawDir). */
export function countIssues(csvFiles: string[], counts: Map<string, number>): RowCountIssue[] {
	const vintages = csvFiles.map((f) => ({ f, v: vintageOf(f) }));
	const issues: RowCountIssue[] = [];
	for (const path of csvFiles) {
		const rows = counts.get(path)!;
		if (rows === 0) {
			issues.push({ path, rows, message: `${path} : en-tête seul, aucune ligne de données` });
			continue;
		}
		const own = vintageOf(path);
		if (!own) continue;
		const before = vintages
			.filter(({ v }) => v && v.family === own.family && v.year < own.year)
			.sort((a, b) => b.v!.year - a.v!.year)[0];
		if (!before) continue;
		const previous = { path: before.f, rows: counts.get(before.f)! };
		if (previous.rows > 0 && (previous.rows - rows) / previous.rows > MAX_ROW_DROP) {
			const share = Math.round((100 * (previous.rows - rows)) / previous.rows);
			issues.push({
				path,
				rows,
				previous,
				message: `${path} : ${rows} lignes contre ${previous.rows} dans ${previous.path} (−${share} %, plus de ${MAX_ROW_DROP * 100} %)`
			});
		}
	}
	return issues;
}

/**
 * Stops the build on an issue the exception file does not name; returns the accepted ones (with
 * their reason) for the report.
 */
export function checkRowCounts(rawDir: string, referenceDir: string): string[] {
	const exceptions = readExceptions(referenceDir);
	return judgeRowCounts(rowCountIssues(rawDir), exceptions);
}

/** checkRowCounts from the issues found and the exception file's entries. */
export function judgeRowCounts(issues: RowCountIssue[], exceptions: Map<string, string>): string[] {
	const accepted: string[] = [];
	const refused: string[] = [];
	for (const issue of issues) {
		const reason = exceptions.get(issue.path);
		if (reason) accepted.push(`${issue.message} — accepté : ${reason}`);
		else refused.push(issue.message);
	}
	if (refused.length > 0) {
		throw new SourceFileError(
			'data/raw',
			`fichier vide ou en forte baisse : ${refused.join(' ; ')}. Si c'est voulu, ajoutez le ` +
				`chemin et la raison à data/${EXCEPTIONS_PATH} (colonnes path,reason).`
		);
	}
	return accepted;
}
