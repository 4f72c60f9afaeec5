// Opens a real, empty workspace for a test: PGlite in memory, or a fresh database on the PostgreSQL
// server named by DATABASE_URL when it is set (`.ci/run` does so with the server it starts).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createAccount } from '$lib/server/workspace/accounts';
import { openPglite, openPostgres, type Workspace } from '$lib/server/workspace/db';
import type { Actor } from '$lib/domain/workspace-rights';
import type { Role } from '$lib/schemas/workspace';

export const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const;

export async function openTestWorkspace(backend: string): Promise<Workspace> {
	if (backend === 'pglite') return openPglite('memory://');
	const admin = process.env.DATABASE_URL!;
	const name = `workspace_test_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	await client.query(`CREATE DATABASE ${name}`);
	await client.end();
	const url = new URL(admin);
	url.pathname = `/${name}`;
	const ws = await openPostgres(url.toString(), 25);
	return {
		...ws,
		close: async () => {
			await ws.close();
			const c = new pg.Client({ connectionString: admin });
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.end();
		}
	};
}

export const PASSWORD = 'un mot de passe assez long';

export function account(
	ws: Workspace,
	email: string,
	role: Role,
	contrats: string[]
): Promise<Actor> {
	return createAccount(ws, { email, role, contrats, password: PASSWORD });
}
