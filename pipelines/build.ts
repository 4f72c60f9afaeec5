// `npm run data`: builds data/build/politique-ville.duckdb from data/raw/ and data/reference/.
// Atomic: writes a temporary file and renames it, so a failed build leaves the previous one intact.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { provenanceTable, rejectsTable, type Provenance } from '../src/lib/schemas/provenance';
import { BuildDb } from './lib/build-db';
import { importReferentiel, referentielArgument } from './import-referentiel';
import { SourceFileError } from './lib/csv';
import { listFiles, sha256 } from './lib/files';
import { prepareGpkgReader } from './lib/geopackage';
import { releaseHeapGarbage } from './lib/heap-release';
import { LedgerRegistry } from './lib/ledger';
import { EXCEPTIONS_PATH, readExceptions } from './lib/row-counts';
import { SourceScan } from './lib/source-scan';
import { sourceMeta } from './lib/sources';
import type { BuildContext, Step } from './lib/step';
import { steps as defaultSteps } from './steps/index';

export interface BuildOptions {
	rawDir: string;
	referenceDir: string;
	outPath: string;
	steps?: Step[];
	log?: (message: string) => void;
}

export interface BuildReport {
	database: string;
	seconds: number;
	tables: Record<string, number>;
	sources: Provenance[];
	rejects: number;
	unbalanced: string[];
	unread: string[];
	/** What an operator must read although the build succeeded (truncated rows, accepted drops). */
	warnings: string[];
	details: Record<string, unknown>;
	/** Per step (and the final sort), wall and CPU seconds and RSS after it, to find the slow ones. */
	timings: StepTiming[];
}

export interface StepTiming {
	step: string;
	seconds: number;
	cpu_seconds: number;
	rss_mb: number;
}

/**
 * Runs `work`, releases the heap it left (./lib/heap-release.ts) and records its wall time, the
 * process's CPU time (all DuckDB threads) and RSS.
 */
async function timed(
	timings: StepTiming[],
	step: string,
	work: () => Promise<void>
): Promise<void> {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	await work();
	// The step's garbage is the step's cost: its collection counts in its time.
	releaseHeapGarbage();
	const cpu = process.cpuUsage(c0);
	timings.push({
		step,
		seconds: Math.round(performance.now() - t0) / 1000,
		cpu_seconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
		rss_mb: Math.round(process.memoryUsage().rss / 1e6)
	});
}

/**
 * Removes what killed builds left beside the database (`<db>.tmp-<pid>`, its `.wal` and `.tmp`) when
 * their process is gone; a build still running elsewhere keeps its files. Returns what was removed.
 */
export function removeLeftovers(outPath: string): string[] {
	const dir = dirname(outPath);
	if (!existsSync(dir)) return [];
	const prefix = `${basename(outPath)}.tmp-`;
	const removed: string[] = [];
	for (const name of readdirSync(dir)) {
		if (!name.startsWith(prefix)) continue;
		// `.tmp`: the directory where DuckDB spills beyond the build's memory limit.
		const pid = Number(name.slice(prefix.length).replace(/\.(wal|tmp)$/, ''));
		if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
		rmSync(join(dir, name), { force: true, recursive: true });
		removed.push(name);
	}
	return removed;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Files kept beside the data for people, not loaded (documentation, licences). */
const DOCUMENTATION = /(\.md|LICENCE[^/]*)$/i;

export async function buildDatabase(options: BuildOptions): Promise<BuildReport> {
	const started = performance.now();
	const outPath = resolve(options.outPath);
	mkdirSync(dirname(outPath), { recursive: true });
	const tmpPath = `${outPath}.tmp-${process.pid}`;
	const log = options.log ?? (() => {});
	const warnings: string[] = [];
	const warn = (message: string) => {
		warnings.push(message);
		console.warn(`Attention : ${message}`);
	};
	prepareGpkgReader();
	const leftovers = removeLeftovers(outPath);
	if (leftovers.length > 0)
		log(`Restes de constructions interrompues supprimés : ${leftovers.join(', ')}`);
	const rawDir = resolve(options.rawDir);
	const referenceDir = resolve(options.referenceDir);
	// An emptied or cut file stops the build: the raw CSVs are counted (and hashed) on a worker
	// while the first steps run; the build fails with that check's error as soon as it is known.
	const scan = new SourceScan(rawDir, readExceptions(referenceDir), (path) =>
		sourceFile(rawDir, referenceDir, path)
	);
	const db = await BuildDb.open(tmpPath).catch(async (error: unknown) => {
		await scan.close();
		throw error;
	});
	const ctx: BuildContext = {
		rawDir,
		referenceDir,
		db,
		ledgers: new LedgerRegistry(),
		read: scan.read,
		report: {},
		log,
		warn
	};
	if (existsSync(join(ctx.referenceDir, 'row-count-exceptions.csv'))) ctx.read.add(EXCEPTIONS_PATH);
	const timings: StepTiming[] = [];
	try {
		for (const step of options.steps ?? defaultSteps) {
			await timed(timings, step.table, () => step.run(ctx));
			scan.throwIfFailed();
			if (options.log === undefined) continue;
			const [row] = await db.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM "${step.table}"`
			);
			const t = timings.at(-1)!;
			log(
				`${step.table.padEnd(24)} ${String(row?.n ?? 0).padStart(9)} lignes  ${t.seconds.toFixed(1)} s (CPU ${t.cpu_seconds.toFixed(1)} s, ${t.rss_mb} Mo)`
			);
		}
		// Accepted drops come first, as when the check ran before the steps.
		warnings.unshift(...(await scan.rowCheck()));
		let sources: Provenance[] = [];
		await timed(timings, 'provenance+rejects', async () => {
			await scan.settled();
			sources = provenanceRows(ctx);
			await db.insert(provenanceTable, sources);
			await db.insert(
				rejectsTable,
				ctx.ledgers.all().flatMap((l) => l.rejects)
			);
		});
		await timed(timings, 'sort', () => db.sortAll(log));
		const tables = await db.rowCounts();
		const report: BuildReport = {
			database: outPath,
			seconds: Math.round((performance.now() - started) / 100) / 10,
			tables,
			sources,
			rejects: tables.rejects ?? 0,
			unbalanced: ctx.ledgers
				.all()
				.filter((l) => !l.balanced)
				.map((l) => l.path),
			unread: listFiles(ctx.rawDir).filter((f) => !ctx.read.has(f) && !DOCUMENTATION.test(f)),
			warnings,
			details: ctx.report,
			timings
		};
		await timed(timings, 'checkpoint', () => db.close());
		renameSync(tmpPath, outPath);
		return report;
	} catch (error) {
		await db.close().catch(() => {});
		rmSync(tmpPath, { force: true });
		rmSync(`${tmpPath}.wal`, { force: true });
		// A step may fail on the very file the row-count check stops on: the check says why.
		throw await scan.explain(error);
	} finally {
		await scan.close();
	}
}

/** The file of a path of BuildContext.read: raw, `reference/…`, or `npm/<package>@<version>/…`. */
function sourceFile(rawDir: string, referenceDir: string, path: string): string {
	if (path.startsWith('reference/')) return join(referenceDir, path.slice('reference/'.length));
	if (!path.startsWith('npm/')) return join(rawDir, path);
	// A file of an installed package (its version is checked when it is read).
	return join(
		resolve(dirname(new URL(import.meta.url).pathname), '../node_modules'),
		path.slice('npm/'.length).replace(/^((?:@[^/]+\/)?[^/@]+)@[^/]+/, '$1')
	);
}

function provenanceRows(ctx: BuildContext): Provenance[] {
	return [...ctx.read].sort().map((path) => {
		const ledger = ctx.ledgers.for(path);
		const meta = sourceMeta(path);
		return {
			path,
			sha256: sha256(sourceFile(ctx.rawDir, ctx.referenceDir, path)),
			...meta,
			rows_read: ledger.rowsRead,
			rows_loaded: ledger.rowsLoaded,
			rows_rejected: ledger.rowsRejected,
			rows_aggregate: ledger.rowsAggregate,
			tables: [...ledger.tables].sort().join(', ')
		};
	});
}

export function printSummary(report: BuildReport): void {
	console.log(`\nBase : ${report.database} (${report.seconds} s)`);
	console.table(
		report.sources.map((s) => ({
			fichier: s.path,
			lus: s.rows_read,
			chargés: s.rows_loaded,
			rejetés: s.rows_rejected,
			agrégats: s.rows_aggregate
		}))
	);
	console.log(`Rejets détaillés (table rejects) : ${report.rejects}`);
	if (report.unbalanced.length)
		console.log(`Comptes non équilibrés : ${report.unbalanced.join(', ')}`);
	if (report.unread.length) console.log(`Fichiers non chargés : ${report.unread.join(', ')}`);
	if (report.warnings.length) {
		console.log(`Avertissements (${report.warnings.length}, aussi dans report.json) :`);
		for (const w of report.warnings) console.log(`  - ${w}`);
	}
}

async function main(): Promise<void> {
	const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
	const outPath = join(root, 'data/build/politique-ville.duckdb');
	const tty = Boolean(process.stdout.isTTY);
	try {
		const referentiel = referentielArgument(process.argv);
		if (referentiel) {
			const cwd = process.env.INIT_CWD ?? process.cwd();
			const done = importReferentiel(resolve(cwd, referentiel), join(root, 'data/reference'));
			console.log(
				`Référentiel importé : ${done.measures} mesures (${done.attested} attestées) → ${done.target}`
			);
		}
		const report = await buildDatabase({
			rawDir: join(root, 'data/raw'),
			referenceDir: join(root, 'data/reference'),
			outPath,
			log: tty ? (m) => console.log(m) : undefined
		});
		writeFileSync(join(dirname(outPath), 'report.json'), JSON.stringify(report, null, '\t') + '\n');
		printSummary(report);
		if (report.unbalanced.length > 0) process.exitCode = 1;
	} catch (error) {
		const message = error instanceof SourceFileError ? error.message : (error as Error).stack;
		console.error(`Échec de la construction des données : ${message}`);
		console.error(
			existsSync(outPath)
				? `La base précédente est intacte : ${outPath}`
				: 'Aucune base précédente.'
		);
		process.exitCode = 1;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
