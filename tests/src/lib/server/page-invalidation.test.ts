// Dropping cached pages when workspace data they show changes (a measure page and its feedback):
// memory and disk forget the key, and a render that was under way when it happened is not kept.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { invalidatePages, pageCache } from '../../../../src/lib/server/handles/page-cache';
import { PageStore, storeIdentity } from '../../../../src/lib/server/page-store';
import { ResponseCache } from '../../../../src/lib/server/response-cache';

function setup() {
	const root = mkdtempSync(join(tmpdir(), 'invalidate-'));
	writeFileSync(join(root, 'base.duckdb'), 'x');
	const store = new PageStore(join(root, 'cache'), storeIdentity(join(root, 'base.duckdb'), '1'));
	const memory = new ResponseCache(1 << 20);
	const handle = pageCache({ memory, store: () => store });
	let renders = 0;
	let gate: Promise<void> = Promise.resolve();
	const resolve = async () => {
		renders += 1;
		const body = `rendu ${renders}`;
		await gate;
		return new Response(body, { headers: { 'content-type': 'text/html' } });
	};
	const get = async (path: string) => {
		const event = { url: new URL(`http://x${path}`), request: new Request(`http://x${path}`) };
		const response = await handle({ event: event as RequestEvent, resolve: resolve as never });
		return response.text();
	};
	return {
		store,
		memory,
		get,
		renders: () => renders,
		hold: () => {
			let open = () => {};
			gate = new Promise((r) => (open = r));
			return open;
		}
	};
}

describe('invalidatePages', () => {
	it('makes the next request render the page again, from memory and from disk', async () => {
		const t = setup();
		expect(await t.get('/mesures/M03')).toBe('rendu 1');
		expect(await t.get('/mesures/M03')).toBe('rendu 1');
		await new Promise((r) => setTimeout(r, 50)); // the disk write is not awaited by the handle
		expect(t.store.has('/mesures/M03')).toBe(true);
		invalidatePages(['/mesures/M03']);
		expect(t.store.has('/mesures/M03')).toBe(false);
		expect(t.memory.get('/mesures/M03')).toBeUndefined();
		expect(await t.get('/mesures/M03')).toBe('rendu 2');
		expect(await t.get('/mesures/M03')).toBe('rendu 2');
		expect(t.renders()).toBe(2);
	});

	it('leaves other pages cached', async () => {
		const t = setup();
		await t.get('/mesures/M12');
		invalidatePages(['/mesures/M03']);
		expect(await t.get('/mesures/M12')).toBe('rendu 1');
		expect(t.renders()).toBe(1);
	});

	it('does not keep a render that was under way when the page was dropped', async () => {
		const t = setup();
		const open = t.hold();
		const pending = t.get('/mesures/M13');
		await new Promise((r) => setTimeout(r, 10));
		invalidatePages(['/mesures/M13']); // a feedback written while the page was rendering
		open();
		expect(await pending).toBe('rendu 1');
		expect(t.memory.get('/mesures/M13')).toBeUndefined();
		expect(await t.get('/mesures/M13')).toBe('rendu 2');
	});
});
