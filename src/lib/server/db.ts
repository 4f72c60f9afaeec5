// The app's only DuckDB access: opens the built database once, read-only, and runs typed,
// parameterised queries (prepared statements; never string-built from user input).
import {
	DuckDBInstance,
	DuckDBTypeId,
	JSDuckDBValueConverter,
	type DuckDBConnection,
	type DuckDBMaterializedResult,
	type DuckDBValue
} from '@duckdb/node-api';
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
/** Statements kept per connection; the SQL texts are a bounded set (a few hundred at most). */
const PREPARED_PER_CONNECTION = 400;

type Prepared = Awaited<ReturnType<DuckDBConnection['prepare']>>;

/** One connection, its queue (one query at a time) and its prepared statements, reused. */
interface Slot {
	connection: DuckDBConnection;
	prepared: Map<string, Prepared>;
	queue: Promise<unknown>;
	pending: number;
}

let pool: Promise<Slot[]> | undefined;
/** The open database, once `pool` has opened it (for warmDatabase's own connection). */
let database: DuckDBInstance | undefined;

async function open(path: string): Promise<Slot[]> {
	if (!existsSync(path)) throw new DatabaseUnavailableError(path);
	const instance = await DuckDBInstance.create(path, {
		access_mode: 'READ_ONLY',
		// One thread per query: a page's reads are small (a few rows by code) and run side by side
		// on the pool's connections; a second thread per query cost CPU (about 15 % of an uncached
		// page, measured) to coordinate and sped none of them up.
		threads: '1',
		enable_external_access: 'false'
	});
	database = instance;
	const connections = await Promise.all(
		Array.from({ length: POOL_SIZE }, () => instance.connect())
	);
	return connections.map((connection) => ({
		connection,
		prepared: new Map(),
		queue: Promise.resolve(),
		pending: 0
	}));
}

/**
 * Reads every table once, on a connection of its own, so that its blocks sit in DuckDB's buffer
 * pool before pages ask for them: the database is read-only and never changes while the server
 * runs, so a page's first render need not pay for loading the blocks it touches (whole base about
 * 80 MB, under a second of one core, in the background: requests are served meanwhile).
 */
export async function warmDatabase(): Promise<void> {
	await withOwnConnection(async (connection) => {
		const reader = await connection.runAndReadAll(
			'SELECT table_name FROM duckdb_tables() ORDER BY table_name'
		);
		for (const { table_name } of reader.getRowObjectsJS()) {
			// hash() of every column reads every block and returns one row; count() would not.
			await connection.run(
				`SELECT max(hash(COLUMNS(*))) FROM "${String(table_name).replaceAll('"', '""')}"`
			);
		}
	});
}

/** Runs `task` on a connection of its own, beside the pool's, for a long background read. */
export async function withOwnConnection<T>(
	task: (connection: DuckDBConnection) => Promise<T>
): Promise<T> {
	await slots();
	const connection = await database!.connect();
	try {
		return await task(connection);
	} finally {
		connection.closeSync();
	}
}

function slots(): Promise<Slot[]> {
	pool ??= open(databasePath()).catch((error) => {
		pool = undefined;
		throw error;
	});
	return pool;
}

/**
 * Runs `task` on the least busy connection, after the queries already queued there. `weight`: how
 * many ordinary reads the task counts for, so that short reads issued after a long one take other
 * connections instead of queueing behind it.
 */
async function onConnection<T>(task: (slot: Slot) => Promise<T>, weight = 1): Promise<T> {
	const all = await slots();
	const slot = all.reduce((a, b) => (b.pending < a.pending ? b : a));
	slot.pending += weight;
	const run = slot.queue.then(() => task(slot));
	slot.queue = run.catch(() => undefined);
	try {
		return await run;
	} finally {
		slot.pending -= weight;
	}
}

/** The connection's statement for `sql`, prepared on first use (binding happens in its queue). */
async function statement(slot: Slot, sql: string): Promise<Prepared> {
	const known = slot.prepared.get(sql);
	if (known) return known;
	const prepared = await slot.connection.prepare(sql);
	if (slot.prepared.size >= PREPARED_PER_CONNECTION) {
		const [oldest] = slot.prepared;
		slot.prepared.delete(oldest![0]);
		oldest![1].destroySync();
	}
	slot.prepared.set(sql, prepared);
	return prepared;
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

/**
 * Runs `sql` with positional `$1…` parameters and returns plain JS rows. `weight`: see onConnection
 * (a long read of a page, e.g. a QPV's whole series).
 */
export async function query<Row>(sql: string, params: Param[] = [], weight = 1): Promise<Row[]> {
	const started = performance.now();
	const result = await onConnection(async (slot) => {
		const prepared = await statement(slot, sql);
		prepared.clearBindings();
		params.forEach((value, i) => bindParam(prepared, i + 1, value));
		return prepared.run();
	}, weight);
	const out = rowObjects(result) as Row[];
	queryTiming.getStore()?.push([started, performance.now()]);
	return out;
}

/**
 * The rows of a materialized result, as getRowObjectsJS() gives them (bigint as number), read from
 * its chunks synchronously: reading them one awaited fetch at a time cost two trips through the
 * thread pool per query (seven queries per uncached QPV page). A plain column's item is already
 * its JS value, taken from the vector without a converter call.
 */
export function rowObjects(result: DuckDBMaterializedResult): Record<string, unknown>[] {
	const names = result.deduplicatedColumnNames();
	const types = result.columnTypes();
	// Rows are copied only when a column can hold a BIGINT: the copies of long reads were a visible
	// part of a QPV page's render.
	const plain = types.every((t) => PLAIN_TYPES.has(t.typeId));
	const rows: Record<string, unknown>[] = [];
	for (let c = 0, chunks = result.chunkCount; c < chunks; c++) {
		const chunk = result.getChunk(c);
		const count = chunk.rowCount;
		// As the reader: the first empty chunk ends the result.
		if (count === 0) break;
		const vectors = names.map((_, i) => chunk.getColumnVector(i));
		for (let r = 0; r < count; r++) {
			const row: Record<string, unknown> = {};
			for (let i = 0; i < names.length; i++) {
				const value = vectors[i]!.getItem(r);
				row[names[i]!] = plain
					? value
					: JSDuckDBValueConverter(value, types[i]!, JSDuckDBValueConverter);
			}
			rows.push(plain ? row : normaliseRow(row));
		}
	}
	return rows;
}

/** Column types whose JS values are never bigint, so `normaliseRow` would copy them unchanged. */
const PLAIN_TYPES = new Set<DuckDBTypeId>([
	DuckDBTypeId.BOOLEAN,
	DuckDBTypeId.TINYINT,
	DuckDBTypeId.SMALLINT,
	DuckDBTypeId.INTEGER,
	DuckDBTypeId.UTINYINT,
	DuckDBTypeId.USMALLINT,
	DuckDBTypeId.UINTEGER,
	DuckDBTypeId.FLOAT,
	DuckDBTypeId.DOUBLE,
	DuckDBTypeId.VARCHAR
]);

function bindParam(prepared: Prepared, index: number, value: Param): void {
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
