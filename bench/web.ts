// `npm run bench:web`: latency (p50/p95) and throughput of the main pages under 10 concurrent
// clients, over several rounds, the server's memory, and the JavaScript weight of each page.
import { pathToFileURL } from 'node:url';
import { p50, p95, runLoad } from './lib/http';
import { pageJsWeight } from './lib/js-weight';
import { ensureBuild, probe, startServer, type Server } from './lib/server';
import { q, round as round1, type Quantity } from './lib/stats';

export const webPaths = ['/', '/contrats', '/contrats/CV001', '/quartiers/QP001001'];
/** Target of issue #6 for the JavaScript a page loads (gzipped). */
export const jsBudgetKb = 100;

export interface WebRouteResult {
	path: string;
	status: number;
	p50?: Quantity;
	p95?: Quantity;
	throughput?: Quantity;
	requests?: number;
	errors?: number;
	js_gzip?: Quantity;
	js_files?: number;
	js_within_budget?: boolean;
}

export interface WebResult {
	connections: number;
	rounds: number;
	requests_per_round: number;
	routes: WebRouteResult[];
	server_rss: Quantity;
	server_peak_rss: Quantity;
}

export async function runWebBench(server: Server): Promise<WebResult> {
	const connections = 10;
	const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
	const amount = Number(process.env.BENCH_REQUESTS ?? 40);
	const statuses = await probe(server.origin, webPaths);
	const routes: WebRouteResult[] = [];
	for (const path of webPaths) {
		const status = statuses.get(path)!;
		if (status !== 200) {
			console.log(`${path} : statut ${status}, page ignorée`);
			routes.push({ path, status });
			continue;
		}
		const html = await (await fetch(server.origin + path)).text();
		const js = pageJsWeight(html, server.origin + path);
		// Warm-up (caches, JIT), not counted.
		await runLoad({ origin: server.origin, paths: [path], connections, amount: connections });
		const latencies: number[] = [];
		let requests = 0;
		let errors = 0;
		let seconds = 0;
		for (let round = 1; round <= rounds; round++) {
			const r = await runLoad({ origin: server.origin, paths: [path], connections, amount });
			latencies.push(...r.latenciesMs);
			requests += r.requests;
			errors += r.errors + r.non2xx;
			seconds += r.seconds;
			console.log(
				`${path} manche ${round}/${rounds} : p50 ${round1(p50(r))} ms, p95 ${round1(p95(r))} ms, ` +
					`${r.requestsPerSecond.toFixed(1)} req/s`
			);
		}
		const all = { latenciesMs: latencies };
		routes.push({
			path,
			status,
			p50: q(p50(all), 'ms'),
			p95: q(p95(all), 'ms'),
			throughput: q(requests / seconds, 'req/s'),
			requests,
			errors,
			js_gzip: q(js.gzipBytes / 1024, 'kB'),
			js_files: js.files,
			js_within_budget: js.gzipBytes / 1024 < jsBudgetKb
		});
	}
	const memory = server.memory();
	return {
		connections,
		rounds,
		requests_per_round: amount,
		routes,
		server_rss: q(memory.rssMb, 'MB'),
		server_peak_rss: q(memory.peakRssMb, 'MB')
	};
}

export function printWeb(result: WebResult): void {
	console.table(
		result.routes.map((r) => ({
			page: r.path,
			statut: r.status,
			'p50 (ms)': r.p50?.value ?? '—',
			'p95 (ms)': r.p95?.value ?? '—',
			'req/s': r.throughput?.value ?? '—',
			erreurs: r.errors ?? '—',
			'JS gzip (kB)': r.js_gzip?.value ?? '—',
			[`< ${jsBudgetKb} kB`]:
				r.js_within_budget === undefined ? '—' : r.js_within_budget ? 'oui' : 'NON'
		}))
	);
	console.log(
		`Mémoire du serveur : RSS ${result.server_rss.value} Mo, pic ${result.server_peak_rss.value} Mo`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	ensureBuild();
	const server = await startServer();
	try {
		const result = await runWebBench(server);
		printWeb(result);
		if (result.routes.some((r) => (r.errors ?? 0) > 0)) process.exitCode = 1;
	} finally {
		await server.stop();
	}
}
