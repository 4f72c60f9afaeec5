// Before the test run: builds the real database when missing or stale, builds the app, and starts
// the built server (`node build`) on a free loopback port for the server tests.
// SKIP_DB_BUILD=1 skips all of it for quick unit-only runs.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../pipelines/ensure';

let server: ChildProcess | undefined;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			await fetch(url);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	throw new Error(`le serveur de test ne répond pas : ${url}`);
}

export default async function setup(project: TestProject): Promise<() => void> {
	if (process.env.SKIP_DB_BUILD === '1') return () => {};
	await ensureDatabase({ quiet: true });
	// Built and started as the README tells users: PORT and HOST only. ORIGIN and PDF_ORIGIN are
	// removed even from the caller's environment, so that no test passes on a configuration users
	// do not have; so is the NODE_ENV=test vitest sets, which made Vite compile Svelte in dev mode.
	const env = { ...process.env };
	delete env.ORIGIN;
	delete env.PDF_ORIGIN;
	delete env.NODE_ENV;
	if (process.env.SKIP_APP_BUILD !== '1') {
		execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env });
	}
	const port = await freePort();
	server = spawn(process.execPath, ['build'], {
		env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	await waitFor(url, 30_000);
	project.provide('serverUrl', url);
	return () => server?.kill();
}

declare module 'vitest' {
	export interface ProvidedContext {
		serverUrl: string;
	}
}
