import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asciiJson, cachedParse } from '../../../pipelines/lib/parse-cache';
import { parseConfigViz } from '../../../pipelines/steps/barometre-indicators';

const dirs: string[] = [];
const cacheDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('cachedParse', () => {
	it('parses a text once, then reads the result back; another text is parsed', () => {
		const dir = cacheDir();
		let calls = 0;
		const parse = (text: string) => {
			calls++;
			return { words: text.split(' '), none: null };
		};
		expect(cachedParse('t', 'a b', parse, [], dir)).toEqual({ words: ['a', 'b'], none: null });
		expect(cachedParse('t', 'a b', parse, [], dir)).toEqual({ words: ['a', 'b'], none: null });
		expect(calls).toBe(1);
		expect(cachedParse('t', 'a c', parse, [], dir)).toEqual({ words: ['a', 'c'], none: null });
		expect(calls).toBe(2);
		expect(readdirSync(dir)).toHaveLength(2);
	});

	it('keeps no result of a parse that throws, and a changed parse function gets its own entry', () => {
		const dir = cacheDir();
		const bad = (): string => {
			throw new Error('illisible');
		};
		expect(() => cachedParse('t', 'x', bad, [], dir)).toThrow('illisible');
		expect(readdirSync(dir)).toEqual([]);
		expect(cachedParse('t', 'x', (t) => t.length, [], dir)).toBe(1);
		expect(cachedParse('t', 'x', (t) => t.length * 2, [], dir)).toBe(2);
	});

	it('gives the parse of the real config-viz.yml, parsed and then cached', () => {
		const dir = cacheDir();
		const text = readFileSync('data/raw/barometre-ditp/config-viz.yml', 'utf8');
		const expected = parseConfigViz(text);
		expect(expected.entries.length).toBeGreaterThan(100);
		expect(cachedParse('config-viz', text, parseConfigViz, ['yaml'], dir)).toEqual(expected);
		expect(cachedParse('config-viz', text, parseConfigViz, ['yaml'], dir)).toEqual(expected);
		expect(readdirSync(dir)).toHaveLength(1);
	});

	it('keeps non-ASCII text exactly, in an ASCII file, and takes the bytes of a file as its key', () => {
		const dir = cacheDir();
		const value = { nom: 'Évry-Courcouronnes', apostrophe: 'l’Œuvre', emoji: '😀', lone: '\ud800' };
		const bytes = Buffer.from('Évry', 'utf8');
		let calls = 0;
		const parse = (b: Buffer) => {
			calls++;
			return { ...value, length: b.length };
		};
		expect(cachedParse('b', bytes, parse, [], dir)).toEqual({ ...value, length: 5 });
		expect(cachedParse('b', Buffer.from('Évry', 'utf8'), parse, [], dir)).toEqual({
			...value,
			length: 5
		});
		expect(calls).toBe(1);
		const [file] = readdirSync(dir);
		const kept = readFileSync(join(dir, file!));
		expect(kept.every((b) => b < 0x80)).toBe(true);
		expect(kept.toString('latin1')).toContain('"nom":"\\u00c9vry-Courcouronnes"');
		expect(JSON.parse(asciiJson(value))).toEqual(value);
	});
});
