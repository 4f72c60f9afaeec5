// Unit tests of the PDF module's pure parts: which Chromium, which origin, which HTTP answer.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
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
	it('keeps the request origin unless PDF_ORIGIN is set', () => {
		expect(pdfOrigin('http://127.0.0.1:3000', {})).toBe('http://127.0.0.1:3000');
		expect(pdfOrigin('https://ville.example.fr', { PDF_ORIGIN: 'http://127.0.0.1:3000/' })).toBe(
			'http://127.0.0.1:3000'
		);
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
