// The shared page cache answers with the stored gzip bytes to clients that accept gzip and with
// the plain page to others: same page, `Vary: Accept-Encoding`, exact Content-Length, HEAD without
// a body; from memory and from the disk store of another process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { pageCache } from '../../../../src/lib/server/handles/page-cache';
import { PageStore, storeIdentity } from '../../../../src/lib/server/page-store';
import { ResponseCache } from '../../../../src/lib/server/response-cache';

/** 'é' and '’' are 2 and 3 bytes in UTF-8: a length counted in characters would be wrong. */
const PAGE = '<!doctype html><html lang="fr"><p>Quartier prioritaire : l’écart</p></html>';
const PAGE_BYTES = Buffer.byteLength(PAGE);

function setup(store = newStore()) {
	let renders = 0;
	let headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
	const resolve = async () => {
		renders += 1;
		return new Response(PAGE, { headers });
	};
	const handle = pageCache({ memory: new ResponseCache(1 << 20), store: () => store });
	const request = async (path: string, init: RequestInit = {}) => {
		const req = new Request(`http://x${path}`, init);
		const event = { url: new URL(req.url), request: req } as RequestEvent;
		return handle({ event, resolve: resolve as never });
	};
	return {
		store,
		request,
		renders: () => renders,
		answerWith: (h: Record<string, string>) => (headers = h)
	};
}

function newStore(): PageStore {
	const root = mkdtempSync(join(tmpdir(), 'encoding-'));
	writeFileSync(join(root, 'base.duckdb'), 'x');
	return new PageStore(join(root, 'cache'), storeIdentity(join(root, 'base.duckdb'), '1'));
}

const GZIP = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('page cache and gzip', () => {
	it('sends gzip bytes to a client that accepts them, the plain page to one that does not', async () => {
		const t = setup();
		// The render itself is answered at once, plain; its gzip bytes are kept meanwhile.
		const first = await t.request('/quartiers/QP001001', GZIP);
		expect(first.headers.get('content-encoding')).toBeNull();
		expect(first.headers.get('vary')).toBe('Accept-Encoding');
		expect(first.headers.get('content-length')).toBe(String(PAGE_BYTES));
		expect(await first.text()).toBe(PAGE);

		const second = await t.request('/quartiers/QP001001', GZIP);
		expect(second.headers.get('content-encoding')).toBe('gzip');
		expect(second.headers.get('vary')).toBe('Accept-Encoding');
		const zipped = await bytes(second);
		expect(Number(second.headers.get('content-length'))).toBe(zipped.byteLength);
		expect(gunzipSync(zipped).toString()).toBe(PAGE);

		const plain = await t.request('/quartiers/QP001001');
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(plain.headers.get('content-length')).toBe(String(PAGE_BYTES));
		expect(await plain.text()).toBe(PAGE);

		// Twice more each way: the same bytes, from memory.
		expect(await bytes(await t.request('/quartiers/QP001001', GZIP))).toEqual(zipped);
		expect(await (await t.request('/quartiers/QP001001')).text()).toBe(PAGE);
		expect(t.renders()).toBe(1);
	});

	it('renders for a plain client first, then serves gzip from the same entry', async () => {
		const t = setup();
		const plain = await t.request('/contrats/CV001');
		expect(plain.headers.get('content-length')).toBe(String(PAGE_BYTES));
		expect(await plain.text()).toBe(PAGE);
		const zipped = await t.request('/contrats/CV001', GZIP);
		expect(gunzipSync(await bytes(zipped)).toString()).toBe(PAGE);
		expect(t.renders()).toBe(1);
	});

	it('answers HEAD with the headers GET would have and no body, both ways', async () => {
		const t = setup();
		await t.request('/contrats/CV002', GZIP);
		const get = await t.request('/contrats/CV002', GZIP);
		const zippedLength = (await bytes(get)).byteLength;
		const headGzip = await t.request('/contrats/CV002', { method: 'HEAD', ...GZIP });
		expect(headGzip.status).toBe(200);
		expect(headGzip.headers.get('content-encoding')).toBe('gzip');
		expect(headGzip.headers.get('content-length')).toBe(String(zippedLength));
		expect(headGzip.body).toBeNull();
		const headPlain = await t.request('/contrats/CV002', { method: 'HEAD' });
		expect(headPlain.headers.get('content-encoding')).toBeNull();
		expect(headPlain.headers.get('content-length')).toBe(String(PAGE_BYTES));
		expect(headPlain.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(headPlain.body).toBeNull();
		expect(t.renders()).toBe(1);
	});

	it('does not render again a page kept while the disk was being read', async () => {
		// A disk read that started before the page was kept, and ends after: it finds nothing.
		const store = newStore();
		const read = store.get.bind(store);
		store.get = async (key) => {
			const found = await read(key);
			await new Promise((r) => setTimeout(r, 50));
			return found;
		};
		const t = setup(store);
		await t.request('/contrats/CV005', GZIP);
		const second = await t.request('/contrats/CV005', GZIP);
		expect(second.headers.get('content-encoding')).toBe('gzip');
		expect(t.renders()).toBe(1);
	});

	it('serves the stored gzip bytes unchanged to another process (fresh memory, same store)', async () => {
		const first = setup();
		await first.request('/quartiers/QP002002', GZIP);
		await new Promise((r) => setTimeout(r, 50)); // the disk write is not awaited by the handle
		const stored = await first.store.get('/quartiers/QP002002');
		expect(stored).toBeDefined();

		const second = setup(first.store);
		const fromDisk = await second.request('/quartiers/QP002002', GZIP);
		expect(await bytes(fromDisk)).toEqual(stored!.gzip);
		expect(fromDisk.headers.get('content-length')).toBe(String(stored!.gzip.byteLength));
		const plain = await second.request('/quartiers/QP002002');
		expect(await plain.text()).toBe(PAGE);
		expect(second.renders()).toBe(0);
	});

	it('adds Accept-Encoding to a Vary the page already sends', async () => {
		const t = setup();
		t.answerWith({ 'content-type': 'application/json', vary: 'Accept' });
		const response = await t.request('/api/territoires', GZIP);
		expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
	});

	it('keeps nothing for a request with a cookie, nor for a no-store answer', async () => {
		const t = setup();
		const withCookie = await t.request('/contrats/CV003', {
			headers: { cookie: 'session=1', 'accept-encoding': 'gzip' }
		});
		expect(withCookie.headers.get('content-encoding')).toBeNull();
		expect(await withCookie.text()).toBe(PAGE);
		t.answerWith({ 'content-type': 'text/html', 'cache-control': 'no-store' });
		const dated = await t.request('/contrats/CV003/fiche', GZIP);
		expect(dated.headers.get('content-encoding')).toBeNull();
		await t.request('/contrats/CV003/fiche', GZIP);
		await new Promise((r) => setTimeout(r, 50));
		expect(t.renders()).toBe(3);
		expect(t.store.has('/contrats/CV003')).toBe(false);
		expect(t.store.has('/contrats/CV003/fiche')).toBe(false);
	});
});
