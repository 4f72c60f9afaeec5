// `npm run bench:data`: times the full data build from the raw files (median of several runs),
// with rows per second and peak memory (RSS, measured in a child process per run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const results: { seconds: number; cpuSeconds: number; rows: number; peakRssMb: number }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
for (let i = 0; i < runs; i++) {
	const out = execFileSync(
		process.execPath,
		['--import', 'tsx', 'bench/data-run.ts', join(dir, `run-${i}.duckdb`)],
		{ encoding: 'utf8' }
	);
	const result = JSON.parse(out.trim().split('\n').pop()!);
	results.push(result);
	console.log(
		`run ${i + 1}/${runs}: ${result.seconds.toFixed(1)} s (CPU ${result.cpuSeconds.toFixed(1)} s), ${result.rows} lignes, RSS max ${result.peakRssMb} Mo`
	);
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = median(results.map((r) => r.seconds));
const rows = results[0]!.rows;
const summary = {
	runs,
	median_seconds: Math.round(seconds * 10) / 10,
	median_cpu_seconds: Math.round(median(results.map((r) => r.cpuSeconds)) * 10) / 10,
	rows,
	rows_per_second: Math.round(rows / seconds),
	median_peak_rss_mb: median(results.map((r) => r.peakRssMb))
};
console.log(JSON.stringify(summary));
