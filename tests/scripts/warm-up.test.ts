// The warm-up of npm start: which pages it renders, and that it asks for them uncached, one at a
// time, reporting failures without stopping.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { spread, warmUp, warmUpPaths } from '../../scripts/warm-up';

describe('warmUpPaths', () => {
	it('spreads n pages over each list and alternates contrat and QPV pages', () => {
		expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([1, 4, 7]);
		expect(spread([1, 2], 3)).toEqual([1, 2]);
		const paths = [
			'/',
			'/contrats',
			...['CV001', 'CV002', 'CV003', 'CV004'].map((c) => `/contrats/${c}`),
			...['QP001', 'QP002', 'QP003', 'QP004', 'QP005', 'QP006'].map((c) => `/quartiers/${c}`),
			'/mesures/M01'
		];
		expect(warmUpPaths(paths, 2)).toEqual([
			'/contrats/CV001',
			'/quartiers/QP001',
			'/contrats/CV003',
			'/quartiers/QP004'
		]);
		// Fewer contrats than asked: the QPV pages go on alone.
		expect(warmUpPaths(paths.slice(0, 3).concat(paths.slice(6, 12)), 3)).toEqual([
			'/contrats/CV001',
			'/quartiers/QP001',
			'/quartiers/QP003',
			'/quartiers/QP005'
		]);
	});
});

describe('warmUp', () => {
	it('asks each page with a cookie (never cached), one at a time, and lists the failures', async () => {
		const seen: { url: string; cookie: string | undefined }[] = [];
		let open = 0;
		let most = 0;
		const server = createServer((req: IncomingMessage, res) => {
			seen.push({ url: req.url!, cookie: req.headers.cookie });
			most = Math.max(most, ++open);
			setTimeout(() => {
				open--;
				res.writeHead(req.url === '/quartiers/QP404' ? 404 : 200).end('<p>page</p>');
			}, 5);
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		const { port } = server.address() as AddressInfo;
		try {
			const result = await warmUp(`http://127.0.0.1:${port}`, [
				'/contrats/CV001',
				'/quartiers/QP404',
				'/quartiers/QP001'
			]);
			expect(seen.map((s) => s.url)).toEqual([
				'/contrats/CV001',
				'/quartiers/QP404',
				'/quartiers/QP001'
			]);
			expect(seen.every((s) => s.cookie === 'warm-up=1')).toBe(true);
			expect(most).toBe(1);
			expect(result.pages).toBe(3);
			expect(result.failed).toEqual(['/quartiers/QP404 (404)']);
		} finally {
			await new Promise((done) => server.close(done));
		}
		// A server that is gone: each page is a failure, nothing is thrown.
		const gone = await warmUp(`http://127.0.0.1:${port}`, ['/contrats/CV001']);
		expect(gone.failed).toHaveLength(1);
		expect(gone.failed[0]).toMatch(/^\/contrats\/CV001 \(/);
	});
});
