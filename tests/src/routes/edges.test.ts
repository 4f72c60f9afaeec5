// Server tests of the edges: the shared cache (unknown parameters, HEAD), security headers on
// static files, French error pages with a CSP and no JavaScript, malformed URIs, Server-Timing.
import { describe, expect, it } from 'vitest';
import { get, serverUrl } from '../../helpers/server';

describe('shared page cache', () => {
	it('answers a URL with an unknown parameter as the URL without it', async () => {
		const plain = await get('/quartiers/QP001001');
		const extra = await get('/quartiers/QP001001?x=1&utm_source=y');
		expect(extra.status).toBe(200);
		expect(extra.body).toBe(plain.body);
		expect(extra.body).not.toContain('utm_source');
	});

	it('serves HEAD like GET, without a body', async () => {
		const page = await get('/contrats/CV001');
		const head = await fetch(serverUrl() + '/contrats/CV001', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-type')).toBe(page.headers.get('content-type'));
		expect(head.headers.get('content-security-policy')).toBe(
			page.headers.get('content-security-policy')
		);
		expect((await head.arrayBuffer()).byteLength).toBe(0);
	});

	it('does not share answers with a request that carries a cookie', async () => {
		const response = await fetch(serverUrl() + '/contrats/CV002', {
			headers: { cookie: 'session=essai' }
		});
		expect(response.status).toBe(200);
		// Rendered for this request: its own Server-Timing, with the DuckDB time of its queries.
		expect(response.headers.get('server-timing')).toMatch(
			/^db;dur=\d+(\.\d)?;desc="\d+ queries", total;dur=/
		);
	});
});

describe('security headers and error pages', () => {
	it('sends the same security headers on a static file', async () => {
		const { status, headers } = await get('/favicon.svg');
		expect(status).toBe(200);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});

	it('answers a malformed URI with a short French 400 page, CSP and no script', async () => {
		const { status, body, headers } = await get('/contrats/%FF%FE');
		expect(status).toBe(400);
		expect(body).toContain('Adresse mal formée (encodage invalide).');
		expect(body).not.toMatch(/at \w+ \(|Error:/);
		expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(body).not.toContain('<script');
	});

	it('gives the error page of a +server route in French, with a CSP', async () => {
		const response = await fetch(serverUrl() + '/contrats/CV999/fiche.pdf', {
			headers: { accept: 'text/html' }
		});
		const body = await response.text();
		expect(response.status).toBe(404);
		expect(body).toContain('<html lang="fr">');
		expect(body).toContain('Aucun contrat de ville n’a le code CV999.');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
	});

	it('ships no JavaScript on 400 and 404 pages', async () => {
		for (const path of ['/contrats/zz', '/nulle-part']) {
			const { status, body } = await get(path);
			expect(status).toBeGreaterThanOrEqual(400);
			expect(body).not.toContain('<script');
			expect(body).toContain('lang="fr"');
		}
	});
});
