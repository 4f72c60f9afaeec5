// The QPV pages' per-code reads held in memory (resident-table.ts): loaded once, in the background,
// when the server starts (hooks.server.ts); until then, or if a load fails, pages read them from
// DuckDB, with the same rows.
import { qpvGapSummaries, qpvSeries } from './evaluation';
import { qpvPageRows } from './quartiers';

/** In the order a QPV page waits for them: its first read, then its series, then its gaps. */
export async function loadQpvResidentRows(): Promise<void> {
	for (const rows of [qpvPageRows, qpvSeries, qpvGapSummaries]) await rows.load();
}
