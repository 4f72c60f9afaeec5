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
import type { BuildContext, Step } from '../lib/step';

/** npm aliases of @etalab/decoupage-administratif, one per COG year (see package.json). */
export const COG_PACKAGES: { year: number; name: string }[] = [
	{ year: 2019, name: 'cog-2019' },
	{ year: 2020, name: 'cog-2020' },
	{ year: 2021, name: 'cog-2021' },
	{ year: 2022, name: '@etalab/decoupage-administratif' }
];

interface EpciJson {
	code: string;
	membres: { code: string }[];
}

function readCogMembership(ctx: BuildContext, year: number, name: string): Membership {
	const require = createRequire(import.meta.url);
	const dir = dirname(require.resolve(`${name}/package.json`));
	const version = (
		JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }
	).version;
	const path = `npm/${name}@${version}/data/epci.json`;
	ctx.read.add(path);
	const epci = JSON.parse(readFileSync(join(dir, 'data', 'epci.json'), 'utf-8')) as EpciJson[];
	const epciOf = new Map<string, string>();
	for (const e of epci) for (const m of e.membres) epciOf.set(m.code, e.code);
	// Every EPCI of the file is read; its members feed qpv_references.
	ctx.ledgers.for(path).loaded(qpvReferencesTable.name, epci.length);
	return { year, label: `le COG ${year} (${name} ${version})`, epciOf };
}

async function loadInputs(ctx: BuildContext): Promise<ReferenceInputs> {
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
	}>(`SELECT code, current_code, epci2015_siren AS epci FROM communes`);
	const currentCode = new Map<string, string>();
	const epci2015 = new Map<string, string>();
	for (const c of communes) {
		if (c.current_code && c.current_code !== c.code) currentCode.set(c.code, c.current_code);
		if (c.epci) epci2015.set(c.code, c.epci);
	}
	const memberships: Membership[] = [
		{ year: 2015, label: 'la liste des EPCI au 1er janvier 2015 (DGCL)', epciOf: epci2015 },
		...COG_PACKAGES.map((p) => readCogMembership(ctx, p.year, p.name))
	];
	return { published, currentCode, memberships };
}

export const qpvReferencesStep: Step = {
	table: qpvReferencesTable.name,
	async run(ctx) {
		const inputs = await loadInputs(ctx);
		const years = [...inputs.published.keys()].sort();
		const qpv = await ctx.db.query<QpvInput>(
			`SELECT q.code, q.departement_code, q.main_commune_code,
				coalesce(list(c.commune_code ORDER BY c.commune_code) FILTER (WHERE c.commune_code IS NOT NULL), []) AS communes
			 FROM qpv q LEFT JOIN qpv_communes c ON c.qpv_code = q.code GROUP BY ALL ORDER BY q.code`
		);
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
