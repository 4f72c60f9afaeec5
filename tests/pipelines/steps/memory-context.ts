// A build context on an in-memory DuckDB and a fixture directory, for running steps in tests.
import { fileURLToPath } from 'node:url';
import { BuildDb } from '../../../pipelines/lib/build-db';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import type { BuildContext, Step } from '../../../pipelines/lib/step';

export const fixtureDir = (area: string) =>
	fileURLToPath(new URL(`../../fixtures/${area}`, import.meta.url));

export async function runSteps(rawDir: string, steps: Step[]): Promise<BuildContext> {
	const ctx: BuildContext = {
		rawDir,
		referenceDir: rawDir,
		db: await BuildDb.open(':memory:'),
		ledgers: new LedgerRegistry(),
		read: new Set(),
		report: {},
		log: () => {}
	};
	for (const step of steps) await step.run(ctx);
	return ctx;
}
