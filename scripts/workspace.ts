// Backup and restore of the evaluation workspace as JSON:
//   npm run workspace -- export --file sauvegarde.json   (or to standard output without --file)
//   npm run workspace -- import --file sauvegarde.json   (into an empty workspace only)
// Uses the configured workspace: PGlite in data/workspace/ (server stopped) or DATABASE_URL.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { databasePath } from '../src/lib/server/db';
import { openConfigured } from '../src/lib/server/workspace/db';
import { exportWorkspace, importWorkspace } from '../src/lib/server/workspace/transfer';
import { parseArgs } from './lib/args';

async function main(): Promise<void> {
	const { command, options } = parseArgs(process.argv.slice(2));
	const file = options.get('file')?.[0];
	if (command !== 'export' && command !== 'import') {
		throw new Error('usage : npm run workspace -- (export|import) [--file chemin.json]');
	}
	if (command === 'import' && !file) throw new Error('--file attendu pour import');
	const ws = await openConfigured();
	try {
		if (command === 'export') {
			const text = JSON.stringify(await exportWorkspace(ws), null, 1) + '\n';
			if (file) writeFileSync(file, text);
			else process.stdout.write(text);
			if (file) console.error(`export écrit : ${file}`);
		} else {
			let data: unknown;
			try {
				data = JSON.parse(readFileSync(file!, 'utf8'));
			} catch (error) {
				throw new Error(`${file} : JSON illisible (${(error as Error).message})`);
			}
			const counts = await importWorkspace(ws, data);
			console.error(
				`import terminé : ${Object.entries(counts)
					.map(([t, n]) => `${t} ${n}`)
					.join(', ')}`
			);
			// Measure pages show the published feedback: their rendered copies on disk are stale now.
			rmSync(join(dirname(databasePath()), 'page-cache'), { recursive: true, force: true });
			console.error('pages en cache effacées : redémarrez le serveur s’il tourne');
		}
	} finally {
		await ws.close();
	}
}

main().catch((error: Error) => {
	console.error(`erreur : ${error.message}`);
	process.exit(1);
});
