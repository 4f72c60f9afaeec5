// `npm run bench:cold`: every page fast the first time. Against one server, in one run:
// 1. cached throughput: 50 connections, 10 s, on four URLs already rendered;
// 2. cold throughput: 50 connections, at most 30 s, every URL distinct (each contrat and QPV page
//    once; the run ends when each has been asked);
// Both phases use one client (autocannon) with a browser's headers (`Accept-Encoding: gzip`…), so
// that their ratio compares the server with itself, not two clients.
// 3. one page at a time: render time of uncached contrat and QPV pages beside the summed time of
//    their DuckDB queries (Server-Timing `db`), the floor of a render. The pages are spread over the
//    list (the last codes are overseas QPV without indicators) and measured after the warm-up that
//    `npm start` gives its server (scripts/warm-up.ts: WARM_UP_PAGES uncached pages of each kind,
//    the samples left out): the first render a user can meet after `npm start`, not a first
//    request to a process that has compiled nothing.
// BENCH_COLD_STORE=start (default) measures what a user gets after `npm start`: the reading pages
// are prerendered into the disk store (`npm run prerender`, timed) and the server is started
// fresh, so each cold URL is served for the first time by this process (memory cache empty).
// BENCH_COLD_STORE=empty removes the disk page store first: pages really never rendered.
// BENCH_COLD_STORE=keep measures the store as it is (no prerender); with BENCH_COLD_STORED_ONLY=1
// the cold run uses only the pages already stored (a partial prerender; their count is printed).
// In every mode the single-page samples are removed from the store: really uncached renders.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cacheKey } from '../src/lib/server/handles/page-cache';
import { readingPagePaths, servedStore } from '../scripts/prerender';
import { warmUp, warmUpPaths } from '../scripts/warm-up';
import { BROWSER_HEADERS, runPaths } from './lib/paths-load';
import { ensureBuild, startServer } from './lib/server';
import { median, percentile, round } from './lib/stats';
import { pageCodes, spreadSample } from './lib/page-codes';

const PORT = Number(process.env.BENCH_PORT ?? 4175);
const CONNECTIONS = 50;
const COLD_SECONDS = Number(process.env.BENCH_COLD_SECONDS ?? 30);
/**
 * Uncached pages of each kind timed one at a time. 25 rather than 9 (until 2/12): the median of
 * nine pages moved by ±3 ms from one run to the next on this shared machine.
 */
const SINGLE_PAGES = Number(process.env.BENCH_SINGLE_PAGES ?? 25);
if (!Number.isInteger(SINGLE_PAGES) || SINGLE_PAGES < 1)
	throw new Error(
		`BENCH_SINGLE_PAGES doit être un entier positif : ${process.env.BENCH_SINGLE_PAGES}`
	);

/** Deterministic interleaving: contrat and QPV pages mixed, each URL once. */
function distinctUrls(codes: { contrats: string[]; qpv: string[] }): string[] {
	const urls: string[] = [];
	const n = Math.max(codes.contrats.length, codes.qpv.length);
	for (let i = 0; i < n; i++) {
		if (i < codes.qpv.length) urls.push(`/quartiers/${codes.qpv[i]}`);
		if (i < codes.contrats.length && i % 3 === 0) urls.push(`/contrats/${codes.contrats[i]}`);
	}
	for (let i = 0; i < codes.contrats.length; i++)
		if (i % 3 !== 0) urls.push(`/contrats/${codes.contrats[i]}`);
	return urls;
}

/** `CONNECTIONS` connections take the next URL of the queue: each URL once, at most 30 s. */
function coldRun(origin: string, urls: string[], onTick: () => void) {
	let next = 0;
	return runPaths({
		origin,
		connections: CONNECTIONS,
		next: () => urls[next++ % urls.length]!,
		amount: urls.length,
		seconds: COLD_SECONDS,
		headers: BROWSER_HEADERS,
		onTick
	});
}

/** Render time and DuckDB time of pages never requested before, one at a time. */
async function singlePages(origin: string, urls: string[]) {
	const render: number[] = [];
	const db: number[] = [];
	for (const url of urls) {
		const t0 = performance.now();
		const response = await fetch(origin + url);
		await response.arrayBuffer();
		render.push(performance.now() - t0);
		const match = /db;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
		db.push(match ? Number(match[1]) : NaN);
	}
	return { pages: urls.length, renderMs: round(median(render)), dbMs: round(median(db)) };
}

ensureBuild();
const mode = process.env.BENCH_COLD_STORE ?? 'start';
let prerenderSeconds: number | null = null;
if (mode === 'empty') {
	rmSync('data/build/page-cache', { recursive: true, force: true });
} else if (mode === 'start') {
	const t0 = performance.now();
	execSync('npm run prerender', { stdio: ['ignore', 'ignore', 'inherit'] });
	prerenderSeconds = round((performance.now() - t0) / 1000);
}
const codes = await pageCodes();
const urls = distinctUrls(codes);
// The single-page samples are kept out of the cold run, so that they are really uncached.
const singleContrats = spreadSample(codes.contrats, SINGLE_PAGES, 2).map((c) => `/contrats/${c}`);
const singleQpv = spreadSample(codes.qpv, SINGLE_PAGES, 2).map((c) => `/quartiers/${c}`);
// npm start's warm-up (with a cookie: nothing cached or stored), without the samples.
const readingPaths = await readingPagePaths('data/build/politique-ville.duckdb');
const warmUpList = warmUpPaths(readingPaths).filter(
	(u) => !singleContrats.includes(u) && !singleQpv.includes(u)
);
const coldUrls = urls.filter((u) => !singleContrats.includes(u) && !singleQpv.includes(u));
// The store exists once a server has answered a page (the prerender's, or one started here).
const server = await startServer(PORT);
await (await fetch(`${server.origin}/`)).arrayBuffer();
const store = servedStore('data/build/politique-ville.duckdb');
const keyOf = (u: string) => cacheKey(new URL(u, 'http://x'));
for (const u of [...singleContrats, ...singleQpv]) store.delete(keyOf(u));
if (process.env.BENCH_COLD_STORED_ONLY === '1') {
	const stored = coldUrls.filter((u) => store.has(keyOf(u)));
	coldUrls.splice(0, coldUrls.length, ...stored);
}
let peakMb = 0;
let warmSeconds = 0;
const sample = () => (peakMb = Math.max(peakMb, server.memory().rssMb));
try {
	const warm = await warmUp(server.origin, warmUpList);
	if (warm.failed.length) throw new Error(`mise en train en échec : ${warm.failed.join(', ')}`);
	warmSeconds = warm.seconds;
	const single = {
		contrat: await singlePages(server.origin, singleContrats),
		qpv: await singlePages(server.origin, singleQpv)
	};
	const hot = ['/', '/contrats', singleContrats[0]!, singleQpv[0]!];
	let turn = 0;
	const cached = await runPaths({
		origin: server.origin,
		connections: CONNECTIONS,
		next: () => hot[turn++ % hot.length]!,
		seconds: 10,
		headers: BROWSER_HEADERS,
		onTick: sample
	});
	const cold = await coldRun(server.origin, coldUrls, sample);
	sample();
	const summary = {
		machine_note: 'machine partagée (2 cœurs) : lire comme un ordre de grandeur',
		store: mode,
		prerender_seconds: prerenderSeconds,
		warm_up_pages: warmUpList.length,
		warm_up_seconds: warmSeconds,
		client: 'autocannon, en-têtes de navigateur (Accept-Encoding: gzip…) pour les deux phases',
		cached: {
			rps: round(cached.requestsPerSecond),
			p95_ms: round(percentile(cached.latenciesMs, 95)),
			p50_ms: round(percentile(cached.latenciesMs, 50)),
			bytes_per_request: Math.round(cached.bytesPerRequest),
			errors: cached.errors
		},
		cold: {
			requests: cold.requests,
			distinct_urls_available: coldUrls.length,
			seconds: round(cold.seconds),
			rps: round(cold.requestsPerSecond),
			p50_ms: round(percentile(cold.latenciesMs, 50)),
			p95_ms: round(percentile(cold.latenciesMs, 95)),
			bytes_per_request: Math.round(cold.bytesPerRequest),
			errors: cold.errors
		},
		cold_over_cached: round(cold.requestsPerSecond / cached.requestsPerSecond, 3),
		load_average: loadavg().map((x) => round(x, 2)),
		peak_rss_mb: Math.round(Math.max(peakMb, server.memory().peakRssMb)),
		single_uncached_page_median_ms: single
	};
	console.log(JSON.stringify(summary, null, '\t'));
} finally {
	await server.stop();
}
