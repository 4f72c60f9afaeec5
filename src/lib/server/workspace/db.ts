// Opens the workspace database once: a PostgreSQL server when DATABASE_URL is set (several server
// processes may share it), otherwise embedded PGlite in data/workspace/ (nothing to install). Both
// get the same drizzle schema and migrations. PGlite files belong to one process at a time: a lock
// file names the process that holds them, so the account command refuses to write underneath a server.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import * as schema from './schema';

export type WorkspaceDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Workspace {
	db: WorkspaceDb;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export const DEFAULT_WORKSPACE_DIR = 'data/workspace';
const migrationsFolder = () => resolve('migrations/workspace');

export class WorkspaceLockedError extends Error {
	constructor(dir: string, pid: number) {
		super(
			`l'espace de travail ${dir} est ouvert par le processus ${pid} (serveur en marche ?) : ` +
				`arrêtez-le d'abord, ou utilisez un serveur PostgreSQL (DATABASE_URL)`
		);
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function takeLock(dir: string): () => void {
	const lock = join(dir, 'workspace.lock');
	if (existsSync(lock)) {
		const pid = Number(readFileSync(lock, 'utf8'));
		if (pid && pid !== process.pid && alive(pid)) throw new WorkspaceLockedError(dir, pid);
	}
	writeFileSync(lock, String(process.pid));
	return () => rmSync(lock, { force: true });
}

/** PGlite in a folder, or in memory with `memory://` (tests, benchmarks). */
export async function openPglite(dir: string): Promise<Workspace> {
	const memory = dir.startsWith('memory://');
	let release = () => {};
	if (!memory) {
		mkdirSync(join(dir, 'pgdata'), { recursive: true });
		release = takeLock(dir);
	}
	const client = new PGlite(memory ? dir : join(dir, 'pgdata'));
	const db = drizzlePglite(client, { schema }) as unknown as WorkspaceDb;
	await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
	return {
		db,
		kind: 'pglite',
		close: async () => {
			await client.close();
			release();
		}
	};
}

export async function openPostgres(url: string, poolSize = 10): Promise<Workspace> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection closed by the server (restart, failover) must not end the process.
	pool.on('error', (error) => console.error(`espace de travail PostgreSQL : ${error.message}`));
	const db = drizzlePg(pool, { schema }) as unknown as WorkspaceDb;
	// Several processes may start at once: one migrates, the others wait for it.
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock(741300)');
		await migratePg(drizzlePg(client, { schema }) as never, {
			migrationsFolder: migrationsFolder()
		});
	} finally {
		await client.query('SELECT pg_advisory_unlock(741300)').catch(() => {});
		client.release();
	}
	return { db, kind: 'postgres', close: () => pool.end() };
}

export function openConfigured(env: Record<string, string | undefined> = process.env) {
	return env.DATABASE_URL
		? openPostgres(env.DATABASE_URL)
		: openPglite(resolve(DEFAULT_WORKSPACE_DIR));
}

let shared: Promise<Workspace> | undefined;

/** The server's workspace, opened on first use (reading pages never open it). */
export function getWorkspace(): Promise<Workspace> {
	if (!shared) {
		// adapter-node's graceful shutdown: close the database (and free the PGlite lock) on SIGTERM.
		process.once('sveltekit:shutdown' as never, () => {
			void shared?.then((ws) => ws.close()).catch(() => {});
		});
	}
	shared ??= openConfigured().catch((error) => {
		shared = undefined;
		throw error;
	});
	return shared;
}

export async function ping(ws: Workspace): Promise<void> {
	await ws.db.execute(sql`SELECT 1`);
}
