// Reads the hand-curated referentials of data/reference/. They are small and must be whole, so any
// bad line stops the build with the file, line, column and value instead of loading part of them.
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { TableDef } from '../../src/lib/schemas/table';
import {
	cell,
	forbidUnexpectedColumns,
	malformedReason,
	readCsv,
	requireColumns,
	SourceFileError,
	type CsvTable
} from './csv';
import { parseFrenchNumber } from './french-number';
import type { BuildContext } from './step';

export interface ReferenceIssue {
	line: number;
	column: string;
	value: string;
	reason: string;
}

export interface ReferenceRow<T> {
	line: number;
	row: T;
}

const MAX_LISTED = 20;

const shown = (value: string) => (value === '' ? '(vide)' : `« ${value} »`);

/** One error for all the issues of a file, each with its line, column and value. */
export function referenceError(path: string, issues: ReferenceIssue[]): SourceFileError {
	const sorted = [...issues].sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
	const listed = sorted
		.slice(0, MAX_LISTED)
		.map((i) => `ligne ${i.line}, colonne « ${i.column} » : ${shown(i.value)} — ${i.reason}`);
	if (sorted.length > MAX_LISTED)
		listed.push(`… et ${sorted.length - MAX_LISTED} autre(s) erreur(s)`);
	const s = sorted.length > 1 ? 's' : '';
	return new SourceFileError(path, `${sorted.length} erreur${s} :\n  ${listed.join('\n  ')}`);
}

/**
 * Turns every line into a row of the table's schema: empty cells become null, numeric columns
 * are parsed, and each zod issue is reported with the raw cell. Throws when any line is bad.
 */
export function parseReferenceCsv<S extends z.ZodObject>(
	csv: CsvTable,
	def: TableDef<S>
): ReferenceRow<z.infer<S>>[] {
	const columns = Object.keys(def.columns);
	const index = requireColumns(csv, columns);
	forbidUnexpectedColumns(csv, columns);
	const issues: ReferenceIssue[] = csv.overflow.map((o) => ({
		line: o.line,
		column: `#${o.column}`,
		value: o.value,
		reason: 'valeur au-delà de la dernière colonne nommée'
	}));
	for (const m of csv.malformed) {
		issues.push({ line: m.line, column: '', value: m.start, reason: malformedReason(m) });
	}
	const rows: ReferenceRow<z.infer<S>>[] = [];
	for (const csvRow of csv.rows) {
		const raw: Record<string, string> = {};
		const record: Record<string, unknown> = {};
		for (const [column, type] of Object.entries(def.columns)) {
			const value = cell(csvRow, index, column);
			raw[column] = value;
			if (value === '') record[column] = null;
			else if (type === 'DOUBLE' || type === 'INTEGER') {
				const parsed = parseFrenchNumber(value);
				if (parsed.kind === 'number') record[column] = parsed.value;
				else {
					issues.push({ line: csvRow.line, column, value, reason: 'nombre illisible' });
					record[column] = null;
				}
			} else record[column] = value;
		}
		const result = def.schema.safeParse(record);
		if (result.success) {
			rows.push({ line: csvRow.line, row: result.data });
			continue;
		}
		for (const issue of result.error.issues) {
			const column = String(issue.path[0] ?? '');
			const value = raw[column] ?? '';
			// The schemas give French messages; zod's English default is left for a missing value.
			const english = issue.message.startsWith('Invalid');
			const reason = !english
				? issue.message
				: value === ''
					? 'valeur obligatoire manquante'
					: `valeur invalide (${issue.message})`;
			issues.push({ line: csvRow.line, column, value, reason });
		}
	}
	if (csv.rows.length === 0)
		issues.push({ line: 1, column: '', value: '', reason: 'aucune ligne de données' });
	if (issues.length > 0) throw referenceError(csv.path, issues);
	return rows;
}

/** Fails naming every repeated key with its lines. */
export function requireUnique<T>(
	path: string,
	rows: ReferenceRow<T>[],
	keys: (keyof T & string)[]
): void {
	const seen = new Map<string, number>();
	const issues: ReferenceIssue[] = [];
	for (const { line, row } of rows) {
		const key = keys.map((k) => String(row[k])).join(' / ');
		const first = seen.get(key);
		if (first === undefined) seen.set(key, line);
		else
			issues.push({
				line,
				column: keys.join(' / '),
				value: key,
				reason: `doublon (déjà en ligne ${first})`
			});
	}
	if (issues.length > 0) throw referenceError(path, issues);
}

/** Fails when a column refers to an id that the referenced table does not hold. */
export function requireKnown<T>(
	path: string,
	rows: ReferenceRow<T>[],
	column: keyof T & string,
	known: Set<string>,
	reason: string
): void {
	const issues: ReferenceIssue[] = [];
	for (const { line, row } of rows) {
		const value = row[column];
		if (value === null || value === undefined || known.has(String(value))) continue;
		issues.push({ line, column, value: String(value), reason });
	}
	if (issues.length > 0) throw referenceError(path, issues);
}

/** Reads `data/reference/<file>` for a step, marks it as read and validates it whole. */
export function readReferenceCsv<S extends z.ZodObject>(
	ctx: BuildContext,
	file: string,
	def: TableDef<S>
): { relPath: string; rows: ReferenceRow<z.infer<S>>[] } {
	const relPath = `reference/${file}`;
	ctx.read.add(relPath);
	const csv = readCsv(resolve(ctx.referenceDir, file), relPath, { delimiter: ',' });
	return { relPath, rows: parseReferenceCsv(csv, def) };
}

/** Inserts validated rows and counts them in the file's ledger. */
export async function loadReferenceRows<S extends z.ZodObject>(
	ctx: BuildContext,
	relPath: string,
	def: TableDef<S>,
	rows: ReferenceRow<z.infer<S>>[]
): Promise<void> {
	await ctx.db.create(def as unknown as TableDef<z.ZodObject>);
	await ctx.db.insert(
		def,
		rows.map((r) => r.row)
	);
	ctx.ledgers.for(relPath).loaded(def.name, rows.length);
}

/** Ids of a table written by an earlier step. */
export async function tableIds(
	ctx: BuildContext,
	table: string,
	column = 'id'
): Promise<Set<string>> {
	const rows = await ctx.db.query<{ id: string }>(
		`SELECT DISTINCT "${column}" AS id FROM "${table}"`
	);
	return new Set(rows.map((r) => r.id));
}
