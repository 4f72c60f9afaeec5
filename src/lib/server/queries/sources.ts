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

/**
 * « Sources : ANCT – SIG Ville / INSEE, sig-ville/DEMO_2017.csv, sig-ville/DEMO_2018.csv
 * (millésimes 2017, 2018) ; … ». Files that differ only by their year share one producer and
 * licence mention, so a series over six vintages stays readable; every file keeps its exact name.
 */
export function sourceLine(paths: string[], provenance: Map<string, Provenance>): string {
	const groups = new Map<
		string,
		{ producer: string; template: string; paths: string[]; vintages: string[] }
	>();
	for (const path of [...new Set(paths)].sort()) {
		const p = provenance.get(path);
		const slash = path.lastIndexOf('/') + 1;
		const template =
			path.slice(0, slash) +
			path
				.slice(slash)
				.replace(/(?<=[_A-Za-z-])20\d{2}(?=[_.-])/, 'AAAA')
				.replace(/(?<=filo)\d{2}(?=_)/, 'AA');
		const producer = p?.producer ?? 'producteur non renseigné';
		const key = `${producer}|${template}`;
		const group = groups.get(key) ?? { producer, template, paths: [], vintages: [] };
		group.paths.push(path);
		if (p) group.vintages.push(p.vintage);
		groups.set(key, group);
	}
	const parts = [...groups.values()].map((g) => {
		const vintages = [...new Set(g.vintages)];
		const label = vintages.length > 1 ? 'millésimes' : 'millésime';
		const name = g.paths.join(', ');
		return `${g.producer}, ${name}${vintages.length ? ` (${label} ${vintages.join(', ')})` : ''}`;
	});
	const licences = [
		...new Set([...new Set(paths)].map((path) => provenance.get(path)?.licence).filter(Boolean))
	];
	return `Sources : ${parts.join(' ; ')}${licences.length ? `. ${licences.join(', ')}` : ''}.`;
}

/**
 * The files that fed any of `tables`, read from each file's `tables` list split exactly (so
 * 'qpv' does not pick up the files of 'qpv_contrat'): the Sources sheet of an export.
 */
export function sourcesOfTables(
	provenance: Map<string, Provenance>,
	tables: string[]
): Provenance[] {
	const wanted = new Set(tables);
	return [...provenance.values()].filter((p) =>
		p.tables.split(',').some((t) => wanted.has(t.trim()))
	);
}
