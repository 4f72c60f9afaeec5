// Reads and decodes a source file for the CSV reader: BOM, strict UTF-8 or Latin-1, and an error
// that names the file, line and byte offset of the first byte that is not of the expected encoding.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

export class SourceFileError extends Error {
	constructor(
		public readonly path: string,
		message: string
	) {
		super(`${path} : ${message}`);
		this.name = 'SourceFileError';
	}
}

export type TextEncoding = 'utf-8' | 'latin1';

/** Every byte value once: what TextDecoder('latin1') makes of it is this Node's Latin-1. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
/**
 * Whether Buffer's one-call Latin-1 (a copy) gives what TextDecoder('latin1') gives, byte for
 * byte: ISO-8859-1 in Node 20, but the WHATWG label means windows-1252, so checked, not assumed.
 */
const BUFFER_LATIN1 = new TextDecoder('latin1').decode(ALL_BYTES) === ALL_BYTES.toString('latin1');

export function decodeText(buffer: Buffer, encoding: TextEncoding = 'utf-8'): string {
	// One call where the result is known to be the same: TextDecoder took 0.1–0.3 s on the
	// Latin-1 epcicom2015.csv (3.6 MB), and an ASCII buffer reads the same in UTF-8 and Latin-1.
	if (encoding === 'latin1' ? BUFFER_LATIN1 : isAscii(buffer)) return buffer.toString('latin1');
	const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(buffer);
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Byte offset (0-based) of the first byte that is not valid UTF-8: the longest prefix that a
 * streaming decoder accepts (a sequence cut by the prefix end is not an error in stream mode).
 */
export function firstInvalidUtf8(buffer: Uint8Array): number {
	const valid = (n: number, stream = true) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, n), { stream });
			return true;
		} catch {
			return false;
		}
	};
	let low = 0;
	let high = buffer.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (valid(mid)) low = mid;
		else high = mid - 1;
	}
	// The prefix may end inside a sequence that the next byte breaks: report its lead byte.
	if (valid(low, false)) return low;
	let lead = low - 1;
	while (lead > 0 && (buffer[lead]! & 0xc0) === 0x80) lead--;
	return lead;
}

/** Reads and decodes a file, naming the line and byte offset of an encoding error. */
export function readSourceText(absPath: string, relPath: string, encoding?: TextEncoding): string {
	let buffer: Buffer;
	try {
		buffer = readFileSync(absPath);
	} catch (e) {
		throw new SourceFileError(relPath, `illisible (${(e as Error).message})`);
	}
	try {
		return decodeText(buffer, encoding);
	} catch {
		const offset = firstInvalidUtf8(buffer);
		const line = buffer.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
		throw new SourceFileError(
			relPath,
			`encodage inattendu (attendu ${encoding ?? 'utf-8'}) : ligne ${line}, octet ${offset}` +
				` (0x${buffer[offset]?.toString(16).padStart(2, '0') ?? '??'})`
		);
	}
}
