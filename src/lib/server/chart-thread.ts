// Draws charts on a worker thread: a QPV page's render is bound by the server's main thread, and its
// series charts (Plot) took about a quarter of it while the other core waited. Drawn there, they
// overlap the page's reads and the building of its tables. Same functions, same SVG (chart-jobs.ts);
// without a worker (it failed to start or died), charts are drawn on the main thread as before.
import { Worker } from 'node:worker_threads';
import type { ChartJobName, chartJobs as ChartJobs } from '$lib/charts/chart-jobs';

type Jobs = typeof ChartJobs;
type Reply = { id: number; svg?: string; error?: string; ready?: boolean };

/**
 * The worker's code (CommonJS, `eval`): imports chart-jobs at its URL (the built chunk; a `.ts`
 * source in dev and tests, loaded through tsx), then draws each job it is sent.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = workerData.endsWith('.ts')
	? import('tsx/esm/api').then((api) => api.register())
	: Promise.resolve();
ready.then(() => import(workerData)).then((m) => {
	parentPort.on('message', ({ id, name, args }) => {
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

/** The charts module, imported once: its functions (main-thread drawing) and its URL (the worker). */
const loadChartModule = () => (chartModule ??= import('$lib/charts/chart-jobs'));

/** Draws on the main thread: the fallback, and what a job already sent does if the worker dies. */
async function drawHere(name: ChartJobName, args: unknown[]): Promise<string> {
	const { chartJobs } = await loadChartModule();
	return (chartJobs[name] as (...a: unknown[]) => string)(...args);
}

function startWorker(): Promise<Worker | null> {
	return loadChartModule().then(
		({ chartJobsUrl }) =>
			new Promise<Worker | null>((resolve) => {
				const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: chartJobsUrl });
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

/** `chartJobs[name](...args)`, drawn on the chart thread when it runs. */
export async function drawChart<N extends ChartJobName>(
	name: N,
	...args: Parameters<Jobs[N]>
): Promise<string> {
	// Posted at once when the thread is up, so that the caller's own drawing overlaps this one.
	const worker = running ?? (await (thread ??= startWorker()));
	if (!worker) return drawHere(name, args);
	return new Promise<string>((resolve, reject) => {
		const id = nextId++;
		pending.set(id, { resolve, reject, job: { name, args } });
		worker.postMessage({ id, name, args });
	});
}
