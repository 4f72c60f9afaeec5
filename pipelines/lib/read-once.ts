// Source files that several steps read (epcicom2015, the COG communes, the Etalab baromètre files)
// are parsed once per build: parsing them again cost up to half a second per reader. Keyed by the
// build context, so nothing outlives a build; the last reader drops the result, so that it does
// not weigh on the build's peak memory (observations and the evaluation steps come later).
import type { BuildContext } from './step';

const parsed = new WeakMap<BuildContext, Map<string, unknown>>();

/**
 * What `parse` returns for `key` in this build, parsed by the first reader and shared by the
 * others, which must not change it. `last`: the caller is its last reader and drops it.
 */
export function readOnce<T>(ctx: BuildContext, key: string, parse: () => T, last = false): T {
	let kept = parsed.get(ctx);
	if (!kept) parsed.set(ctx, (kept = new Map()));
	const value = (kept.has(key) ? kept.get(key) : parse()) as T;
	if (last) kept.delete(key);
	else kept.set(key, value);
	return value;
}
