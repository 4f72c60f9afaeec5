import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceFileError } from '../../../pipelines/lib/csv';
import { sha256 } from '../../../pipelines/lib/files';
import { SourceScan } from '../../../pipelines/lib/source-scan';

const dirs: string[] = [];
const rawDir = (files: Record<string, string>) => {
	const dir = mkdtempSync(join(tmpdir(), 'source-scan-'));
	dirs.push(dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SourceScan', () => {
	it('passes the row-count check and hashes the files marked read on its worker', async () => {
		const raw = rawDir({
			'a/X_2021.csv': 'h\n1\n2\n',
			'a/X_2022.csv': 'h\n1\n2\n',
			'b.json': '{}'
		});
		const scan = new SourceScan(raw, new Map(), (path) => join(raw, path));
		try {
			scan.read.add('b.json');
			expect(await scan.rowCheck()).toEqual([]);
			await scan.settled();
			// Both CSVs (counted and hashed) and the JSON file, by the worker.
			expect(scan.scanned).toBe(3);
			expect(sha256(join(raw, 'b.json'))).toBe(hex('{}'));
			expect(sha256(join(raw, 'a/X_2022.csv'))).toBe(hex('h\n1\n2\n'));
		} finally {
			await scan.close();
		}
	});

	it("reports a fall of rows, accepted by an exception or as the build's error", async () => {
		const files = { 'X_2021.csv': 'h\n1\n2\n3\n4\n5\n', 'X_2022.csv': 'h\n1\n' };
		const accepted = rawDir(files);
		const ok = new SourceScan(accepted, new Map([['X_2022.csv', 'voulu']]), (p) => p);
		expect(await ok.rowCheck()).toEqual([
			'X_2022.csv : 1 lignes contre 5 dans X_2021.csv (−80 %, plus de 20 %) — accepté : voulu'
		]);
		await ok.close();
		const refused = rawDir(files);
		const scan = new SourceScan(refused, new Map(), (p) => p);
		const explained = await scan.explain(new Error('erreur d’une étape'));
		expect(explained).toBeInstanceOf(SourceFileError);
		expect((explained as Error).message).toContain('X_2022.csv : 1 lignes contre 5');
		expect(() => scan.throwIfFailed()).toThrow('fichier vide ou en forte baisse');
		await scan.close();
	});
});
