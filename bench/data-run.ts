// One timed build into the given path; prints one JSON line (seconds, CPU seconds, rows, peak RSS).
import { buildDatabase } from '../pipelines/build';

const outPath = process.argv[2];
if (!outPath) throw new Error('usage: data-run.ts <out.duckdb>');
const started = performance.now();
const cpu0 = process.cpuUsage();
const report = await buildDatabase({ rawDir: 'data/raw', referenceDir: 'data/reference', outPath });
// The kernel's high-water mark of the process (all threads): sampling every 50 ms, as before
// 3/12, could miss a peak shorter than that.
const peak = process.resourceUsage().maxRSS * 1024;
const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
console.log(
	JSON.stringify({
		seconds: (performance.now() - started) / 1000,
		// All threads (JavaScript and DuckDB's): steadier than seconds on a loaded machine.
		cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)),
		rows,
		peakRssMb: Math.round(peak / 1e6)
	})
);
