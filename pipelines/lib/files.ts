// File helpers for the build: listing raw files, hashing, newest modification time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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

export function sha256(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function newestMtime(dirs: string[]): number {
	let newest = 0;
	for (const dir of dirs) {
		for (const rel of listFiles(dir)) newest = Math.max(newest, statSync(join(dir, rel)).mtimeMs);
	}
	return newest;
}
