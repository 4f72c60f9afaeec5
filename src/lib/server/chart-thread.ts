// Draws charts on a worker thread: a QPV page's render is bound by the server's main thread, and
// its series charts (Plot) took about a quarter of it while the other core waited. Drawn there,
// they overlap the page's reads and the building of its tables; a page left with nothing but
// waiting draws itself the jobs the thread has not started (ChartBatch.drawWaiting). Same
// functions, same SVG (chart-jobs.ts); without a worker (it failed to start or died), charts are
// drawn on the main thread as before.
import { Worker } from 'node:worker_threads';
import type { ChartJobName, chartJobs as ChartJobs } from '$lib/charts/chart-jobs';

type Jobs = typeof ChartJobs;
type Reply = { id: number; svg?: string; error?: string; ready?: boolean };

/**
 * Claim slots shared with the worker: job `id` is open while slot `id % CLAIM_SLOTS` holds `id`,
 * and the thread that swaps it for -1 first draws the job, so that a job is drawn once whoever
 * takes it (a later job of the same slot holds another id: an old message cannot take it).
 */
const CLAIM_SLOTS = 1024;
const claims = new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT));
const claim = (id: number) => Atomics.compareExchange(claims, id % CLAIM_SLOTS, id, -1) === id;

/**
 * The worker's code (CommonJS, `eval`): imports chart-jobs at its URL (the built chunk; a `.ts`
 * source in dev and tests, loaded through tsx), then draws each job it is sent and can claim.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, claims, slots } = workerData;
const ready = url.endsWith('.ts')
	? import('tsx/esm/api').then((api) => api.register())
	: Promise.resolve();
ready.then(() => import(url)).then((m) => {
	parentPort.on('message', ({ id, name, args }) => {
		// Taken by the main thread meanwhile: it answers that job itself.
		if (Atomics.compareExchange(claims, id % slots, id, -1) !== id) return;
		try {
			parentPort.postMessage({ id, svg: m.chartJobs[name](...args) });
		} catch (e) {
			parentPort.postMessage({ id, error: String((e && e.stack) || e) });
		}
	});
	parentPort.postMessage({ id: -1, ready: true });
});
`;

interface Pending {
	resolve(svg: string): void;
	reject(error: Error): void;
	job: { name: ChartJobName; args: unknown[] };
}

let chartModule: Promise<typeof import('$lib/charts/chart-jobs')> | undefined;
let thread: Promise<Worker | null> | undefined;
/** The worker once it has started and until it fails. */
let running: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

/** The chart functions once imported, for drawing here without waiting (ChartBatch.drawWaiting). */
let loadedJobs: Jobs | undefined;

/** The charts module, imported once: its functions (main-thread drawing), its URL (the worker). */
const loadChartModule = () =>
	(chartModule ??= import('$lib/charts/chart-jobs').then((m) => {
		loadedJobs = m.chartJobs;
		return m;
	}));

/** `jobs[name](...args)`: the call, typed once for the main thread's drawings. */
const run = (jobs: Jobs, name: ChartJobName, args: unknown[]): string =>
	(jobs[name] as (...a: unknown[]) => string)(...args);

/** Draws on the main thread: the fallback, and what a job already sent does if the worker dies. */
async function drawHere(name: ChartJobName, args: unknown[]): Promise<string> {
	return run((await loadChartModule()).chartJobs, name, args);
}

function startWorker(): Promise<Worker | null> {
	return loadChartModule().then(
		({ chartJobsUrl }) =>
			new Promise<Worker | null>((resolve) => {
				const worker = new Worker(WORKER_SOURCE, {
					eval: true,
					workerData: { url: chartJobsUrl, claims, slots: CLAIM_SLOTS }
				});
				let failed = false;
				const fail = (reason: string) => {
					if (failed) return;
					failed = true;
					running = null;
					console.warn(`Graphiques dessinés sur le fil principal : ${reason}`);
					thread = Promise.resolve(null);
					resolve(null);
					for (const [id, p] of pending) {
						pending.delete(id);
						drawHere(p.job.name, p.job.args).then(p.resolve, p.reject);
					}
				};
				worker.on('message', (reply: Reply) => {
					if (reply.ready) {
						running = worker;
						return resolve(worker);
					}
					const p = pending.get(reply.id);
					if (!p) return;
					pending.delete(reply.id);
					if (reply.error !== undefined) p.reject(new Error(reply.error));
					else p.resolve(reply.svg!);
				});
				worker.on('error', (e) => fail(`fil de dessin en erreur (${e.message})`));
				worker.on('exit', (code) => fail(`fil de dessin arrêté (code ${code})`));
				// A server that stops does not wait for its chart thread (after the listeners: adding
				// a 'message' listener refs the worker again).
				worker.unref();
			})
	);
}

/** Starts the chart thread ahead of the first page (the server's init hook). */
export function startChartThread(): Promise<boolean> {
	thread ??= startWorker();
	return thread.then((w) => w !== null);
}

/** Posts a job to the thread (or draws it here without one); `posted` gets the job's id. */
async function post(
	name: ChartJobName,
	args: unknown[],
	posted: (id: number) => void
): Promise<string> {
	// Posted at once when the thread is up, so that the caller's own drawing overlaps this one.
	const worker = running ?? (await (thread ??= startWorker()));
	// Ids stay within an Int32 (the claim slots).
	const id = nextId;
	nextId = (nextId + 1) % 2 ** 30;
	// Without a thread, or when this job's claim slot still belongs to a job not answered.
	if (!worker || pending.has((id - CLAIM_SLOTS + 2 ** 30) % 2 ** 30)) return drawHere(name, args);
	Atomics.store(claims, id % CLAIM_SLOTS, id);
	return new Promise<string>((resolve, reject) => {
		pending.set(id, { resolve, reject, job: { name, args } });
		worker.postMessage({ id, name, args });
		posted(id);
	});
}

/**
 * The chart jobs of one page, each `chartJobs[name](...args)` drawn on the chart thread when it
 * runs. `drawWaiting` draws here those the thread has not started, the last first (the thread
 * takes them in order): for a page that has nothing left to do but wait for them.
 */
export class ChartBatch {
	private readonly ids: number[] = [];

	draw<N extends ChartJobName>(name: N, ...args: Parameters<Jobs[N]>): Promise<string> {
		return post(name, args, (id) => this.ids.push(id));
	}

	drawWaiting(): void {
		const jobs = loadedJobs;
		if (!jobs) return;
		for (const id of [...this.ids].reverse()) {
			const p = pending.get(id);
			if (!p || !claim(id)) continue;
			pending.delete(id);
			try {
				p.resolve(run(jobs, p.job.name, p.job.args));
			} catch (error) {
				p.reject(error as Error);
			}
		}
	}
}
