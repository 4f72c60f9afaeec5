// The heap a build step leaves is collected between steps once it passes the limit, and only
// then (pipelines/lib/heap-release.ts). Run in a fresh process: V8's heap there is this test's.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** Leaves about 200 MB of garbage, then asks for a release under a 1 GB limit, then under 64 MB. */
const child = `
const { releaseHeapGarbage } = await import('./pipelines/lib/heap-release.ts');
let garbage = [];
for (let i = 0; i < 2_000_000; i++) garbage.push({ i, s: 'ligne ' + i });
garbage = undefined;
const mb = () => Math.round(process.memoryUsage().heapTotal / 2 ** 20);
const before = mb();
const underHighLimit = releaseHeapGarbage(2 ** 30);
const afterHighLimit = mb();
const underLowLimit = releaseHeapGarbage(64 * 2 ** 20);
console.log(JSON.stringify({ before, underHighLimit, afterHighLimit, underLowLimit, after: mb() }));
`;

describe('releaseHeapGarbage', () => {
	it('collects a heap above the limit and leaves one below it alone', async () => {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', child],
			{ encoding: 'utf8' }
		);
		const seen = JSON.parse(stdout.trim().split('\n').pop()!);
		// Two million small objects take well over 100 MB of heap.
		expect(seen.before).toBeGreaterThan(100);
		expect(seen.underHighLimit).toBe(false);
		expect(seen.afterHighLimit).toBe(seen.before);
		expect(seen.underLowLimit).toBe(true);
		// What is live after the loop (the module, the runtime) fits in a few tens of MB.
		expect(seen.after).toBeLessThan(64);
	}, 60_000);
});
