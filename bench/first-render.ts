// `npm run bench:first-render`: what npm start's warm-up (scripts/warm-up.ts) does to the first
// render of a page. A fresh `node build` renders 9 contrat and 9 QPV pages never rendered (spread
// over the lists, as bench:cold's samples were until 2/12; after 9 + 9 other pages in mode
// `cold`), then the same pages a second time; in mode `serve` npm start's warm-up pages come first
// (as in bench:cold). Both modes alternate, BENCH_ROUNDS times. Per page: the server CPU time (all
// threads, /proc: it moves less with the load of a shared machine than wall time) and the median
// wall time. Pages with a cookie: uncached.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { readingPagePaths } from '../scripts/prerender';
import { warmUp, warmUpPaths } from '../scripts/warm-up';
import { pageCodes, spreadSample } from './lib/page-codes';
import { cpuMs, ensureBuild, startServer } from './lib/server';
import { median, round } from './lib/stats';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const origin = `http://127.0.0.1:${PORT}`;

async function render(path: string): Promise<number> {
	const t0 = performance.now();
	await (await fetch(origin + path, { headers: { cookie: 'bench=1' } })).arrayBuffer();
	return performance.now() - t0;
}

/** CPU per page and median wall time of rendering `paths` one at a time. */
async function measure(pid: number, paths: string[]) {
	const before = cpuMs(pid);
	const wall: number[] = [];
	for (const path of paths) wall.push(await render(path));
	return { cpu_ms: round((cpuMs(pid) - before) / paths.length), wall_ms: round(median(wall)) };
}

ensureBuild();
const codes = await pageCodes();
const contrats = spreadSample(codes.contrats, 9, 2).map((c) => `/contrats/${c}`);
const qpv = spreadSample(codes.qpv, 9, 2).map((c) => `/quartiers/${c}`);
const benchWarmUp = [
	...spreadSample(codes.contrats, 9, 8).map((c) => `/contrats/${c}`),
	...spreadSample(codes.qpv, 9, 8).map((c) => `/quartiers/${c}`)
];
const samples = new Set([...contrats, ...qpv]);
const serveWarmUp = warmUpPaths(await readingPagePaths('data/build/politique-ville.duckdb')).filter(
	(p) => !samples.has(p)
);

async function run(mode: 'cold' | 'serve') {
	const server = await startServer(PORT);
	const pid = server.pid;
	try {
		await render('/');
		// The database warms its blocks in the background at start (warmDatabase): let it finish.
		await sleep(3000);
		const warm = mode === 'serve' ? await warmUp(origin, serveWarmUp) : null;
		for (const path of benchWarmUp) await render(path);
		return {
			mode,
			warm_up_seconds: warm?.seconds ?? 0,
			first: { contrat: await measure(pid, contrats), qpv: await measure(pid, qpv) },
			second: { contrat: await measure(pid, contrats), qpv: await measure(pid, qpv) },
			load: round(loadavg()[0]!, 1)
		};
	} finally {
		await server.stop();
	}
}

const runs: Awaited<ReturnType<typeof run>>[] = [];
for (let r = 0; r < ROUNDS; r++)
	for (const mode of r % 2 ? (['serve', 'cold'] as const) : (['cold', 'serve'] as const))
		runs.push(await run(mode));
const summary = (mode: string, key: 'first' | 'second', kind: 'contrat' | 'qpv') =>
	round(median(runs.filter((r) => r.mode === mode).map((r) => r[key][kind].cpu_ms)));
console.log(
	JSON.stringify(
		{
			machine_note: 'machine partagée (2 cœurs) : lire comme un ordre de grandeur',
			runs,
			median_cpu_ms_per_page: Object.fromEntries(
				['cold', 'serve'].map((mode) => [
					mode,
					{
						first: {
							contrat: summary(mode, 'first', 'contrat'),
							qpv: summary(mode, 'first', 'qpv')
						},
						second: {
							contrat: summary(mode, 'second', 'contrat'),
							qpv: summary(mode, 'second', 'qpv')
						}
					}
				])
			)
		},
		null,
		'\t'
	)
);
