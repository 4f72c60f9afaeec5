// `npm run bench:scale`: one Node process against two identical ones on the same read-only
// database (each on its own port; the load is split evenly, as a round-robin load balancer
// would), 50 connections in all on cached pages, BENCH_ROUNDS rounds of 10 s; medians compared.
import { runLoad } from './lib/http';
import { ensureBuild, startServer, type Server } from './lib/server';
import { median, round } from './lib/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PATHS = ['/', '/contrats', '/contrats/CV001', '/quartiers/QP001001'];
const BASE = Number(process.env.BENCH_PORT ?? 4176);

async function throughput(servers: Server[]): Promise<number> {
	const per = Math.floor(50 / servers.length);
	const runs = await Promise.all(
		servers.map((s) => runLoad({ origin: s.origin, paths: PATHS, connections: per, seconds: 10 }))
	);
	return runs.reduce((sum, r) => sum + r.requestsPerSecond, 0);
}

ensureBuild();
const servers = [await startServer(BASE), await startServer(BASE + 1)];
try {
	for (const s of servers) for (const p of PATHS) await (await fetch(s.origin + p)).arrayBuffer();
	const one: number[] = [];
	const two: number[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		one.push(await throughput([servers[0]!]));
		two.push(await throughput(servers));
	}
	console.log(
		JSON.stringify({
			machine_note: 'machine partagée (2 cœurs) : ordre de grandeur',
			one_process_rps: one.map((x) => round(x)),
			two_processes_rps: two.map((x) => round(x)),
			median_ratio: round(median(two) / median(one), 2)
		})
	);
} finally {
	for (const s of servers) await s.stop();
}
