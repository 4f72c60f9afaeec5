// `npm start` warms the server it just started: it renders contrat and QPV pages through it,
// alternating the two kinds, with a cookie so that no cache answers or keeps them. V8 then has
// compiled and optimised the render code before the first uncached page a user asks for (a page
// not prerendered yet, or any page of a signed-in user: those are never cached).

/**
 * Pages of each kind: 300 renders, about 8 s of one core at start. V8 keeps optimising long after
 * 30 pages of each kind (measured 2/12: 143 optimising compilations in the next 61 QPV pages); after
 * 150, the first render of a QPV page never rendered took 24.1 ms instead of 27.7 (medians of eight
 * alternated passes, server CPU 36 instead of 44 ms a page).
 */
export const WARM_UP_PAGES = 150;

/** `n` items spread evenly over `items` (every region, not one end of the list). */
export function spread<T>(items: T[], n: number): T[] {
	if (items.length <= n) return [...items];
	const stride = items.length / n;
	return Array.from({ length: n }, (_, i) => items[Math.floor(i * stride)]!);
}

/** The pages to render: contrat and QPV pages alternating, spread over each list. */
export function warmUpPaths(paths: string[], perKind = WARM_UP_PAGES): string[] {
	const contrats = spread(
		paths.filter((p) => p.startsWith('/contrats/')),
		perKind
	);
	const qpv = spread(
		paths.filter((p) => p.startsWith('/quartiers/')),
		perKind
	);
	const out: string[] = [];
	for (let i = 0; i < Math.max(contrats.length, qpv.length); i++) {
		if (i < contrats.length) out.push(contrats[i]!);
		if (i < qpv.length) out.push(qpv[i]!);
	}
	return out;
}

export interface WarmUpResult {
	pages: number;
	failed: string[];
	seconds: number;
}

/** Renders `paths` one at a time (users keep the other core), uncached; never throws. */
export async function warmUp(origin: string, paths: string[]): Promise<WarmUpResult> {
	const started = performance.now();
	const failed: string[] = [];
	for (const path of paths) {
		try {
			const response = await fetch(origin + path, { headers: { cookie: 'warm-up=1' } });
			await response.arrayBuffer();
			if (response.status !== 200) failed.push(`${path} (${response.status})`);
		} catch (e) {
			failed.push(`${path} (${(e as Error).message})`);
		}
	}
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	return { pages: paths.length, failed, seconds };
}
