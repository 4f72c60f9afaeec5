// `npm run bench:uncached:paired`: two builds served at once on the same database (the base on
// BENCH_PORT, this one on BENCH_PORT + 1), each page of bench:uncached's sample rendered by both in
// alternating order, with a cookie so that no cache answers. On a loaded shared machine the two
// servers see the same load at the same moment: the median ratio of the pairs says more than two
// runs one after the other. BENCH_BASE_BUILD=<dir> (required), BENCH_KIND=qpv|contrat, BENCH_RUNS.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median, round } from './lib/stats';
import { cpuMs, renderTiming, startServer } from './lib/server';
import { pageCodes, spreadSample } from './lib/page-codes';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const KIND = process.env.BENCH_KIND ?? 'qpv';
const BASE = process.env.BENCH_BASE_BUILD;
if (!BASE) throw new Error('BENCH_BASE_BUILD=<dossier d’un autre build> est requis');
for (const dir of [BASE, 'build'])
	if (!existsSync(`${dir}/index.js`)) throw new Error(`${dir}/index.js absent (npm run build)`);

const all = await pageCodes();
const codes = KIND === 'contrat' ? all.contrats : all.qpv;
const paths = spreadSample(codes, 9, 5).map(
	(c) => (KIND === 'contrat' ? '/contrats/' : '/quartiers/') + c
);
const servers = [
	{ dir: BASE, server: await startServer(PORT, {}, BASE) },
	{ dir: 'build', server: await startServer(PORT + 1, {}, 'build') }
].map((s) => ({
	...s,
	origin: s.server.origin,
	total: [] as number[],
	db: [] as number[],
	cpu: 0
}));
try {
	for (const s of servers) {
		// As bench:uncached: the home page, then a first render of every page of the sample.
		await (await fetch(s.origin + '/', { headers: { cookie: 'bench=1' } })).arrayBuffer();
		for (const path of paths) await renderTiming(s.origin, path);
	}
	const loadBefore = loadavg()[0]!;
	const ratios: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		for (const [i, path] of paths.entries()) {
			const order = (run + i) % 2 ? [servers[0]!, servers[1]!] : [servers[1]!, servers[0]!];
			const totals = new Map<string, number>();
			for (const s of order) {
				const before = cpuMs(s.server.pid);
				const t = await renderTiming(s.origin, path);
				s.cpu += cpuMs(s.server.pid) - before;
				s.total.push(t.total);
				s.db.push(t.db);
				totals.set(s.dir, t.total);
			}
			ratios.push(totals.get('build')! / totals.get(BASE)!);
		}
	}
	console.log(
		JSON.stringify(
			{
				machine_note: 'machine partagée (2 cœurs) : lire comme un ordre de grandeur',
				load_average: [round(loadBefore, 2), round(loadavg()[0]!, 2)],
				kind: KIND,
				pages: paths,
				pairs: ratios.length,
				results: Object.fromEntries(
					servers.map((s) => [
						s.dir,
						{
							total_ms: round(median(s.total)),
							db_ms: round(median(s.db)),
							server_cpu_ms: round(s.cpu / s.total.length)
						}
					])
				),
				median_ratio_build_over_base: round(median(ratios), 3)
			},
			null,
			'\t'
		)
	);
} finally {
	for (const s of servers) await s.server.stop();
}
