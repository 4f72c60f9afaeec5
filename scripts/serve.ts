// `npm start`'s last step: serves the built site at once (`node build`), warms it with a few
// uncached renders (scripts/warm-up.ts), then prerenders the reading pages through that same
// server in the background, one at a time, so that the site is never held back by the prerender
// and each page is rendered once per database and app build.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answering, prerender, readingPagePaths } from './prerender';
import { warmUp, warmUpPaths } from './warm-up';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
// The prerender reaches the server on loopback unless it listens on one address only.
const reachable = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(host) ? '127.0.0.1' : host;
const origin = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;

const server = spawn(process.execPath, [join(root, 'build')], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

if (await answering(origin)) {
	let paths: string[] | undefined;
	try {
		paths = await readingPagePaths(join(root, 'data/build/politique-ville.duckdb'));
		// Before the prerender: with a full disk store it renders nothing, and users' pages not yet
		// prerendered (or with a session) are rendered by warm code either way.
		const warm = await warmUp(origin, warmUpPaths(paths));
		console.log(`Serveur mis en train : ${warm.pages} pages rendues en ${warm.seconds} s.`);
		if (warm.failed.length)
			console.warn(`Mise en train, pages en échec : ${warm.failed.join(', ')}`);
	} catch (e) {
		console.warn(`Mise en train interrompue (${(e as Error).message}) : le site sert quand même.`);
	}
	try {
		const result = await prerender({ origin, paths, log: (m) => console.log(m) });
		if (result.rendered > 0)
			console.log(`Pré-rendu terminé : ${result.rendered} pages en ${result.seconds} s.`);
		if (result.failed.length)
			console.warn(
				`Pages en échec au pré-rendu (rendues à la demande) : ${result.failed.join(', ')}`
			);
	} catch (e) {
		// The site serves without it: pages are then rendered on their first visit.
		console.warn(`Pré-rendu interrompu (${(e as Error).message}) : le site sert quand même.`);
	}
} else console.warn(`Pré-rendu non lancé : ${origin} ne répond pas.`);
