// `npm run data` and `npm run data:ensure`: `node pipelines/run.mjs <entry.ts> [args…]` runs a
// pipeline entry point from one esbuild bundle of it and of what it imports (./bundle.mjs), kept
// in node_modules/.cache/pipelines and made again whenever one of its input files changes. Node
// then loads one file instead of registering tsx and sending some 460 modules through its loader
// (1.5–2 s of CPU before the first step). If bundling fails, it falls back to tsx, which runs the
// same sources.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundled } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules/.cache/pipelines');

const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) throw new Error('usage : node pipelines/run.mjs <fichier.ts> [arguments…]');
const entry = resolve(entryArg);
let url;
try {
	url = pathToFileURL(await bundled(relative(root, entry), { root, cacheDir })).href;
	process.setSourceMapsEnabled(true);
} catch (error) {
	console.warn(`pipelines/run.mjs : lancement par tsx (${error.message.split('\n')[0]})`);
	const { register } = await import('tsx/esm/api');
	register();
	url = pathToFileURL(entry).href;
}
// The entry sees the command line it would see if run directly (`node --import tsx <entry>`).
process.argv.splice(1, process.argv.length - 1, entry, ...args);
await import(url);
