// `npm run data:ensure`: builds the database only when it is missing or older than its inputs
// (data/raw, data/reference, the pipeline code).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDatabase, printSummary } from './build';
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	try {
		await ensureDatabase();
	} catch (error) {
		console.error(`Échec de la construction des données : ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
