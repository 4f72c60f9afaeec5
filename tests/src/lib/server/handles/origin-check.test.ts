// The CSRF origin check compares the browser's Origin with the host it reached, over http or https.
import { describe, expect, it } from 'vitest';
import { isSameOrigin, requestIsHttps } from '../../../../../src/lib/server/handles/origin-check';

// adapter-node without ORIGIN builds the request URL as https://<Host>.
const url = new URL('https://127.0.0.1:3000/connexion');

describe('isSameOrigin', () => {
	it('accepts the same host over http, as a plain `npm start` serves it', () => {
		expect(isSameOrigin('http://127.0.0.1:3000', url)).toBe(true);
		expect(isSameOrigin('https://127.0.0.1:3000', url)).toBe(true);
	});

	it('refuses another host, another port, or no Origin at all', () => {
		expect(isSameOrigin('https://malveillant.example', url)).toBe(false);
		expect(isSameOrigin('http://127.0.0.1:3001', url)).toBe(false);
		expect(isSameOrigin('http://127.0.0.1', url)).toBe(false);
		expect(isSameOrigin('null', url)).toBe(false);
		expect(isSameOrigin(null, url)).toBe(false);
	});
});

describe('requestIsHttps', () => {
	const request = (headers: Record<string, string>) =>
		new Request(url, { method: 'POST', headers });

	it('follows the scheme of the browser’s Origin when ORIGIN is not set', () => {
		expect(process.env.ORIGIN).toBeUndefined();
		expect(requestIsHttps(request({ origin: 'http://127.0.0.1:3000' }), url)).toBe(false);
		expect(requestIsHttps(request({ origin: 'https://127.0.0.1:3000' }), url)).toBe(true);
		expect(requestIsHttps(request({ 'x-forwarded-proto': 'https' }), url)).toBe(true);
		expect(requestIsHttps(request({}), url)).toBe(false);
	});
});
