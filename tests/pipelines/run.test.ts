// The pipeline launcher (`npm run data`): a cached esbuild bundle, made again when an input
// changes, whose modules keep their own import.meta.url; the entry gets its command line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundled } from '../../pipelines/bundle.mjs';

const root = mkdtempSync(join(tmpdir(), 'run-'));
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs a bundle in a fresh process and returns what its entry printed. */
const output = (bundle: string) => execFileSync(process.execPath, [bundle], { encoding: 'utf8' });

describe('bundled', () => {
	writeFileSync(
		join(root, 'entry.ts'),
		"import { where, twice } from './lib';\nconsole.log(JSON.stringify([where, twice(21)]));\n"
	);
	const lib = (factor: number) =>
		writeFileSync(
			join(root, 'lib.ts'),
			`export const where: string = import.meta.url;\nexport const twice = (n: number): number => n * ${factor};\n`
		);

	it('bundles the entry and its imports; each module keeps its own import.meta.url', async () => {
		lib(2);
		const bundle = await bundled('entry.ts', { root, cacheDir });
		expect(bundle).toBe(join(cacheDir, 'entry.mjs'));
		expect(JSON.parse(output(bundle))).toEqual([pathToFileURL(join(root, 'lib.ts')).href, 42]);
	});

	it('reuses the bundle while its inputs are unchanged, and makes it again after an edit', async () => {
		lib(2);
		const first = await bundled('entry.ts', { root, cacheDir });
		const made = statSync(first).mtimeMs;
		await bundled('entry.ts', { root, cacheDir });
		expect(statSync(first).mtimeMs).toBe(made);
		lib(3);
		await bundled('entry.ts', { root, cacheDir });
		expect(JSON.parse(output(first))[1]).toBe(63);
	});
});

describe('node pipelines/run.mjs', () => {
	it("runs the entry's main with its arguments, and names the TypeScript line of an error", () => {
		const run = spawnSync(
			process.execPath,
			['pipelines/run.mjs', 'pipelines/build.ts', '--referentiel'],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			'Échec de la construction des données : Error: --referentiel attend le chemin'
		);
		expect(run.stderr).toMatch(/at referentielArgument \(.*pipelines\/import-referentiel\.ts:\d+/);
	}, 120_000);
});
