// Unit tests of the PDF module's pure parts: which Chromium, which origin, which HTTP answer.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfFailureResponse } from '../../../../src/lib/server/pdf-response';
import {
	BUSY_RETRY_SECONDS,
	chromiumPath,
	DEFAULT_CHROMIUM_PATH,
	missingBrowserMessage,
	PdfError,
	pdfErrorStatus,
	pdfOrigin,
	renderPdf
} from '../../../../src/lib/server/pdf';

describe('chromiumPath', () => {
	it('uses the Debian package path when CHROMIUM_PATH is not set', () => {
		expect(chromiumPath({})).toBe('/usr/bin/chromium');
		expect(DEFAULT_CHROMIUM_PATH).toBe('/usr/bin/chromium');
	});

	it('uses CHROMIUM_PATH when set, trimmed', () => {
		expect(chromiumPath({ CHROMIUM_PATH: ' /opt/chrome/chrome ' })).toBe('/opt/chrome/chrome');
	});

	it('falls back to the default when CHROMIUM_PATH is blank', () => {
		expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
		expect(chromiumPath({ CHROMIUM_PATH: '   ' })).toBe('/usr/bin/chromium');
	});
});

describe('pdfOrigin', () => {
	it('is the loopback address on the port the request arrived on, with no setting at all', () => {
		expect(pdfOrigin(4112, {})).toBe('http://127.0.0.1:4112');
		// ORIGIN (adapter-node's public address) is never where the server's browser goes.
		expect(pdfOrigin(4112, { ORIGIN: 'https://ville.example.fr' })).toBe('http://127.0.0.1:4112');
	});

	it('falls back to PORT, then 3000, when the arrival port is unknown', () => {
		expect(pdfOrigin(undefined, { PORT: '8080' })).toBe('http://127.0.0.1:8080');
		expect(pdfOrigin(undefined, {})).toBe('http://127.0.0.1:3000');
	});

	it('uses HOST only when the server is bound to one address', () => {
		expect(pdfOrigin(3000, { HOST: '0.0.0.0' })).toBe('http://127.0.0.1:3000');
		expect(pdfOrigin(3000, { HOST: '::' })).toBe('http://127.0.0.1:3000');
		expect(pdfOrigin(3000, { HOST: '10.1.2.3' })).toBe('http://10.1.2.3:3000');
		expect(pdfOrigin(3000, { HOST: '::1' })).toBe('http://[::1]:3000');
	});

	it('keeps PDF_ORIGIN as an explicit override', () => {
		expect(pdfOrigin(4112, { PDF_ORIGIN: 'http://127.0.0.1:3000/' })).toBe('http://127.0.0.1:3000');
	});
});

describe('pdfFailureResponse', () => {
	it('answers busy with 503, Retry-After and a French JSON body when JSON is asked', async () => {
		const r = pdfFailureResponse(new PdfError('busy', 'Trop de fiches'), 'application/json');
		expect(r.status).toBe(503);
		expect(r.headers.get('retry-after')).toBe(String(BUSY_RETRY_SECONDS));
		expect(await r.json()).toEqual({ erreur: 'Trop de fiches' });
	});

	it("answers a French HTML page to a browser, without the browser's own error text", async () => {
		const e = new PdfError('browser', 'Le navigateur a échoué.', undefined, 'net::ERR_SSL');
		const r = pdfFailureResponse(e, 'text/html,application/xhtml+xml,*/*');
		expect(r.status).toBe(500);
		expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(r.headers.get('retry-after')).toBeNull();
		const html = await r.text();
		expect(html).toContain('lang="fr"');
		expect(html).toContain('Le navigateur a échoué.');
		expect(html).not.toContain('ERR_SSL');
	});
});

describe('pdfErrorStatus', () => {
	it('answers 503 without a browser or when busy, 504 on time-out, the page status otherwise', () => {
		expect(pdfErrorStatus(new PdfError('no-browser', 'x'))).toBe(503);
		expect(pdfErrorStatus(new PdfError('busy', 'x'))).toBe(503);
		expect(pdfErrorStatus(new PdfError('timeout', 'x'))).toBe(504);
		expect(pdfErrorStatus(new PdfError('page', 'x', 404))).toBe(404);
		expect(pdfErrorStatus(new PdfError('page', 'x', 0))).toBe(502);
		expect(pdfErrorStatus(new PdfError('browser', 'x'))).toBe(500);
	});
});

describe('missingBrowserMessage', () => {
	it('tells in French how to install Chromium or point to one', () => {
		const message = missingBrowserMessage('/nulle/part/chromium');
		expect(message).toContain('/nulle/part/chromium');
		expect(message).toContain('apt-get install -y chromium');
		expect(message).toContain('CHROMIUM_PATH');
	});
});

describe('renderPdf', () => {
	it('rejects with a no-browser PdfError when the executable does not exist', async () => {
		const failure = await renderPdf('http://127.0.0.1:1/', {
			executablePath: '/nulle/part/chromium'
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(PdfError);
		expect((failure as PdfError).reason).toBe('no-browser');
		expect(pdfErrorStatus(failure as PdfError)).toBe(503);
	});
});

describe('renderPdf with a real Chromium', () => {
	it.skipIf(!existsSync(chromiumPath()))(
		'gives up with a time-out PdfError when the deadline passes',
		async () => {
			const failure = await renderPdf('http://127.0.0.1:9/', { timeoutMs: 20 }).catch(
				(e: unknown) => e
			);
			expect(failure).toBeInstanceOf(PdfError);
			expect((failure as PdfError).reason).toBe('timeout');
			expect(pdfErrorStatus(failure as PdfError)).toBe(504);
		}
	);
});
