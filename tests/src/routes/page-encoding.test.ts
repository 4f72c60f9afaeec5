// The built server sends a cached page compressed to a browser and plain to a client without
// gzip: same page either way, `Vary: Accept-Encoding`, Content-Length equal to the bytes on the
// wire, HEAD with GET's headers and no body. Raw node:http, because fetch hides the encoding.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../../helpers/server';

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = request(serverUrl() + path, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', reject);
		req.end();
	});
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

describe('cached pages and gzip, on the built server', () => {
	it('sends the same page compressed or plain, each with its exact length', async () => {
		const path = '/quartiers/QP001001';
		await raw(path, 'GET', GZIP); // rendered (or read from the disk store) once
		const zipped = await raw(path, 'GET', GZIP);
		const plain = await raw(path);
		expect(zipped.status).toBe(200);
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers['vary']).toBe('Accept-Encoding');
		expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toBe('Accept-Encoding');
		expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength);
		expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
		expect(plain.body.toString()).toContain('<html lang="fr"');
		// Compression is worth it: a QPV page is several times smaller on the wire.
		expect(zipped.body.byteLength * 4).toBeLessThan(plain.body.byteLength);
		// The security headers and the CSP are there on the compressed answer too.
		expect(zipped.headers['x-content-type-options']).toBe('nosniff');
		expect(zipped.headers['content-security-policy']).toBe(
			plain.headers['content-security-policy']
		);
	});

	it('answers HEAD with the headers of GET and no body, with and without gzip', async () => {
		const path = '/contrats/CV001';
		const get = await raw(path, 'GET', GZIP);
		const head = await raw(path, 'HEAD', GZIP);
		expect(head.status).toBe(200);
		expect(head.body.byteLength).toBe(0);
		expect(head.headers['content-encoding']).toBe('gzip');
		expect(head.headers['content-length']).toBe(String(get.body.byteLength));
		const plainGet = await raw(path);
		const plainHead = await raw(path, 'HEAD');
		expect(plainHead.headers['content-encoding']).toBeUndefined();
		expect(plainHead.headers['content-length']).toBe(String(plainGet.body.byteLength));
		expect(plainHead.body.byteLength).toBe(0);
	});

	it('never sends gzip to a client that refuses it', async () => {
		const refused = await raw('/quartiers/QP001001', 'GET', { 'accept-encoding': 'gzip;q=0' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.body.toString()).toContain('<html lang="fr"');
	});
});
