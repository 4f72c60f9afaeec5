// `npm run bench:uncached:paired`: two builds served at once on the same database (the base on
// BENCH_PORT, this one on BENCH_PORT + 1), each page of bench:uncached's sample rendered by both in
// alternating order, with a cookie so that no cache answers. On a loaded shared machine the two
// servers see the same load at the same moment: the median ratio of the pairs says more than two
// runs one after the other. BENCH_BASE_BUILD=<dir> (required), BENCH_KIND=qpv|contrat, BENCH_RUNS.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, round } from './lib/stats';
import { renderTiming } from './lib/server';
import { pageCodes, spreadSample } from './lib/page-codes';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const KIND = process.env.BENCH_KIND ?? 'qpv';
const BASE = process.env.BENCH_BASE_BUILD;
if (!BASE) throw new Error('BENCH_BASE_BUILD=<dossier d’un autre build> est requis');
for (const dir of [BASE, 'build'])
	if (!existsSync(`${dir}/index.js`)) throw new Error(`${dir}/index.js absent (npm run build)`);

/** User + system CPU of a process, all threads, in ms (/proc/<pid>/stat, 100 ticks a second). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function start(dir: string, port: number): ChildProcess {
	return spawn(process.execPath, [dir], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

const all = await pageCodes();
const codes = KIND === 'contrat' ? all.contrats : all.qpv;
const paths = spreadSample(codes, 9, 5).map(
	(c) => (KIND === 'contrat' ? '/contrats/' : '/quartiers/') + c
);
const servers = [
	{ dir: BASE, origin: `http://127.0.0.1:${PORT}`, child: start(BASE, PORT) },
	{ dir: 'build', origin: `http://127.0.0.1:${PORT + 1}`, child: start('build', PORT + 1) }
].map((s) => ({ ...s, total: [] as number[], db: [] as number[], cpu: 0 }));
try {
	for (const s of servers) {
		for (let i = 0; ; i++) {
			try {
				await fetch(`${s.origin}/favicon.svg`);
				break;
			} catch {
				if (i === 300) throw new Error(`le serveur ne répond pas sur ${s.origin}`);
				await sleep(100);
			}
		}
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
				const before = cpuMs(s.child.pid!);
				const t = await renderTiming(s.origin, path);
				s.cpu += cpuMs(s.child.pid!) - before;
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
	for (const s of servers) s.child.kill();
}
