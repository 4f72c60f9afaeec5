// qpv_references: the territories each QPV is compared with, per Filosofi data year, with the
// method (EPCI of the year's geography from the COG 2015 file and @etalab/decoupage-administratif).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { qpvReferencesTable } from '../../src/lib/schemas/evaluation';
import {
	resolveReferences,
	type Membership,
	type QpvInput,
	type ReferenceInputs
} from '../lib/evaluation/references';
import { SourceFileError } from '../lib/csv';
import { cachedParse } from '../lib/parse-cache';
import type { BuildContext, Step } from '../lib/step';

/** npm aliases of @etalab/decoupage-administratif, one per COG year (see package.json). */
export const COG_PACKAGES: { year: number; name: string }[] = [
	{ year: 2019, name: 'cog-2019' },
	{ year: 2020, name: 'cog-2020' },
	{ year: 2021, name: 'cog-2021' },
	{ year: 2022, name: '@etalab/decoupage-administratif' }
];

/** One COG's epci.json as qpv_references reads it: how many EPCI, and each member with its EPCI. */
export interface CogEpci {
	n: number;
	/** [commune, EPCI SIREN], in the file's order. */
	members: [string, string][];
}

/** Parses an epci.json of @etalab/decoupage-administratif (an array of {code, membres: [{code}]}). */
export function parseCogEpci(text: string): CogEpci {
	const epcis: unknown = JSON.parse(text);
	if (!Array.isArray(epcis)) throw new Error('un tableau d’EPCI est attendu');
	const members: [string, string][] = [];
	for (const [i, e] of epcis.entries()) {
		const { code, membres } = (e ?? {}) as { code?: unknown; membres?: unknown };
		if (typeof code !== 'string' || !Array.isArray(membres))
			throw new Error(`EPCI n° ${i + 1} sans code ni membres`);
		for (const m of membres as { code?: unknown }[]) {
			if (typeof m?.code !== 'string') throw new Error(`membre sans code dans l’EPCI ${code}`);
			members.push([m.code, code]);
		}
	}
	return { n: epcis.length, members };
}

/**
 * The EPCI of the communes a QPV may be looked up by (`wanted`), per COG year, from each COG's
 * epci.json. The files (2–4 MB each, pinned by version) are parsed once, then read back from the
 * parse cache (./parse-cache.ts): parsing them cost 0.35 s of CPU at each build, in DuckDB or in
 * JavaScript. A commune listed twice in a file (none is, in the pinned files) keeps the last EPCI.
 */
function readCogMemberships(ctx: BuildContext, wanted: string[]): Membership[] {
	const require = createRequire(import.meta.url);
	const looked = new Set(wanted);
	return COG_PACKAGES.map(({ year, name }) => {
		const dir = dirname(require.resolve(`${name}/package.json`));
		const version = (
			JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }
		).version;
		const path = `npm/${name}@${version}/data/epci.json`;
		ctx.read.add(path);
		const text = readFileSync(join(dir, 'data', 'epci.json'), 'utf-8');
		let cog: CogEpci;
		try {
			cog = cachedParse(`cog-epci-${year}`, text, parseCogEpci);
		} catch (e) {
			throw new SourceFileError(path, (e as Error).message);
		}
		const epciOf = new Map<string, string>();
		for (const [commune, epci] of cog.members) if (looked.has(commune)) epciOf.set(commune, epci);
		// Every EPCI of the file is read; its members feed qpv_references.
		ctx.ledgers.for(path).loaded(qpvReferencesTable.name, cog.n);
		return { year, label: `le COG ${year} (${name} ${version})`, epciOf };
	});
}

async function loadInputs(ctx: BuildContext, qpv: QpvInput[]): Promise<ReferenceInputs> {
	const published: ReferenceInputs['published'] = new Map();
	// Only the communes of a QPV (or the communes nouvelles that absorbed them) are ever looked up:
	// the others (170 k rows to read into JavaScript) become one null code per year, which still
	// marks the year as published.
	const codes = await ctx.db.query<{ y: number; t: string; c: string | null }>(
		`SELECT DISTINCT reference_year AS y, territory_type AS t,
			CASE WHEN territory_type <> 'commune' OR territory_code IN (
				SELECT commune_code FROM qpv_communes UNION ALL
				SELECT current_code FROM communes WHERE code IN (SELECT commune_code FROM qpv_communes)
			) THEN territory_code END AS c
		 FROM observations
		 WHERE starts_with(source_path, 'filosofi-references/') AND territory_type IN ('commune', 'epci', 'departement')`
	);
	for (const { y, t, c } of codes) {
		let year = published.get(y);
		if (!year)
			published.set(y, (year = { commune: new Set(), epci: new Set(), departement: new Set() }));
		if (c !== null) year[t as 'commune' | 'epci' | 'departement'].add(c);
	}
	const communes = await ctx.db.query<{
		code: string;
		current_code: string | null;
		epci: string | null;
	}>(
		// Only the communes findEpci and resolveReferences look up: a QPV's communes and main
		// commune, and the communes nouvelles that absorbed them (35 k rows into JavaScript otherwise).
		`WITH looked AS (SELECT commune_code AS code FROM qpv_communes
			UNION SELECT main_commune_code FROM qpv WHERE main_commune_code IS NOT NULL)
		 SELECT code, current_code, epci2015_siren AS epci FROM communes
		 WHERE code IN (SELECT code FROM looked)
			OR code IN (SELECT current_code FROM communes WHERE code IN (SELECT code FROM looked))`
	);
	const currentCode = new Map<string, string>();
	const epci2015 = new Map<string, string>();
	for (const c of communes) {
		if (c.current_code && c.current_code !== c.code) currentCode.set(c.code, c.current_code);
		if (c.epci) epci2015.set(c.code, c.epci);
	}
	// What findEpci looks up: a QPV's communes, its main commune, and the communes nouvelles.
	const looked = new Set<string>();
	for (const q of qpv) {
		for (const c of [...q.communes, ...(q.main_commune_code ? [q.main_commune_code] : [])]) {
			looked.add(c);
			const current = currentCode.get(c);
			if (current) looked.add(current);
		}
	}
	const wanted = [...looked].sort();
	const memberships: Membership[] = [
		{ year: 2015, label: 'la liste des EPCI au 1er janvier 2015 (DGCL)', epciOf: epci2015 }
	];
	memberships.push(...readCogMemberships(ctx, wanted));
	return { published, currentCode, memberships };
}

export const qpvReferencesStep: Step = {
	table: qpvReferencesTable.name,
	async run(ctx) {
		const qpv = await ctx.db.query<QpvInput>(
			`SELECT q.code, q.departement_code, q.main_commune_code,
				coalesce(list(c.commune_code ORDER BY c.commune_code) FILTER (WHERE c.commune_code IS NOT NULL), []) AS communes
			 FROM qpv q LEFT JOIN qpv_communes c ON c.qpv_code = q.code GROUP BY ALL ORDER BY q.code`
		);
		const inputs = await loadInputs(ctx, qpv);
		const years = [...inputs.published.keys()].sort();
		await ctx.db.create(qpvReferencesTable);
		await ctx.db.insert(
			qpvReferencesTable,
			qpv.flatMap((q) => resolveReferences(q, years, inputs))
		);
		ctx.report.qpv_without_epci = await ctx.db.query(
			`SELECT data_year, count(*)::INTEGER AS n FROM (SELECT q.code, y.data_year FROM qpv q,
				(SELECT DISTINCT data_year FROM qpv_references) y) a
			 WHERE NOT EXISTS (SELECT 1 FROM qpv_references r WHERE r.qpv_code = a.code AND r.data_year = a.data_year AND r.reference_kind = 'epci')
			 GROUP BY ALL ORDER BY data_year`
		);
	}
};
