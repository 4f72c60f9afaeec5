// Test helper: a build context over a temporary copy of data/reference/ (optionally with some
// files replaced by fixtures) and an in-memory DuckDB, to run the referential steps for real.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BuildDb } from '../../../pipelines/lib/build-db';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import type { BuildContext, Step } from '../../../pipelines/lib/step';

export const referenceDir = resolve('data/reference');
export const fixtureDir = resolve('tests/fixtures/referentiels');

/** Copies data/reference/ to a temp dir; `replace` maps a reference file name to a fixture name. */
export function referenceCopy(replace: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'referentiels-'));
	for (const file of readdirSync(referenceDir))
		copyFileSync(join(referenceDir, file), join(dir, file));
	for (const [file, fixture] of Object.entries(replace)) {
		copyFileSync(join(fixtureDir, fixture), join(dir, file));
	}
	return dir;
}

export async function referenceContext(
	replace: Record<string, string> = {}
): Promise<BuildContext> {
	return {
		rawDir: resolve('data/raw'),
		referenceDir: referenceCopy(replace),
		db: await BuildDb.open(':memory:'),
		ledgers: new LedgerRegistry(),
		read: new Set(),
		report: {},
		log: () => {}
	};
}

export async function runSteps(ctx: BuildContext, steps: Step[]): Promise<void> {
	for (const step of steps) await step.run(ctx);
}
