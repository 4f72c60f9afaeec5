// Rendered pages kept on disk, gzip-compressed, under a directory named after the database file
// (size and modification time) and the app build: a page rendered once is never rendered again
// for the same data and code, across restarts; any rebuild of either starts a fresh directory.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CachedResponse } from './response-cache';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** `<db size>-<db mtime>-<build version>`: what a rendered page depends on besides its URL. */
export function storeIdentity(databaseFile: string, buildVersion: string): string {
	const s = statSync(databaseFile);
	return `${s.size}-${Math.round(s.mtimeMs)}-${buildVersion.replace(/[^\w.-]/g, '_')}`;
}

export class PageStore {
	readonly dir: string;

	/** Opens the store of `identity` under `root` and removes the stores of older identities. */
	constructor(root: string, identity: string) {
		this.dir = join(resolve(root), identity);
		mkdirSync(this.dir, { recursive: true });
		for (const name of readdirSync(root)) {
			if (name !== identity) rmSync(join(root, name), { recursive: true, force: true });
		}
	}

	private file(key: string): string {
		return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.gz`);
	}

	has(key: string): boolean {
		return existsSync(this.file(key));
	}

	async get(key: string): Promise<CachedResponse | undefined> {
		try {
			const entry = JSON.parse((await gunzipAsync(await readFile(this.file(key)))).toString());
			// A hash collision (or a foreign file) is a miss, never another page.
			return entry.key === key ? (entry.response as CachedResponse) : undefined;
		} catch {
			return undefined;
		}
	}

	/** Removes one page (its workspace part changed, or a benchmark must render it); a missing page is no error. */
	delete(key: string): void {
		rmSync(this.file(key), { force: true });
	}

	/** Written to a temporary name then renamed: a reader never sees half a page. */
	async set(key: string, response: CachedResponse): Promise<void> {
		const target = this.file(key);
		const tmp = `${target}.${process.pid}.tmp`;
		try {
			await writeFile(tmp, await gzipAsync(JSON.stringify({ key, response })));
			await rename(tmp, target);
		} catch {
			rmSync(tmp, { force: true });
		}
	}
}
