// One autocannon run against the loopback server, keeping every response time so that p50 and
// p95 are exact (autocannon's own summary has p90 and p97.5, not p95).
import autocannon from 'autocannon';
import { percentile } from './stats';

export interface RunOptions {
	origin: string;
	paths: string[];
	connections: number;
	/** Bounded by a request count… */
	amount?: number;
	/** …or by a duration in seconds. */
	seconds?: number;
	/** Called about every 200 ms while the run lasts (memory sampling). */
	onTick?: () => void;
}

export interface RunResult {
	requests: number;
	latenciesMs: number[];
	errors: number;
	timeouts: number;
	non2xx: number;
	seconds: number;
	requestsPerSecond: number;
	bytesPerSecond: number;
}

/** One autocannon run of the given requests, every response time kept, on loopback only. */
export async function runAutocannon(options: {
	origin: string;
	connections: number;
	amount?: number;
	seconds?: number;
	headers?: Record<string, string>;
	requests: autocannon.Request[];
	onTick?: () => void;
}): Promise<{ result: autocannon.Result; latenciesMs: number[]; seconds: number }> {
	const url = new URL(options.origin);
	if (url.hostname !== '127.0.0.1') throw new Error(`adresse non locale refusée : ${url.hostname}`);
	if (!options.amount && !options.seconds) throw new Error('durée ou nombre de requêtes requis');
	const latenciesMs: number[] = [];
	const started = performance.now();
	const timer = options.onTick ? setInterval(options.onTick, 200) : undefined;
	let deadline: NodeJS.Timeout | undefined;
	try {
		const result = await new Promise<autocannon.Result>((resolve, reject) => {
			const instance = autocannon(
				{
					url: options.origin,
					connections: options.connections,
					// autocannon rejects an explicit `duration: undefined`.
					...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
					timeout: 30,
					headers: options.headers ?? {},
					requests: options.requests
				},
				(error, result) => (error ? reject(error) : resolve(result))
			);
			instance.on('response', (_client, _status, _bytes, responseTime) => {
				latenciesMs.push(responseTime);
			});
			// A request count bounded by a duration too: stopped when the time is up.
			if (options.amount && options.seconds)
				deadline = setTimeout(() => instance.stop(), options.seconds * 1000);
		});
		return { result, latenciesMs, seconds: (performance.now() - started) / 1000 };
	} finally {
		if (timer) clearInterval(timer);
		if (deadline) clearTimeout(deadline);
	}
}

export async function runLoad(options: RunOptions): Promise<RunResult> {
	const { result, latenciesMs, seconds } = await runAutocannon({
		...options,
		// Amount or duration, never both: a count alone runs to its end.
		seconds: options.amount ? undefined : options.seconds,
		// Each connection cycles through the paths in order.
		requests: options.paths.map((path) => ({ method: 'GET' as const, path }))
	});
	return {
		requests: latenciesMs.length,
		latenciesMs,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		seconds,
		requestsPerSecond: latenciesMs.length / seconds,
		bytesPerSecond: result.throughput.total / seconds
	};
}

export const p50 = (r: { latenciesMs: number[] }) => percentile(r.latenciesMs, 50);
export const p95 = (r: { latenciesMs: number[] }) => percentile(r.latenciesMs, 95);
