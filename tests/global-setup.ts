// Builds the real database once before the test run when it is missing or stale, so server tests
// read the same data as the app. SKIP_DB_BUILD=1 skips it for quick unit-only runs.
import { ensureDatabase } from '../pipelines/ensure';

export default async function setup(): Promise<void> {
	if (process.env.SKIP_DB_BUILD === '1') return;
	await ensureDatabase({ quiet: true });
}
