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

/** CHROMIUM_PATH when set and not blank, else the Debian package's path. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
	const fromEnv = env.CHROMIUM_PATH?.trim();
	return fromEnv ? fromEnv : DEFAULT_CHROMIUM_PATH;
}

/**
 * Where the browser loads the page from: PDF_ORIGIN when set (e.g. the loopback address of the
 * server behind a proxy), else the origin of the request (adapter-node takes it from ORIGIN).
 */
export function pdfOrigin(
	requestOrigin: string,
	env: Record<string, string | undefined> = process.env
): string {
	const fromEnv = env.PDF_ORIGIN?.trim();
	return new URL(fromEnv ? fromEnv : requestOrigin).origin;
}

export type PdfFailure = 'no-browser' | 'busy' | 'timeout' | 'page' | 'browser';

export class PdfError extends Error {
	constructor(
		public readonly reason: PdfFailure,
		message: string,
		public readonly pageStatus?: number
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
			'Trop de fiches PDF en cours de génération : réessayez dans quelques secondes.'
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
		throw new PdfError('browser', `Échec de Chromium : ${(e as Error).message.split('\n')[0]}`);
	} finally {
		clearTimeout(timer);
		inFlight--;
		// Closes the browser, even when the deadline fired before the launch had finished (then
		// without waiting more than a few seconds for it).
		const closing = launching.then((b) => b.close()).catch(() => {});
		await Promise.race([closing, new Promise((r) => setTimeout(r, 5_000).unref())]);
	}
}
