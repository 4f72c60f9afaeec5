// One autocannon run whose requests take their path from a function, with the headers a browser
// sends: bench:cold measures its cached phase (a few URLs in turn) and its cold phase (every URL
// once) with this same light client, so that their ratio compares the server with itself.
import { runAutocannon } from './http';

/** What a browser sends for a page: it accepts gzip (and more) and asks for HTML. */
export const BROWSER_HEADERS = {
	accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
	'accept-encoding': 'gzip, deflate, br, zstd'
};

export interface PathsRunOptions {
	origin: string;
	connections: number;
	/** The path of the next request. */
	next: () => string;
	/** Exactly this many requests (each connection its share), stopped early at `seconds`… */
	amount?: number;
	/** …or as many as fit in `seconds`. */
	seconds: number;
	headers?: Record<string, string>;
	/** Called about every 200 ms while the run lasts (memory sampling). */
	onTick?: () => void;
}

export interface PathsRunResult {
	requests: number;
	latenciesMs: number[];
	/** Connection errors, timeouts and answers other than 2xx. */
	errors: number;
	seconds: number;
	requestsPerSecond: number;
	/** Bytes received per request on average (headers included). */
	bytesPerRequest: number;
}

export async function runPaths(options: PathsRunOptions): Promise<PathsRunResult> {
	const { result, latenciesMs, seconds } = await runAutocannon({
		...options,
		// Called once per request sent, the first one included: one path each.
		requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: options.next() }) }]
	});
	return {
		requests: latenciesMs.length,
		latenciesMs,
		errors: result.errors + result.timeouts + result.non2xx,
		seconds,
		requestsPerSecond: latenciesMs.length / seconds,
		bytesPerRequest: latenciesMs.length ? result.throughput.total / latenciesMs.length : 0
	};
}
