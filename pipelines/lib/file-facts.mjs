// What the build learns from a source file's bytes and status, in plain JavaScript so that the
// source-scan worker (./source-scan-worker.mjs) runs it without a TypeScript loader.

/**
 * Non-blank lines after the header (the public files have no line breaks inside fields).
 * @param {Uint8Array} buffer
 * @returns {number}
 */
export function countDataRows(buffer) {
	let rows = 0;
	let start = 0;
	while (start < buffer.length) {
		let end = buffer.indexOf(0x0a, start);
		if (end === -1) end = buffer.length;
		for (let i = start; i < end; i++) {
			const b = /** @type {number} */ (buffer[i]);
			if (b !== 0x20 && b !== 0x0d && b !== 0x09 && b !== 0x3b && b !== 0x2c) {
				rows++;
				break;
			}
		}
		start = end + 1;
	}
	return Math.max(0, rows - 1);
}

/**
 * A file's identity, size and times: a hash taken under one stamp holds while the stamp is the same.
 * @param {import('node:fs').Stats} s
 * @returns {string}
 */
export function stampOf(s) {
	return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}
