// Reads the attribute table of a GeoPackage (a SQLite database) with sql.js, a maintained SQLite
// build in WebAssembly: no native module, no hand parsing of the file format.
import initSqlJs, { type SqlValue } from 'sql.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourceFileError } from './csv';
import type { BuildContext } from './step';

export type GpkgRow = Record<string, SqlValue>;

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

/**
 * Starts compiling sql.js's WebAssembly (0.1–0.3 s, on V8's background threads): the build calls
 * it first thing, so that the GeoPackage steps, which come much later, do not wait for it. A
 * failure is reported by the first reader, which awaits the same promise.
 */
export function prepareGpkgReader(): void {
	sqlJs ??= initSqlJs();
	sqlJs.catch(() => {});
}

/** Rows of `table` (ordered by `fid`), without the geometry blob; checks the columns it needs. */
export async function readGpkgTable(
	path: string,
	label: string,
	table: string,
	required: string[]
): Promise<GpkgRow[]> {
	sqlJs ??= initSqlJs();
	const SQL = await sqlJs;
	let db;
	try {
		db = new SQL.Database(readFileSync(path));
	} catch (e) {
		throw new SourceFileError(label, `GeoPackage illisible (${(e as Error).message})`);
	}
	try {
		const info = db.exec(`PRAGMA table_info("${table.replaceAll('"', '')}")`)[0];
		const columns = (info?.values ?? []).map((v) => String(v[1]));
		if (columns.length === 0) throw new SourceFileError(label, `table ${table} absente`);
		const missing = required.filter((c) => !columns.includes(c));
		if (missing.length)
			throw new SourceFileError(label, `colonnes absentes : ${missing.join(', ')}`);
		const wanted = columns.filter((c) => c !== 'geom');
		const result = db.exec(
			`SELECT ${wanted.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY fid`
		)[0];
		return (result?.values ?? []).map((v) => Object.fromEntries(wanted.map((c, i) => [c, v[i]!])));
	} catch (e) {
		if (e instanceof SourceFileError) throw e;
		throw new SourceFileError(label, `lecture SQLite impossible (${(e as Error).message})`);
	} finally {
		db.close();
	}
}

/** Marks a raw GeoPackage as read and returns its rows with its ledger. */
export async function readRawGpkg(
	ctx: BuildContext,
	relPath: string,
	table: string,
	required: string[]
) {
	ctx.read.add(relPath);
	const rows = await readGpkgTable(resolve(ctx.rawDir, relPath), relPath, table, required);
	return { rows, ledger: ctx.ledgers.for(relPath) };
}
