// Starts the production server (`node build`) on a loopback port for the benchmarks, builds it
// first when asked, and reads its memory from /proc (VmRSS now, VmHWM = peak since start).
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Memory {
	rssMb: number;
	peakRssMb: number;
}

/** Parses VmRSS and VmHWM (kB) out of a /proc/<pid>/status text. */
export function parseProcStatus(text: string): Memory {
	const kb = (key: string): number => {
		const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
		if (!match) throw new Error(`${key} absent de /proc/<pid>/status`);
		return Number(match[1]);
	};
	return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

export function readMemory(pid: number): Memory {
	return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** Data and build, as a fresh clone needs them (BENCH_SKIP_BUILD=1 reuses build/). */
export function ensureBuild(): void {
	if (process.env.BENCH_SKIP_BUILD === '1' && existsSync('build/index.js')) return;
	execSync('npm run data:ensure && npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface Server {
	origin: string;
	pid: number;
	memory(): Memory;
	stop(): Promise<void>;
}

/** User + system CPU of a process, all threads, in ms (/proc/<pid>/stat, 100 ticks a second). */
export function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Serves the app built in `dir` (default `build/`) on a loopback port. */
export async function startServer(
	port = Number(process.env.BENCH_PORT ?? 4174),
	extraEnv: Record<string, string> = {},
	dir = 'build'
): Promise<Server> {
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [dir], {
		env: { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	let exited = false;
	child.on('exit', () => (exited = true));
	// Bounded wait (30 s: a loaded machine) for the first answer (any status: the static favicon
	// is always there).
	for (let i = 0; i < 300; i++) {
		if (exited) throw new Error(`le serveur s’est arrêté au démarrage (port ${port} occupé ?)`);
		try {
			await fetch(`${origin}/favicon.svg`);
			break;
		} catch {
			if (i === 299) throw new Error(`le serveur ne répond pas sur ${origin}`);
			await sleep(100);
		}
	}
	const pid = child.pid!;
	return {
		origin,
		pid,
		memory: () => readMemory(pid),
		stop: async () => {
			if (exited) return;
			const done = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await done;
		}
	};
}

/** Status of each path, so that missing pages are reported instead of benchmarked as errors. */
export async function probe(origin: string, paths: string[]): Promise<Map<string, number>> {
	const statuses = new Map<string, number>();
	for (const path of paths) statuses.set(path, (await fetch(origin + path)).status);
	return statuses;
}

/** Server-Timing of one render with a cookie (never cached): total and db in ms. */
export async function renderTiming(
	origin: string,
	path: string
): Promise<{ total: number; db: number }> {
	const response = await fetch(origin + path, { headers: { cookie: 'bench=1' } });
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${path} : statut ${response.status}`);
	const timing = response.headers.get('server-timing') ?? '';
	const read = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1]);
	return { total: read('total'), db: read('db') };
}
