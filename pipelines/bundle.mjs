// Bundles a pipeline entry point (TypeScript) with esbuild into one ES module kept in a cache
// directory, made again whenever one of its input files changes (see ./run.mjs, which runs it).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stampOf } from './lib/file-facts.mjs';

/** Loaded from node_modules as usual: native bindings, and sql.js (it finds its .wasm beside it). */
const EXTERNAL = ['@duckdb/node-bindings', 'sql.js'];
/** CommonJS dependencies inside the ES module bundle still `require` the native bindings. */
const BANNER =
	"import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * What the bundle was made from: this launcher, esbuild's and Node's versions, and each input
 * file's path, identity, size and times (an edit, a checkout or a reinstall changes them).
 */
function stamps(/** @type {string} */ root, /** @type {string[]} */ inputs) {
	const esbuild = createRequire(import.meta.url).resolve('esbuild/package.json');
	const stamp = (/** @type {string} */ path) => stampOf(statSync(path));
	const own = [fileURLToPath(import.meta.url), esbuild].map(stamp);
	return [
		process.version,
		...own,
		...inputs.map((input) => `${input}=${stamp(join(root, input))}`)
	];
}

/**
 * Each module keeps its own `import.meta.url` (a module may find files beside itself or create a
 * `require` from it), as if it were loaded on its own.
 */
/** @type {import('esbuild').Plugin} */
const ownUrl = {
	name: 'own-import-meta-url',
	setup(build) {
		build.onLoad({ filter: /\.ts$/ }, (args) => {
			if (args.path.includes('/node_modules/')) return undefined;
			const text = readFileSync(args.path, 'utf8');
			const url = JSON.stringify(pathToFileURL(args.path).href);
			return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
		});
	}
};

/**
 * Bundles `entry` into `outfile` (and its source map); returns the input files, sorted.
 * @param {string} root
 * @param {string} entry
 * @param {string} outfile
 */
async function bundle(root, entry, outfile) {
	const { build } = await import('esbuild');
	const result = await build({
		absWorkingDir: root,
		entryPoints: [entry],
		outfile,
		write: false,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: `node${process.versions.node.split('.')[0]}`,
		external: EXTERNAL,
		banner: { js: BANNER },
		plugins: [ownUrl],
		sourcemap: 'linked',
		sourcesContent: false,
		metafile: true,
		logLevel: 'silent'
	});
	mkdirSync(dirname(outfile), { recursive: true });
	// Written beside and renamed, the map first: two launchers at once each leave whole files.
	for (const file of result.outputFiles.sort((a, b) => b.path.length - a.path.length)) {
		const tmp = `${file.path}.${process.pid}`;
		writeFileSync(tmp, file.contents);
		renameSync(tmp, file.path);
	}
	return Object.keys(result.metafile.inputs).sort();
}

/**
 * The bundle of `entry` (a path relative to `root`) in `cacheDir`, made again when one of its
 * inputs changed.
 * @param {string} entry
 * @param {{ root: string, cacheDir: string }} where
 * @returns {Promise<string>}
 */
export async function bundled(entry, { root, cacheDir }) {
	const name = basename(entry).replace(/\.ts$/, '');
	const out = join(cacheDir, `${name}.mjs`);
	const manifestPath = join(cacheDir, `${name}.json`);
	if (existsSync(manifestPath) && existsSync(out)) {
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		try {
			if (
				manifest.entry === entry &&
				manifest.stamps.join('\n') === stamps(root, manifest.inputs).join('\n')
			)
				return out;
		} catch {
			// An input is gone: bundle again.
		}
	}
	const inputs = await bundle(root, entry, out);
	const manifestTmp = `${manifestPath}.${process.pid}`;
	writeFileSync(manifestTmp, JSON.stringify({ entry, inputs, stamps: stamps(root, inputs) }));
	renameSync(manifestTmp, manifestPath);
	return out;
}
