// Server tests: the fiches printed to PDF by the system Chromium. The rendering tests are skipped
// when no Chromium exists at chromiumPath() (install one: apt-get install -y chromium); the
// browser is never mocked.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../src/lib/server/pdf';
import { serverUrl } from '../../helpers/server';

const hasChromium = existsSync(chromiumPath());

async function getPdf(path: string): Promise<{ status: number; type: string | null; pdf: Buffer }> {
	const response = await fetch(serverUrl() + path);
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		pdf: Buffer.from(await response.arrayBuffer())
	};
}

/** Page objects of the PDF (`/Type /Page`, not the `/Type /Pages` tree). */
function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

describe('/contrats/[code]/fiche.pdf', () => {
	it.skipIf(!hasChromium)('prints the CV001 fiche on exactly one A4 page', async () => {
		const { status, type, pdf } = await getPdf('/contrats/CV001/fiche.pdf');
		expect(status).toBe(200);
		expect(type).toBe('application/pdf');
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pageCount(pdf)).toBe(1);
		// A4 in points: 595 × 842.
		expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
	});

	it.skipIf(!hasChromium)('keeps a contrat of 37 QPV and 8 indicators on one page', async () => {
		const { status, pdf } = await getPdf('/contrats/CV049/fiche.pdf');
		expect(status).toBe(200);
		expect(pageCount(pdf)).toBe(1);
	});

	it('answers 400 or 404 on bad codes without starting a browser', async () => {
		expect((await getPdf('/contrats/cv001/fiche.pdf')).status).toBe(400);
		expect((await getPdf('/contrats/CV999/fiche.pdf')).status).toBe(404);
	});
});

describe('/quartiers/[code]/fiche.pdf', () => {
	it.skipIf(!hasChromium)('prints the QP001001 fiche on exactly one page', async () => {
		const { status, type, pdf } = await getPdf('/quartiers/QP001001/fiche.pdf');
		expect(status).toBe(200);
		expect(type).toBe('application/pdf');
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pageCount(pdf)).toBe(1);
	});

	it('answers 400 or 404 on bad codes', async () => {
		expect((await getPdf('/quartiers/QP1/fiche.pdf')).status).toBe(400);
		expect((await getPdf('/quartiers/QP999999/fiche.pdf')).status).toBe(404);
	});
});

/** A raw request with a chosen Host header (fetch does not let a caller set one). */
function getWithHost(path: string, host: string): Promise<{ status: number; pdf: Buffer }> {
	const url = new URL(serverUrl() + path);
	return new Promise((resolve, reject) => {
		const req = request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
			const parts: Buffer[] = [];
			res.on('data', (d: Buffer) => parts.push(d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, pdf: Buffer.concat(parts) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('fiche.pdf and the Host header', () => {
	it.skipIf(!hasChromium)(
		'prints from the server itself: a foreign Host gets a real PDF and no connection leaves for it',
		async () => {
			// A listener on another loopback port: the Host header names it, nothing may reach it.
			let connections = 0;
			const trap = createServer((socket) => {
				connections++;
				socket.destroy();
			});
			await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
			const trapPort = (trap.address() as AddressInfo).port;
			try {
				const { status, pdf } = await getWithHost(
					'/quartiers/QP001001/fiche.pdf',
					`127.0.0.1:${trapPort}`
				);
				expect(status).toBe(200);
				expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
				expect(connections).toBe(0);
			} finally {
				await new Promise((r) => trap.close(r));
			}
		}
	);

	it('answers HEAD with the PDF headers and no body, and checks the code first', async () => {
		const head = await fetch(serverUrl() + '/contrats/CV001/fiche.pdf', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-type')).toBe('application/pdf');
		expect((await head.arrayBuffer()).byteLength).toBe(0);
		const unknown = await fetch(serverUrl() + '/contrats/CV999/fiche.pdf', { method: 'HEAD' });
		expect(unknown.status).toBe(404);
	});
});
