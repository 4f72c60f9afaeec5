// Source lines for figures: the provenance table (one row per source file), cached in memory.
import type { Provenance } from '$lib/schemas/provenance';
import { query } from '../db';

let cache: Promise<Map<string, Provenance>> | undefined;

export function getProvenance(): Promise<Map<string, Provenance>> {
	cache ??= query<Provenance>(`SELECT * FROM provenance ORDER BY path`).then(
		(rows) => new Map(rows.map((r) => [r.path, r]))
	);
	return cache;
}

export async function listProvenance(): Promise<Provenance[]> {
	return [...(await getProvenance()).values()];
}

/** « ANCT – SIG Ville / INSEE, sig-ville/DEMO_2022.csv (millésime 2022), Licence Ouverte 2.0 ». */
export function sourceLine(paths: string[], provenance: Map<string, Provenance>): string {
	const unique = [...new Set(paths)].sort();
	const parts = unique.map((path) => {
		const p = provenance.get(path);
		return p ? `${p.producer}, ${path} (millésime ${p.vintage})` : path;
	});
	const licences = [
		...new Set(unique.map((path) => provenance.get(path)?.licence).filter(Boolean))
	];
	return `Sources : ${parts.join(' ; ')}${licences.length ? `. ${licences.join(', ')}` : ''}.`;
}
