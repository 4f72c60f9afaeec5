// The build's DuckDB allocator options (pipelines/lib/duckdb-allocator.ts) are in the environment
// when DuckDB's library loads (it reads them then, once), and gone from it afterwards. Their effect
// (fewer page faults) is measured by `npm run bench:data`, not here: it varies from run to run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, BUILD_ALLOCATOR_CONF } from '../../../pipelines/lib/duckdb-allocator';

/**
 * In a fresh process: notes the variable when DuckDB's native library is loaded, imports BuildDb,
 * runs a query, and prints the variable at the end.
 */
const child = `
const dlopen = process.dlopen;
let atLoad;
process.dlopen = function (module, file, ...rest) {
	if (file.includes('duckdb')) atLoad = process.env.${ALLOCATOR_ENV} ?? null;
	return dlopen.call(this, module, file, ...rest);
};
const { BuildDb } = await import('./pipelines/lib/build-db.ts');
const db = await BuildDb.open(':memory:');
const [row] = await db.query('SELECT count(*)::INTEGER AS n FROM range(1000)');
await db.close();
console.log(JSON.stringify({ atLoad, n: row.n, after: process.env.${ALLOCATOR_ENV} ?? null }));
`;

interface Seen {
	atLoad: string | null;
	n: number;
	after: string | null;
}

async function run(env: Record<string, string>): Promise<Seen> {
	const rest = { ...process.env };
	delete rest[ALLOCATOR_ENV];
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '-e', child],
		{ env: { ...rest, ...env }, encoding: 'utf8' }
	);
	return JSON.parse(stdout.trim().split('\n').pop()!) as Seen;
}

describe('the build process allocator', () => {
	it('is set when DuckDB loads, then removed; an operator’s own setting is kept', async () => {
		const own = 'dirty_decay_ms:0,muzzy_decay_ms:0';
		const [operator, build] = await Promise.all([run({ [ALLOCATOR_ENV]: own }), run({})]);
		expect(build).toEqual({ atLoad: BUILD_ALLOCATOR_CONF, n: 1000, after: null });
		expect(operator).toEqual({ atLoad: own, n: 1000, after: own });
	}, 60_000);
});
