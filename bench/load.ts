// `npm run bench:load`: 30 s of 50 connections cycling through the main routes; expects zero
// errors and reports p95 latency, throughput and the server's peak memory.
import { pathToFileURL } from 'node:url';
import { p50, p95, runLoad } from './lib/http';
import { ensureBuild, probe, startServer, type Server } from './lib/server';
import { q, type Quantity } from './lib/stats';
import { webPaths } from './web';

export interface LoadResult {
	connections: number;
	duration: Quantity;
	paths: string[];
	skipped: string[];
	requests: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	p50: Quantity;
	p95: Quantity;
	throughput: Quantity;
	server_peak_rss: Quantity;
}

export async function runLoadBench(server: Server): Promise<LoadResult> {
	const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
	const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
	const statuses = await probe(server.origin, webPaths);
	const paths = webPaths.filter((p) => statuses.get(p) === 200);
	const skipped = webPaths.filter((p) => statuses.get(p) !== 200);
	if (paths.length === 0) throw new Error('aucune page ne répond 200 : rien à charger');
	let peakRssMb = server.memory().peakRssMb;
	const r = await runLoad({
		origin: server.origin,
		paths,
		connections,
		seconds,
		onTick: () => (peakRssMb = Math.max(peakRssMb, server.memory().peakRssMb))
	});
	peakRssMb = Math.max(peakRssMb, server.memory().peakRssMb);
	return {
		connections,
		duration: q(seconds, 's', 0),
		paths,
		skipped,
		requests: r.requests,
		errors: r.errors,
		timeouts: r.timeouts,
		non2xx: r.non2xx,
		p50: q(p50(r), 'ms'),
		p95: q(p95(r), 'ms'),
		throughput: q(r.requestsPerSecond, 'req/s'),
		server_peak_rss: q(peakRssMb, 'MB')
	};
}

export function printLoad(r: LoadResult): void {
	console.log(
		`Charge : ${r.connections} connexions, ${r.duration.value} s, ${r.requests} requêtes ` +
			`(${r.throughput.value} req/s), p50 ${r.p50.value} ms, p95 ${r.p95.value} ms, ` +
			`erreurs ${r.errors}, délais dépassés ${r.timeouts}, réponses non 2xx ${r.non2xx}, ` +
			`pic RSS ${r.server_peak_rss.value} Mo`
	);
	if (r.skipped.length)
		console.log(`Pages ignorées (pas de réponse 200) : ${r.skipped.join(', ')}`);
}

export const loadFailed = (r: LoadResult): boolean =>
	r.requests === 0 || r.errors + r.timeouts + r.non2xx > 0;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	ensureBuild();
	const server = await startServer();
	try {
		const result = await runLoadBench(server);
		printLoad(result);
		if (loadFailed(result)) {
			console.error('Échec : la charge doit passer sans aucune erreur.');
			process.exitCode = 1;
		}
	} finally {
		await server.stop();
	}
}
