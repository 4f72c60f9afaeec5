// `npm run prerender` (part of `npm start`): renders every reading page once per database and app
// build into the disk page store (data/build/page-cache/<identity>/), before the server accepts
// users, so that no user ever waits for a first render. Pages already stored are skipped: a
// restart with the same data and code renders nothing. Renders through the built server itself
// (`node build` on a free loopback port), as many at once as the machine has cores.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { cacheKey } from '../src/lib/server/handles/page-cache';
import { PageStore } from '../src/lib/server/page-store';
import { readingPaths } from '../src/lib/server/reading-pages';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PrerenderResult {
	pages: number;
	rendered: number;
	failed: string[];
	seconds: number;
}

/**
 * The store the built server uses. Its name carries the app version compiled into the build, so
 * it is read from the server's own choice: the server opens its store on its first page and
 * removes every other one, leaving one directory (call after the server has answered a page).
 */
export function servedStore(dbPath: string): PageStore {
	const root = join(dirname(dbPath), 'page-cache');
	const names = existsSync(root) ? readdirSync(root) : [];
	if (names.length !== 1)
		throw new Error(`${root} : un seul répertoire attendu, trouvé ${names.length}`);
	return new PageStore(root, names[0]!);
}

/** Every reading page of the database (`readingPaths`), read once with DuckDB. */
export async function readingPagePaths(dbPath: string): Promise<string[]> {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const connection = await instance.connect();
	try {
		return await readingPaths(async (sql) =>
			(await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => ({ code: String(r.code) }))
		);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

/** Whether the server at `origin` answers within a minute (false early once `gone()` is true). */
export async function answering(
	origin: string,
	gone: () => boolean = () => false
): Promise<boolean> {
	for (let i = 0; i <= 600 && !gone(); i++) {
		try {
			await fetch(`${origin}/favicon.svg`);
			return true;
		} catch {
			await sleep(100);
		}
	}
	return false;
}

/** `node build` on a loopback port, until stopped. */
async function startRenderer(port: number): Promise<() => Promise<void>> {
	const child = spawn(process.execPath, [join(root, 'build')], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	let exited = false;
	child.once('exit', () => (exited = true));
	if (!(await answering(`http://127.0.0.1:${port}`, () => exited)))
		throw new Error(
			exited
				? 'le serveur de pré-rendu s’est arrêté au démarrage'
				: 'le serveur de pré-rendu ne répond pas'
		);
	return async () => {
		if (exited) return;
		const gone = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await gone;
	};
}

export interface PrerenderOptions {
	dbPath?: string;
	log?: (m: string) => void;
	/** Render through this already running server (`npm start`), one page at a time. */
	origin?: string;
	/** The reading pages, when the caller has read them already (`readingPagePaths`). */
	paths?: string[];
}

export async function prerender(options: PrerenderOptions = {}): Promise<PrerenderResult> {
	const dbPath = options.dbPath ?? join(root, 'data/build/politique-ville.duckdb');
	const log = options.log ?? (() => {});
	const started = performance.now();
	const all = options.paths ?? (await readingPagePaths(dbPath));
	const key = (path: string) => cacheKey(new URL(path, 'http://x'));
	let origin = options.origin;
	let stop = async () => {};
	if (!origin) {
		const port = await freePort();
		stop = await startRenderer(port);
		origin = `http://127.0.0.1:${port}`;
	}
	// Users of a serving server come first: one page at a time leaves them the other core.
	const workers = options.origin ? 1 : availableParallelism();
	const failed: string[] = [];
	/** Pages answered with an error: not kept by the cache, not waited for. */
	const unstored = new Set<string>();
	let todo: string[] = [];
	try {
		// The first page opens the server's store (and removes the stores of older data or code).
		await (await fetch(`${origin}${all[0]}`)).arrayBuffer();
		const store = servedStore(dbPath);
		todo = all.filter((p) => !store.has(key(p)));
		if (todo.length > 0) {
			log(
				`Pré-rendu de ${todo.length} pages sur ${all.length} (une fois par base et par version)…`
			);
			let next = 0;
			let done = 0;
			const worker = async () => {
				while (next < todo.length) {
					const path = todo[next++]!;
					const response = await fetch(`${origin}${path}`);
					await response.arrayBuffer();
					if (response.status !== 200) {
						failed.push(`${path} (${response.status})`);
						unstored.add(path);
					}
					if (++done % 250 === 0) log(`  ${done}/${todo.length}`);
				}
			};
			await Promise.all(Array.from({ length: workers }, worker));
			// The server writes each page to disk after answering: wait for the last writes.
			for (let i = 0; i < 50 && todo.some((p) => !unstored.has(p) && !store.has(key(p))); i++)
				await sleep(100);
		}
	} finally {
		await stop();
	}
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	return { pages: all.length, rendered: todo.length, failed, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const dbPath = join(root, 'data/build/politique-ville.duckdb');
	if (!existsSync(dbPath) || !existsSync(join(root, 'build/index.js'))) {
		console.error('Pré-rendu impossible : lancez d’abord « npm run data » et « npm run build ».');
		process.exit(1);
	}
	const result = await prerender({ dbPath, log: (m) => console.log(m) });
	console.log(
		`Pages prêtes : ${result.pages} (${result.rendered} rendues en ${result.seconds} s)` +
			(result.failed.length ? ` ; en échec : ${result.failed.join(', ')}` : '')
	);
	// A page that fails here fails for users too: the server still starts, the failure is said.
	if (result.failed.length) console.warn('Attention : ces pages seront rendues à la demande.');
}
