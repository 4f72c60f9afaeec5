// The source-scan worker (see ./source-scan.ts): reads each file it is sent, hashes it (sha256)
// and, for a CSV of the row-count check, counts its data rows, off the build's main thread.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { countDataRows, stampOf } from './file-facts.mjs';

/**
 * @param {string} path
 * @param {boolean} count
 */
function scan(path, count) {
	try {
		const stamp = stampOf(statSync(path));
		const buffer = readFileSync(path);
		// A file changed while it was read gives no hash: the main thread hashes it itself.
		const hex =
			stampOf(statSync(path)) === stamp
				? createHash('sha256').update(buffer).digest('hex')
				: undefined;
		return { path, stamp, hex, rows: count ? countDataRows(buffer) : undefined };
	} catch (error) {
		return { path, error: /** @type {Error} */ (error).message };
	}
}

parentPort?.on('message', (/** @type {{ paths: string[], count: boolean }} */ message) => {
	for (const path of message.paths) parentPort?.postMessage(scan(path, message.count));
	if (message.count) parentPort?.postMessage({ counted: true });
});
