// Prints one of the app's own pages to PDF with the system Chromium (playwright-core, no bundled
// browser): one launch per request, closed in all cases, time-boxed, a few renders at a time.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Offline, headless, no background traffic: the browser only ever loads our own page. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
export const PDF_TIMEOUT_MS = 30_000;
/** Each render holds a whole browser (~150 Mo): more requests at once are refused, not queued. */
export const MAX_CONCURRENT_RENDERS = 2;
/** What a refused (busy) request is told to wait, in `Retry-After` and in words. */
export const BUSY_RETRY_SECONDS = 10;

/** CHROMIUM_PATH when set and not blank, else the Debian package's path. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
	const fromEnv = env.CHROMIUM_PATH?.trim();
	return fromEnv ? fromEnv : DEFAULT_CHROMIUM_PATH;
}

/** Addresses a server bound to "every interface" is reached on from the machine itself. */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]', 'localhost']);

/**
 * Where the browser loads the page from: PDF_ORIGIN when set (an explicit operator choice), else
 * this server's own loopback address on the port the request arrived on (`localPort` of its
 * socket). Never an origin taken from the request: Host, ORIGIN or X-Forwarded-* are ignored, so
 * no client can point the server's browser at another host or port.
 */
export function pdfOrigin(
	localPort: number | undefined,
	env: Record<string, string | undefined> = process.env
): string {
	const fromEnv = env.PDF_ORIGIN?.trim();
	return fromEnv ? new URL(fromEnv).origin : loopbackOrigin(localPort, env);
}

/** This server's own address from the machine itself (loopback unless bound to one address). */
export function loopbackOrigin(
	localPort: number | undefined,
	env: Record<string, string | undefined> = process.env
): string {
	const port = localPort ?? Number(env.PORT?.trim() || 3000);
	const bound = env.HOST?.trim() ?? '';
	// A server bound to one address is only reachable there; otherwise loopback.
	const host = WILDCARD_HOSTS.has(bound) ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
	return `http://${host}:${port}`;
}

export type PdfFailure = 'no-browser' | 'busy' | 'timeout' | 'page' | 'browser';

export class PdfError extends Error {
	constructor(
		public readonly reason: PdfFailure,
		message: string,
		public readonly pageStatus?: number,
		/** Operator detail for the log (never sent to the client). */
		public readonly detail?: string
	) {
		super(message);
		this.name = 'PdfError';
	}
}

/** The HTTP status and French message for a failed render (a bad page status is passed through). */
export function pdfErrorStatus(e: PdfError): number {
	if (e.reason === 'page') return e.pageStatus && e.pageStatus >= 400 ? e.pageStatus : 502;
	if (e.reason === 'timeout') return 504;
	if (e.reason === 'browser') return 500;
	return 503;
}

export function missingBrowserMessage(path: string): string {
	return (
		`Génération du PDF indisponible : aucun navigateur Chromium à ${path}. ` +
		'Installez-le sur le serveur (apt-get install -y chromium) ou indiquez son chemin dans la ' +
		'variable d’environnement CHROMIUM_PATH. La fiche reste imprimable depuis le navigateur.'
	);
}

let inFlight = 0;

export interface RenderOptions {
	executablePath?: string;
	timeoutMs?: number;
}

/** Loads `pageUrl` in a fresh headless Chromium and prints it to an A4 PDF (CSS @page honoured). */
export async function renderPdf(pageUrl: string, opts: RenderOptions = {}): Promise<Uint8Array> {
	const executablePath = opts.executablePath ?? chromiumPath();
	const timeoutMs = opts.timeoutMs ?? PDF_TIMEOUT_MS;
	if (!existsSync(executablePath)) {
		throw new PdfError('no-browser', missingBrowserMessage(executablePath));
	}
	if (inFlight >= MAX_CONCURRENT_RENDERS) {
		throw new PdfError(
			'busy',
			`Trop de fiches PDF en cours de génération : réessayez dans ${BUSY_RETRY_SECONDS} secondes.`
		);
	}
	inFlight++;
	const origin = new URL(pageUrl).origin;
	const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: timeoutMs });
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new PdfError(
		'timeout',
		`Génération du PDF interrompue après ${timeoutMs / 1000} s : réessayez plus tard.`
	);
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(timeout), timeoutMs);
	});
	const work = async (browser: Browser): Promise<Uint8Array> => {
		const page = await browser.newPage();
		// Only our own origin: the fiche has no third-party resource, and nothing else may load.
		await page.route('**/*', (route) =>
			new URL(route.request().url()).origin === origin ? route.continue() : route.abort()
		);
		const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
		const status = response?.status() ?? 0;
		if (status !== 200) {
			throw new PdfError('page', `La fiche à imprimer a répondu ${status}.`, status);
		}
		return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	};
	try {
		return await Promise.race([launching.then(work), deadline]);
	} catch (e) {
		if (e instanceof PdfError) throw e;
		// Playwright's own time limits (launch, navigation) are the same time-out.
		if ((e as Error).name === 'TimeoutError') throw timeout;
		// The browser's own text (which could tell a refused port from a TLS failure) stays in the
		// server log; the client gets a fixed French sentence.
		throw new PdfError(
			'browser',
			'Le navigateur du serveur n’a pas pu imprimer la fiche : réessayez plus tard.',
			undefined,
			(e as Error).message.split('\n')[0]
		);
	} finally {
		clearTimeout(timer);
		inFlight--;
		// Closes the browser, even when the deadline fired before the launch had finished (then
		// without waiting more than a few seconds for it).
		const closing = launching.then((b) => b.close()).catch(() => {});
		await Promise.race([closing, new Promise((r) => setTimeout(r, 5_000).unref())]);
	}
}
