// Gives the JavaScript heap's garbage back to the system between build steps. V8 collects when
// JavaScript allocates, and most late steps run in DuckDB: the heap a parsing step left (150 to
// 310 MB, of which about 30 MB live) stayed mapped until the end of the build and set its peak
// memory (README, Performances). A full collection takes 17 to 96 ms; a build makes five.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap size (live and garbage) above which a step's end triggers a full collection. */
export const HEAP_RELEASE_BYTES = 128 * 1024 * 1024;

let collect: (() => void) | undefined;

/** V8's `gc()`, made available once (as Jest's leak detector does) rather than by a flag. */
function collector(): () => void {
	if (!collect) {
		setFlagsFromString('--expose-gc');
		collect = runInNewContext('gc') as () => void;
	}
	return collect;
}

/** Collects the heap when it has grown beyond HEAP_RELEASE_BYTES; returns whether it did. */
export function releaseHeapGarbage(limit = HEAP_RELEASE_BYTES): boolean {
	if (process.memoryUsage().heapTotal <= limit) return false;
	collector()();
	return true;
}
