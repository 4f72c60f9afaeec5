// What npm start prerenders: the list of reading pages (read from a real DuckDB) and the store the
// built server chose (one directory, named by the server after its database and version).
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedStore } from '../../scripts/prerender';
import { NATIONAL_PAGES, readingPaths } from '../../src/lib/server/reading-pages';

describe('reading pages to prerender', () => {
	it('lists the national pages, then every contrat, QPV and measure page, fiches left out', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const c = await instance.connect();
		await c.run(`CREATE TABLE contrats AS SELECT * FROM (VALUES ('CV002'), ('CV001')) t(code)`);
		await c.run(`CREATE TABLE qpv AS SELECT * FROM (VALUES ('QP001001')) t(code)`);
		await c.run(`CREATE TABLE mesures AS SELECT * FROM (VALUES ('M02'), ('M01')) t(id)`);
		const paths = await readingPaths(async (sql) =>
			(await c.runAndReadAll(sql)).getRowObjectsJS().map((r) => ({ code: String(r.code) }))
		);
		c.closeSync();
		instance.closeSync();
		expect(paths).toEqual([
			...NATIONAL_PAGES,
			'/contrats/CV001',
			'/contrats/CV002',
			'/quartiers/QP001001',
			'/mesures/M01',
			'/mesures/M02'
		]);
	});
});

describe('servedStore', () => {
	it('opens the one store directory the server kept, and refuses zero or two', () => {
		const dir = mkdtempSync(join(tmpdir(), 'prerender-'));
		const db = join(dir, 'base.duckdb');
		try {
			expect(() => servedStore(db)).toThrow(/un seul répertoire attendu, trouvé 0/);
			mkdirSync(join(dir, 'page-cache', '123-456-abc'), { recursive: true });
			expect(servedStore(db).dir).toBe(join(dir, 'page-cache', '123-456-abc'));
			mkdirSync(join(dir, 'page-cache', '789-456-abc'));
			expect(() => servedStore(db)).toThrow(/trouvé 2/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
