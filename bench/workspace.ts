// `npm run bench:workspace`: 20 concurrent editors, each on its own contrat, create and then update
// recommendations for 30 s through the workspace service (rights, version check, audit log), on
// PGlite (a fresh folder) and, when DATABASE_URL is set, on that PostgreSQL server (a fresh
// database). Checks 0 lost and 0 duplicated writes; reports save latency p50/p95 and the machine's
// load average. A save is one createItem or changeItem call. The texts are synthetic, labelled so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '../src/lib/domain/workspace-rights';
import { createAccount } from '../src/lib/server/workspace/accounts';
import { openPglite, openPostgres, type Workspace } from '../src/lib/server/workspace/db';
import { changeItem, createItem } from '../src/lib/server/workspace/items';
import { exportWorkspace } from '../src/lib/server/workspace/transfer';

const EDITORS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const pct = (sorted: number[], p: number) =>
	sorted.length
		? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
		: NaN;

/** Accounts are created before the clock starts: scrypt (memory-hard) is not a save. */
const editorAccount = (ws: Workspace, index: number) =>
	createAccount(ws, {
		email: `bench-${index}@exemple.invalid`,
		role: 'evaluateur',
		contrats: [contratOf(index)],
		password: 'mot de passe du banc synthétique'
	});
const contratOf = (index: number) => `CV${String(index + 1).padStart(3, '0')}`;

async function editor(ws: Workspace, actor: Actor, until: number, latencies: number[]) {
	const contrat = actor.contrats[0]!;
	const target = { contrat, campaign: 2019 as const, kind: 'recommendation' as const };
	const written = new Map<string, string>();
	for (let seq = 0; Date.now() < until; seq++) {
		const text = `[synthétique, banc] ${contrat} n° ${seq}`;
		let t = performance.now();
		const row = await createItem(ws, actor, target, {
			text,
			signatory: 'etat',
			status: 'proposee'
		});
		latencies.push(performance.now() - t);
		t = performance.now();
		await changeItem(ws, actor, target, row, {
			text: `${text} (revu)`,
			signatory: 'etat',
			status: 'engagee'
		});
		latencies.push(performance.now() - t);
		written.set(row.id, `${text} (revu)`);
	}
	return written;
}

async function run(name: string, ws: Workspace) {
	const latencies: number[] = [];
	const actors = [];
	for (let i = 0; i < EDITORS; i++) actors.push(await editorAccount(ws, i));
	const load = loadavg()[0]!;
	const until = Date.now() + SECONDS * 1000;
	const started = performance.now();
	const results = await Promise.all(actors.map((actor) => editor(ws, actor, until, latencies)));
	const elapsed = (performance.now() - started) / 1000;
	const expected = new Map(results.flatMap((m) => [...m]));
	const stored = (await exportWorkspace(ws)).tables.recommendations;
	const byId = new Map(stored.map((r) => [String(r.id), r]));
	const lost = [...expected].filter(
		([id, text]) => byId.get(id)?.text !== text || byId.get(id)?.version !== 2
	).length;
	const texts = stored.map((r) => String(r.text));
	const duplicated =
		texts.length - new Set(texts).size + Math.max(0, stored.length - expected.size);
	latencies.sort((a, b) => a - b);
	return {
		backend: name,
		editors: EDITORS,
		load_average_1min: Math.round(load * 100) / 100,
		seconds: Math.round(elapsed * 10) / 10,
		saves: latencies.length,
		saves_per_second: Math.round(latencies.length / elapsed),
		lost,
		duplicated,
		save_p50_ms: Math.round(pct(latencies, 50) * 10) / 10,
		save_p95_ms: Math.round(pct(latencies, 95) * 10) / 10,
		save_max_ms: Math.round(latencies[latencies.length - 1]! * 10) / 10
	};
}

async function main() {
	const out = [];
	const dir = mkdtempSync(join(tmpdir(), 'bench-workspace-'));
	const lite = await openPglite(dir);
	try {
		out.push(await run('pglite', lite));
	} finally {
		await lite.close();
		rmSync(dir, { recursive: true, force: true });
	}
	if (process.env.DATABASE_URL) {
		const name = `bench_workspace_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		const url = new URL(process.env.DATABASE_URL);
		url.pathname = `/${name}`;
		const server = await openPostgres(url.toString(), EDITORS);
		try {
			out.push(await run('postgres', server));
		} finally {
			await server.close();
			await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
			await admin.end();
		}
	}
	const report = { date: new Date().toISOString(), node: process.version, results: out };
	writeFileSync('bench/workspace-results.json', JSON.stringify(report, null, '\t') + '\n');
	console.log(JSON.stringify(report, null, 2));
	if (out.some((r) => r.lost || r.duplicated)) process.exit(1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
