// `npm run bench:uncached`: one uncached contrat page and one uncached QPV page, rendered by the
// built server for a request that the shared cache never serves (it carries a cookie), beside the
// time of that page's DuckDB queries (Server-Timing `db`, the floor of a render). Nine pages of
// each kind, the first render of each in this process and then BENCH_RUNS more; medians per page,
// then the median over pages, and the server's CPU time per later render (all its threads, from
// /proc: on a shared machine it moves less with the load than wall times). BENCH_BASE_BUILD=<dir>
// runs another build (e.g. main's) first, on the same database and port, so that both are measured
// side by side in one run.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median, round } from './lib/stats';
import { cpuMs, renderTiming, startServer } from './lib/server';
import { pageCodes, spreadSample, type PageCodes } from './lib/page-codes';

const PORT = Number(process.env.BENCH_PORT ?? 4176);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Nine pages of each kind, spread over the list (bench:cold samples others, offset 2). */
async function samplePages(): Promise<PageCodes> {
	const all = await pageCodes();
	return { contrats: spreadSample(all.contrats, 9, 5), qpv: spreadSample(all.qpv, 9, 5) };
}

async function withServer<T>(
	dir: string,
	run: (origin: string, pid: number) => Promise<T>
): Promise<T> {
	const server = await startServer(PORT, {}, dir);
	try {
		// The home page reads the catalogue and provenance, as any served process has.
		await (await fetch(server.origin + '/', { headers: { cookie: 'bench=1' } })).arrayBuffer();
		return await run(server.origin, server.pid);
	} finally {
		await server.stop();
	}
}

async function measure(origin: string, pid: number, paths: string[]) {
	const first = { total: [] as number[], db: [] as number[] };
	const perPage = new Map(paths.map((p) => [p, { total: [] as number[], db: [] as number[] }]));
	for (const path of paths) {
		const t = await renderTiming(origin, path);
		first.total.push(t.total);
		first.db.push(t.db);
	}
	const cpuBefore = cpuMs(pid);
	for (let run = 0; run < RUNS; run++) {
		for (const path of paths) {
			const t = await renderTiming(origin, path);
			perPage.get(path)!.total.push(t.total);
			perPage.get(path)!.db.push(t.db);
		}
	}
	const cpuPerRender = (cpuMs(pid) - cpuBefore) / (RUNS * paths.length);
	const pages = [...perPage.values()];
	return {
		first_render: { total_ms: round(median(first.total)), db_ms: round(median(first.db)) },
		later_renders: {
			total_ms: round(median(pages.map((p) => median(p.total)))),
			db_ms: round(median(pages.map((p) => median(p.db)))),
			server_cpu_ms: round(cpuPerRender)
		}
	};
}

const codes = await samplePages();
const contrats = codes.contrats.map((c) => `/contrats/${c}`);
const qpv = codes.qpv.map((c) => `/quartiers/${c}`);
const builds = [process.env.BENCH_BASE_BUILD, 'build'].filter((d): d is string => Boolean(d));
const results: Record<string, unknown> = {};
for (const dir of builds) {
	if (!existsSync(`${dir}/index.js`)) throw new Error(`${dir}/index.js absent (npm run build)`);
	results[dir] = await withServer(dir, async (origin, pid) => ({
		contrat: await measure(origin, pid, contrats),
		qpv: await measure(origin, pid, qpv)
	}));
}
console.log(
	JSON.stringify(
		{
			machine_note: 'machine partagée (2 cœurs) : lire comme un ordre de grandeur',
			load_average: loadavg().map((l) => round(l, 2)),
			pages: { contrats: codes.contrats, qpv: codes.qpv },
			runs_after_first: RUNS,
			results
		},
		null,
		'\t'
	)
);
