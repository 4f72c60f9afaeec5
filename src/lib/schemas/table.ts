// A table definition ties a zod row schema to its DuckDB column types, so that the pipeline (DDL,
// appender) and the app (row types) share one source of truth.
import { z } from 'zod';

export type SqlType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'DATE';

export interface TableDef<S extends z.ZodObject> {
	name: string;
	schema: S;
	columns: { [K in keyof z.infer<S> & string]: SqlType };
	/** Columns giving the deterministic row order written to the database. */
	orderBy: (keyof z.infer<S> & string)[];
}

export function defineTable<S extends z.ZodObject>(def: TableDef<S>): TableDef<S> {
	const schemaKeys = Object.keys(def.schema.shape).sort();
	const columnKeys = Object.keys(def.columns).sort();
	if (schemaKeys.join() !== columnKeys.join()) {
		throw new Error(
			`table ${def.name}: schema keys ${schemaKeys} differ from columns ${columnKeys}`
		);
	}
	return def;
}

export function createTableSql(def: TableDef<z.ZodObject>): string {
	const cols = Object.entries(def.columns).map(([name, type]) => `"${name}" ${type}`);
	return `CREATE TABLE "${def.name}" (${cols.join(', ')})`;
}

/** Codes are text: never numbers (leading zeros, 2A/2B). */
export const qpvCode = z.string().regex(/^QP(\d{3}|02[AB])\d{3}$/, 'code QPV invalide');
export const contratCode = z.string().regex(/^CV\d{3}$/, 'code contrat invalide');
export const communeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code commune invalide');
export const departementCode = z
	.string()
	.regex(/^(\d{2}|2[AB]|97\d)$/, 'code département invalide');
export const regionCode = z.string().regex(/^\d{2}$/, 'code région invalide');
export const sirenCode = z.string().regex(/^\d{9}$/, 'SIREN invalide');
