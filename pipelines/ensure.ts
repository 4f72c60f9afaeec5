// `npm run data:ensure`: builds the database only when it is missing or older than its inputs
// (data/raw, data/reference, the pipeline code).
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDatabase, printSummary } from './build';
import { SourceFileError } from './lib/csv';
import { newestMtime } from './lib/files';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
export const databasePath = join(root, 'data/build/politique-ville.duckdb');

export function isStale(): boolean {
	if (!existsSync(databasePath)) return true;
	const inputs = newestMtime(
		['data/raw', 'data/reference', 'pipelines', 'src/lib/schemas'].map((d) => join(root, d))
	);
	return statSync(databasePath).mtimeMs < inputs;
}

export async function ensureDatabase(options: { quiet?: boolean } = {}): Promise<void> {
	if (!isStale()) return;
	const report = await buildDatabase({
		rawDir: join(root, 'data/raw'),
		referenceDir: join(root, 'data/reference'),
		outPath: databasePath
	});
	writeFileSync(
		join(dirname(databasePath), 'report.json'),
		JSON.stringify(report, null, '\t') + '\n'
	);
	if (!options.quiet) printSummary(report);
	if (report.unbalanced.length > 0)
		throw new Error(`comptes non équilibrés : ${report.unbalanced.join(', ')}`);
}

export const failureLogPath = join(dirname(databasePath), 'last-build-error.txt');

/**
 * `npm start`: a failed rebuild must not take the site down. With a previous (intact) database the
 * server starts on it after a warning that says where the reason is; without one, it stops.
 */
export async function ensureForStart(
	ensure: () => Promise<void> = ensureDatabase,
	dbPath = databasePath,
	logPath = failureLogPath
): Promise<number> {
	try {
		await ensure();
		rmSync(logPath, { force: true });
		return 0;
	} catch (error) {
		const detail =
			error instanceof SourceFileError ? error.message : String((error as Error).stack);
		writeFileSync(logPath, `${new Date().toISOString()}\n${detail}\n`);
		console.error(`Échec de la construction des données : ${(error as Error).message}`);
		if (!existsSync(dbPath)) return 1;
		const built = statSync(dbPath).mtime.toLocaleString('fr-FR', {
			timeZone: 'Europe/Paris'
		});
		console.warn(
			`\nATTENTION : le site démarre sur la dernière base valide (construite le ${built}), ` +
				`pas sur les fichiers actuels de data/.\nPourquoi : ${relative(root, logPath)} ` +
				'(ou relancez « npm run data » pour revoir le détail).\n'
		);
		return 0;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	process.exitCode = await ensureForStart();
}
