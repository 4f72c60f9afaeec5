// Request pipeline, one handle per concern, composed with sequence(): security headers, one log
// line per error answer, then the shared page cache. A handle that reads a session goes before
// pageCache (requests with a cookie are never served from nor stored in the shared cache).
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { version } from '$app/environment';
import {
	busyMs,
	databasePath,
	DatabaseUnavailableError,
	queryTiming,
	warmDatabase
} from '$lib/server/db';
import { startChartThread } from '$lib/server/chart-thread';
import { loadQpvResidentRows } from '$lib/server/queries/resident-rows';
import { errorLog } from '$lib/server/handles/error-log';
import { originCheck } from '$lib/server/handles/origin-check';
import { pageCache } from '$lib/server/handles/page-cache';
import { installStaticSecurityHeaders, securityHeaders } from '$lib/server/handles/security';
import { PageStore, storeIdentity } from '$lib/server/page-store';
import { ResponseCache } from '$lib/server/response-cache';
import { sessionHandle } from '$lib/server/workspace/session-handle';

installStaticSecurityHeaders();

let store: PageStore | null | undefined;
/** The disk store of this database and build (null while the database is not built). */
function pageStore(): PageStore | null {
	if (store !== undefined) return store;
	const db = databasePath();
	if (!existsSync(db)) return null;
	store = new PageStore(join(dirname(db), 'page-cache'), storeIdentity(db, version));
	return store;
}

/**
 * `Server-Timing: db;dur=…` on rendered answers (not on cache hits): the wall time during which
 * the request's DuckDB queries ran, beside the whole render. 0 queries is said too: a QPV page
 * reads its own rows from memory (resident-rows.ts) and shared rows from memos.
 */
const timing: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const spans: [number, number][] = [];
	const response = await queryTiming.run(spans, () => resolve(event));
	if (!response.headers.has('server-timing')) {
		const total = (performance.now() - started).toFixed(1);
		const db = busyMs(spans).toFixed(1);
		response.headers.set(
			'server-timing',
			`db;dur=${db};desc="${spans.length} queries", total;dur=${total}`
		);
	}
	return response;
};

/**
 * Not awaited: the server answers at once while the QPV pages' per-code rows are read into memory
 * (loadQpvResidentRows), DuckDB loads the tables (see warmDatabase) and the chart thread loads Plot
 * (chart-thread.ts).
 */
export const init: ServerInit = () => {
	void startChartThread();
	void loadQpvResidentRows()
		.catch((error) => {
			// Pages keep reading these rows from DuckDB: slower, the same rows.
			if (error instanceof DatabaseUnavailableError) return;
			console.error('Tables des pages de QPV non chargées en mémoire (lues par DuckDB) :', error);
		})
		.then(warmDatabase)
		.catch((error) => {
			// Not built yet: pages say so themselves (handleError).
			if (!(error instanceof DatabaseUnavailableError)) console.error(error);
		});
};

export const handle: Handle = sequence(
	securityHeaders,
	errorLog,
	originCheck,
	pageCache({
		memory: new ResponseCache(Number(process.env.RESPONSE_CACHE_MB ?? 96) * 1024 * 1024),
		store: pageStore
	}),
	// Inside the cache: its `private, no-store` on workspace answers is seen before anything is kept.
	sessionHandle,
	timing
);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (error instanceof DatabaseUnavailableError) {
		console.error(error.message);
		return { message: 'Les données ne sont pas encore construites. Lancez « npm run data ».' };
	}
	// Client errors (a malformed URI…) are logged in one line by errorLog, without a stack.
	if (status >= 500) console.error(error);
	if (status === 404) return { message: 'Page introuvable.' };
	if (message === 'Malformed URI') return { message: 'Adresse mal formée (encodage invalide).' };
	if (status < 500) return { message: 'Requête invalide.' };
	return { message: 'Erreur interne du serveur.' };
};
