// Renders every contrat and QPV page (and the national pages) once, in the background, while the
// server has nothing else to do, by requesting them from itself: the page cache keeps them, on
// disk for the next start. Users' requests always come first; PAGE_WARMER=0 turns it off.
import { query } from './db';
import { loopbackOrigin } from './pdf';

/** Pages every évaluateur or élu may open first; each is rendered once per data and build. */
export async function warmUrls(): Promise<string[]> {
	const contrats = await query<{ code: string }>('SELECT code FROM contrats ORDER BY code');
	const qpv = await query<{ code: string }>('SELECT code FROM qpv ORDER BY code');
	return [
		'/',
		'/contrats',
		'/indicateurs',
		'/mesures',
		'/methodologie',
		'/pacte-de-dijon',
		'/paqte',
		...contrats.map((c) => `/contrats/${c.code}`),
		...qpv.map((q) => `/quartiers/${q.code}`)
	];
}

export const WARMER_HEADER = 'x-page-warmer';
/** Quiet time before each warm-up render: the server must have been idle this long. */
const IDLE_MS = 250;

export interface Warmer {
	/** A user's request started / ended (the warmer waits for quiet). */
	begin(): void;
	end(): void;
	/** Starts once, on the port the server answers on (learnt from the first request). */
	start(port: number): void;
}

export function createWarmer(
	isStored: (path: string) => boolean,
	env: Record<string, string | undefined> = process.env
): Warmer {
	let active = 0;
	let lastActivity = Date.now();
	let started = false;
	const quiet = async () => {
		while (active > 0 || Date.now() - lastActivity < IDLE_MS) {
			await new Promise((r) => setTimeout(r, IDLE_MS).unref());
		}
	};
	async function run(port: number): Promise<void> {
		const started = performance.now();
		const todo = (await warmUrls()).filter((u) => !isStored(u));
		for (const path of todo) {
			await quiet();
			const response = await fetch(`${loopbackOrigin(port, env)}${path}`, {
				headers: { [WARMER_HEADER]: '1' }
			});
			await response.arrayBuffer();
		}
		const seconds = Math.round((performance.now() - started) / 1000);
		console.log(`Pages pré-rendues : ${todo.length} en ${seconds} s (cache des pages à jour)`);
	}
	return {
		begin: () => void active++,
		end: () => {
			active--;
			lastActivity = Date.now();
		},
		start(port) {
			if (started || env.PAGE_WARMER?.trim() === '0') return;
			started = true;
			run(port).catch((e: unknown) =>
				console.error(`Pré-rendu des pages interrompu : ${(e as Error).message}`)
			);
		}
	};
}
