// File helpers for the build: listing raw files, hashing, newest modification time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stampOf } from './file-facts.mjs';

export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else out.push(relative(dir, full).split('\\').join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

/**
 * Hashes of files read whole earlier in the process, by absolute path, valid while the file's
 * identity, size and times are unchanged: the build reads every CSV before its steps (row counts)
 * and hashes it at the end (provenance), and a second read of 50 MB cost about 0.2 s.
 */
const hashes = new Map<string, { stamp: string; hex: string }>();

/** Remembers the hash of a file read under `stamp` (./file-facts.mjs), e.g. by another thread. */
export function rememberHash(path: string, stamp: string, hex: string): void {
	hashes.set(resolve(path), { stamp, hex });
}

/** Reads a file whole and remembers its hash for a later sha256() of the same, unchanged file. */
export function readAndHash(path: string): Buffer {
	const stamp = stampOf(statSync(path));
	const buffer = readFileSync(path);
	// A file changed while it was read is hashed again by sha256().
	if (stampOf(statSync(path)) === stamp) {
		hashes.set(resolve(path), { stamp, hex: createHash('sha256').update(buffer).digest('hex') });
	}
	return buffer;
}

export function sha256(path: string): string {
	const known = hashes.get(resolve(path));
	if (known && known.stamp === stampOf(statSync(path))) return known.hex;
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function newestMtime(dirs: string[]): number {
	let newest = 0;
	for (const dir of dirs) {
		for (const rel of listFiles(dir)) newest = Math.max(newest, statSync(join(dir, rel)).mtimeMs);
	}
	return newest;
}
