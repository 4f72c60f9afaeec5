// The bench:cold client: every path asked exactly once in "amount" mode, with a browser's
// headers, against a real local HTTP server that counts what it receives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_HEADERS, runPaths } from '../../../bench/lib/paths-load';

let server: Server;
let origin = '';
const seen = new Map<string, number>();
const encodings = new Set<string>();

beforeAll(async () => {
	server = createServer((req, res) => {
		seen.set(req.url!, (seen.get(req.url!) ?? 0) + 1);
		encodings.add(String(req.headers['accept-encoding']));
		res.end('ok');
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('runPaths', () => {
	it('asks each of 237 paths exactly once over 50 connections, with the browser headers', async () => {
		const paths = Array.from({ length: 237 }, (_, i) => `/p/${i}`);
		let next = 0;
		const result = await runPaths({
			origin,
			connections: 50,
			next: () => paths[next++]!,
			amount: paths.length,
			seconds: 20,
			headers: BROWSER_HEADERS
		});
		expect(result.requests).toBe(237);
		expect(result.errors).toBe(0);
		expect(next).toBe(237);
		expect(seen.size).toBe(237);
		expect(Math.max(...seen.values())).toBe(1);
		expect([...encodings]).toEqual(['gzip, deflate, br, zstd']);
		expect(result.latenciesMs).toHaveLength(237);
	});

	it('refuses an address that is not the loopback', async () => {
		await expect(
			runPaths({ origin: 'http://example.org', connections: 1, next: () => '/', seconds: 1 })
		).rejects.toThrow(/adresse non locale refusée/);
	});
});
