// Rendered pages kept on disk under a directory named after the database file (size and
// modification time) and the app build: a page rendered once is never rendered again for the same
// data and code, across restarts; any rebuild of either starts a fresh directory. Each file is one
// JSON line (key, status, headers) then the gzip body, read in one call and served as it is.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFile as readFileCallback,
	rmSync,
	statSync
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CachedResponse } from './response-cache';

/** `<db size>-<db mtime>-<build version>`: what a rendered page depends on besides its URL. */
export function storeIdentity(databaseFile: string, buildVersion: string): string {
	const s = statSync(databaseFile);
	return `${s.size}-${Math.round(s.mtimeMs)}-${buildVersion.replace(/[^\w.-]/g, '_')}`;
}

interface StoredHead {
	key: string;
	status: number;
	headers: [string, string][];
}

/**
 * The callback `readFile`, promisified: one open, size, read and close in libuv, without the
 * FileHandle object `fs/promises` builds for each file (measurably cheaper per page).
 */
const readFile = promisify(readFileCallback);
const NEWLINE = 0x0a;
const GZIP_MAGIC = [0x1f, 0x8b];

/** The stored answer of `key` in `file`'s bytes, or undefined if they hold another key or no page. */
export function parseStored(key: string, file: Buffer): CachedResponse | undefined {
	const end = file.indexOf(NEWLINE);
	if (end < 0 || file[end + 1] !== GZIP_MAGIC[0] || file[end + 2] !== GZIP_MAGIC[1]) return;
	const head = JSON.parse(file.toString('utf8', 0, end)) as StoredHead;
	// A hash collision (or a foreign file) is a miss, never another page.
	if (head.key !== key) return;
	return { status: head.status, headers: head.headers, gzip: file.subarray(end + 1) };
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
		return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.page`);
	}

	has(key: string): boolean {
		return existsSync(this.file(key));
	}

	/** The stored answer, its body still compressed (a missing or unreadable file is a miss). */
	async get(key: string): Promise<CachedResponse | undefined> {
		try {
			return parseStored(key, await readFile(this.file(key)));
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
		const head: StoredHead = { key, status: response.status, headers: response.headers };
		try {
			await writeFile(
				tmp,
				Buffer.concat([Buffer.from(JSON.stringify(head) + '\n'), response.gzip])
			);
			await rename(tmp, target);
		} catch {
			rmSync(tmp, { force: true });
		}
	}
}
