// `npm run bench`: the data build benchmark, then the web and load benchmarks against one built
// server; writes bench/results.json (figures with units, machine, date) and prints a summary.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadFailed, printLoad, runLoadBench } from './load';
import { ensureBuild, startServer } from './lib/server';
import { q } from './lib/stats';
import { printWeb, runWebBench } from './web';

interface DataSummary {
	runs: number;
	median_seconds: number;
	rows: number;
	rows_per_second: number;
	median_peak_rss_mb: number;
}

function runDataBench(): DataSummary {
	console.log('— Construction des données (bench/data.ts)');
	const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/data.ts'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	process.stdout.write(out);
	return JSON.parse(out.trim().split('\n').pop()!) as DataSummary;
}

const data = runDataBench();
console.log('— Construction de l’application');
ensureBuild();
const server = await startServer();
let web, load;
try {
	console.log('— Pages (10 clients)');
	web = await runWebBench(server);
	console.log('— Charge');
	load = await runLoadBench(server);
} finally {
	await server.stop();
}

const results = {
	date: new Date().toISOString(),
	machine: {
		cores: cpus().length,
		cpu: cpus()[0]?.model ?? 'inconnu',
		memory: q(totalmem() / 1024 ** 3, 'GB'),
		node: process.version,
		platform: `${process.platform} ${process.arch}`
	},
	data: {
		runs: data.runs,
		duration_median: q(data.median_seconds, 's'),
		rows: data.rows,
		rows_per_second: q(data.rows_per_second, 'rows/s', 0),
		peak_rss_median: q(data.median_peak_rss_mb, 'MB')
	},
	web,
	load
};
writeFileSync('bench/results.json', JSON.stringify(results, null, '\t') + '\n');

console.log('\n— Résumé (bench/results.json)');
console.log(
	`Données : ${data.median_seconds} s (médiane de ${data.runs}), ${data.rows} lignes, ` +
		`${data.rows_per_second} lignes/s, RSS max ${data.median_peak_rss_mb} Mo`
);
printWeb(web);
printLoad(load);
if (loadFailed(load) || web.routes.some((r) => (r.errors ?? 0) > 0)) process.exitCode = 1;
