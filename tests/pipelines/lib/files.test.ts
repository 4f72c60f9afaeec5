import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAndHash, sha256 } from '../../../pipelines/lib/files';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const dirs: string[] = [];
const file = (text: string) => {
	const dir = mkdtempSync(join(tmpdir(), 'files-'));
	dirs.push(dir);
	const path = join(dir, 'a.csv');
	writeFileSync(path, text);
	return path;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readAndHash and sha256', () => {
	it('returns the bytes and gives the hash of the file as read', () => {
		const path = file('a;b\n1;2\n');
		expect(readAndHash(path).toString()).toBe('a;b\n1;2\n');
		expect(sha256(path)).toBe(hex('a;b\n1;2\n'));
	});

	it('hashes again a file rewritten since it was read, even at the same size and mtime', () => {
		const path = file('a;b\n1;2\n');
		const time = new Date('2022-01-01T00:00:00Z');
		utimesSync(path, time, time);
		readAndHash(path);
		const before = statSync(path);
		writeFileSync(path, 'a;b\n3;4\n');
		// Same size, and the modification time put back: the change time still tells.
		utimesSync(path, time, time);
		expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
		expect(statSync(path).size).toBe(before.size);
		expect(sha256(path)).toBe(hex('a;b\n3;4\n'));
	});
});
