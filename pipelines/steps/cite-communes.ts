// Communes of each cité éducative / cité de l'emploi, parsed from `liste_geo`
// ("Angers (49007); Trélazé (49353)"). Rows of the GeoJSON are counted by the `cites` step.
import { citeCommunesTable, type Cite } from '../../src/lib/schemas/dispositifs';
import { communeCode } from '../../src/lib/schemas/table';
import type { BuildContext, Step } from '../lib/step';
import { CITE_FILES, parseCiteProperties, readFeatures } from './cites';

export interface ListeGeoEntry {
	name: string;
	code: string;
}

/** Splits `liste_geo` on ';' and reads the code in brackets at the end of each part. */
export function parseListeGeo(text: string): { entries: ListeGeoEntry[]; problems: string[] } {
	const entries: ListeGeoEntry[] = [];
	const problems: string[] = [];
	for (const part of text.split(';').map((p) => p.trim())) {
		if (part === '') continue;
		const match = part.match(/^(.*\S)\s*\(([^()]*)\)$/);
		if (!match) {
			problems.push(`commune sans code entre parenthèses : « ${part} »`);
			continue;
		}
		const code = match[2]!.trim();
		if (!communeCode.safeParse(code).success) {
			problems.push(`code commune invalide : « ${part} »`);
			continue;
		}
		entries.push({ name: match[1]!, code });
	}
	return { entries, problems };
}

export const citeCommunesStep: Step = {
	table: citeCommunesTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(citeCommunesTable);
		const loaded = new Set(
			(await ctx.db.query<{ kind: string; id: string }>('SELECT kind, id FROM cites')).map(
				(r) => `${r.kind}|${r.id}`
			)
		);
		const rows: { kind: Cite['kind']; cite_id: string; commune_code: string }[] = [];
		for (const { kind, path } of CITE_FILES) {
			const ledger = ctx.ledgers.for(path);
			ledger.tables.add(citeCommunesTable.name);
			for (const feature of readFeatures(ctx, path)) {
				const parsed = parseCiteProperties(feature.properties);
				// Features the `cites` step rejected are already in the ledger.
				if (!parsed.success || !loaded.has(`${kind}|${parsed.data.id_territoire}`)) continue;
				const { entries, problems } = parseListeGeo(parsed.data.liste_geo);
				for (const p of problems)
					ledger.rejectCell(feature.index, 'liste_geo', parsed.data.liste_geo, p);
				if (entries.length === 0 && problems.length === 0) {
					ledger.rejectCell(feature.index, 'liste_geo', parsed.data.liste_geo, 'aucune commune');
				}
				const seen = new Set<string>();
				for (const { code } of entries) {
					if (seen.has(code)) continue;
					seen.add(code);
					const row = { kind, cite_id: parsed.data.id_territoire, commune_code: code };
					const checked = citeCommunesTable.schema.safeParse(row);
					if (checked.success) rows.push(checked.data);
					else
						ledger.rejectCell(
							feature.index,
							'liste_geo',
							code,
							`refusé par le schéma : ${checked.error.issues[0]!.message}`
						);
				}
			}
		}
		await ctx.db.insert(citeCommunesTable, rows);
		ctx.report[citeCommunesTable.name] = {
			links: rows.length,
			distinct_communes: new Set(rows.map((r) => r.commune_code)).size,
			communes_not_found: await communesNotFound(ctx, rows)
		};
	}
};

/** Commune codes missing from `communes`, when the territory steps produced it. */
async function communesNotFound(
	ctx: BuildContext,
	rows: { commune_code: string }[]
): Promise<string[] | string> {
	if (!ctx.db.tableNames().includes('communes'))
		return 'table communes absente : contrôle non fait';
	const known = new Set(
		(await ctx.db.query<{ code: string }>('SELECT code FROM communes')).map((r) => r.code)
	);
	return [...new Set(rows.map((r) => r.commune_code).filter((c) => !known.has(c)))].sort();
}
