// `npm start` after a failed rebuild: serves the last good database with a warning that says where
// the reason is; stops only when there is no database at all.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceFileError } from '../../pipelines/lib/csv';
import { ensureForStart } from '../../pipelines/ensure';

const failing = async () => {
	throw new SourceFileError('sig-ville/DEMO_2022.csv', 'en-tête seul, aucune ligne de données');
};

describe('ensureForStart', () => {
	afterEach(() => vi.restoreAllMocks());

	it('starts on the previous database, warns, and writes the reason to a file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ensure-'));
		const db = join(dir, 'base.duckdb');
		const log = join(dir, 'last-build-error.txt');
		writeFileSync(db, 'base précédente');
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await ensureForStart(failing, db, log)).toBe(0);
		expect(readFileSync(db, 'utf8')).toBe('base précédente');
		expect(readFileSync(log, 'utf8')).toContain(
			'sig-ville/DEMO_2022.csv : en-tête seul, aucune ligne de données'
		);
		const warning = String(warn.mock.calls[0]?.[0]);
		expect(warning).toContain('le site démarre sur la dernière base valide');
		expect(warning).toContain('last-build-error.txt');
		expect(warning).toContain('npm run data');
	});

	it('stops (exit code 1) when no database was ever built', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ensure-'));
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await ensureForStart(failing, join(dir, 'absente.duckdb'), join(dir, 'e.txt'))).toBe(1);
	});

	it('removes the reason of an earlier failure once a build succeeds', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ensure-'));
		const log = join(dir, 'last-build-error.txt');
		writeFileSync(log, 'ancienne erreur');
		expect(await ensureForStart(async () => {}, join(dir, 'base.duckdb'), log)).toBe(0);
		expect(existsSync(log)).toBe(false);
	});
});
