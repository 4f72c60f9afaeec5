// The reading pages prerendered once per database and app build (scripts/prerender.ts): every page
// an évaluateur, an élu or a working group may open first. No `$lib` import: the prerender script
// (run by tsx outside SvelteKit) reads the list from the same code as the server.

/** Runs a read-only SQL query and returns its rows. */
export type CodeQuery = (sql: string) => Promise<{ code: string }[]>;

export const NATIONAL_PAGES = [
	'/',
	'/contrats',
	'/indicateurs',
	'/mesures',
	'/methodologie',
	'/pacte-de-dijon',
	'/paqte',
	'/actions-financees'
];

/**
 * National pages, then each contrat, QPV and measure page. The printable fiches are dated
 * (`no-store`) and never kept.
 */
export async function readingPaths(query: CodeQuery): Promise<string[]> {
	const contrats = (await query('SELECT code FROM contrats ORDER BY code')).map((r) => r.code);
	const qpv = (await query('SELECT code FROM qpv ORDER BY code')).map((r) => r.code);
	const mesures = (await query('SELECT id AS code FROM mesures ORDER BY id')).map((r) => r.code);
	return [
		...NATIONAL_PAGES,
		...contrats.map((c) => `/contrats/${c}`),
		...qpv.map((q) => `/quartiers/${q}`),
		...mesures.map((m) => `/mesures/${m}`)
	];
}
