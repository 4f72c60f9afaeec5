// Results of slow, pure parses of source files, kept on disk under a key of everything they come
// from: the file's text, the parse function's code and the versions of the packages it uses. The
// YAML of config-viz.yml (100 KB) took 0.2–0.5 s of CPU to parse at each build; its result is 10 KB
// of JSON. A changed file, parser or package gives another key, hence a fresh parse.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from './csv-decode';

const CACHE_DIR = resolve(
	dirname(fileURLToPath(import.meta.url)),
	'../../node_modules/.cache/pipelines/parsed'
);

/**
 * `parse(text)`, read from the cache when the same text was parsed by the same function with the
 * same `packages` installed. `parse` must return plain JSON data and throw on a bad text (an
 * error is never kept). `text` may be a file's bytes, which then need no decoding on a hit.
 */
export function cachedParse<T, I extends string | Uint8Array = string>(
	name: string,
	text: I,
	parse: (text: I) => T,
	packages: string[] = [],
	dir = CACHE_DIR
): T {
	const require = createRequire(import.meta.url);
	const hash = createHash('sha256').update(parse.toString()).update('\0');
	for (const p of packages) hash.update(readFileSync(require.resolve(`${p}/package.json`)));
	const file = join(dir, `${name}-${hash.update('\0').update(text).digest('hex')}.json`);
	try {
		// Written in ASCII (below): read in one call, where UTF-8 decoding took 50–130 ms for 4 MB.
		return JSON.parse(decodeText(readFileSync(file))) as T;
	} catch {
		// Not parsed yet (or an unreadable entry): parse below.
	}
	const value = parse(text);
	try {
		mkdirSync(dir, { recursive: true });
		const tmp = `${file}.${process.pid}`;
		writeFileSync(tmp, asciiJson(value));
		renameSync(tmp, file);
	} catch {
		// A read-only cache only costs the parse.
	}
	return value;
}

/** JSON.stringify with every non-ASCII code unit escaped (`\u00e9`): the same JSON value. */
export function asciiJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[\u0080-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
