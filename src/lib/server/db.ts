// The app's only DuckDB access: opens the built database once, read-only, and runs typed,
// parameterised queries (prepared statements; never string-built from user input).
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export class DatabaseUnavailableError extends Error {
	constructor(public readonly path: string) {
		super(`base de données introuvable : ${path} (lancez « npm run data »)`);
		this.name = 'DatabaseUnavailableError';
	}
}

export function databasePath(): string {
	return resolve(process.env.DATABASE_PATH ?? 'data/build/politique-ville.duckdb');
}

/** A connection runs one query at a time: a few of them let concurrent requests overlap. */
const POOL_SIZE = Number(process.env.DUCKDB_CONNECTIONS ?? 4);

let pool: Promise<DuckDBConnection[]> | undefined;
let next = 0;

async function open(path: string): Promise<DuckDBConnection[]> {
	if (!existsSync(path)) throw new DatabaseUnavailableError(path);
	const instance = await DuckDBInstance.create(path, {
		access_mode: 'READ_ONLY',
		threads: '2',
		enable_external_access: 'false'
	});
	return Promise.all(Array.from({ length: POOL_SIZE }, () => instance.connect()));
}

export async function getConnection(): Promise<DuckDBConnection> {
	pool ??= open(databasePath()).catch((error) => {
		pool = undefined;
		throw error;
	});
	const connections = await pool;
	next = (next + 1) % connections.length;
	return connections[next]!;
}

/** Memoises an immutable query result (the database never changes while the server runs). */
export function memo<T>(compute: () => Promise<T>): () => Promise<T> {
	let value: Promise<T> | undefined;
	return () => {
		value ??= compute().catch((error) => {
			value = undefined;
			throw error;
		});
		return value;
	};
}

export type Param = string | number | boolean | null;

/** When the current request's DuckDB queries ran (start, end in ms), for Server-Timing. */
export const queryTiming = new AsyncLocalStorage<[number, number][]>();

/** Wall time during which at least one query of the request ran (overlaps counted once). */
export function busyMs(spans: [number, number][]): number {
	let total = 0;
	let end = -Infinity;
	for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
		if (b <= end) continue;
		total += b - Math.max(a, end);
		end = b;
	}
	return total;
}

/** Runs `sql` with positional `$1…` parameters and returns plain JS rows. */
export async function query<Row>(sql: string, params: Param[] = []): Promise<Row[]> {
	const started = performance.now();
	const conn = await getConnection();
	const prepared = await conn.prepare(sql);
	params.forEach((value, i) => bindParam(prepared, i + 1, value));
	const reader = await prepared.runAndReadAll();
	const rows = reader.getRowObjectsJS().map(normaliseRow) as Row[];
	queryTiming.getStore()?.push([started, performance.now()]);
	return rows;
}

function bindParam(
	prepared: Awaited<ReturnType<DuckDBConnection['prepare']>>,
	index: number,
	value: Param
): void {
	if (value === null) prepared.bindNull(index);
	else if (typeof value === 'string') prepared.bindVarchar(index, value);
	else if (typeof value === 'boolean') prepared.bindBoolean(index, value);
	else if (Number.isInteger(value)) prepared.bindBigInt(index, BigInt(value));
	else prepared.bindDouble(index, value);
}

/** BIGINT comes back as bigint: numbers are safer for JSON and formatting. */
function normaliseRow(row: Record<string, DuckDBValue | unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		out[key] = typeof value === 'bigint' ? Number(value) : value;
	}
	return out;
}
