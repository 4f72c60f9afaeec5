// Départements of the COG 2022 (@etalab/decoupage-administratif), including the collectivités
// d'outre-mer (Saint-Martin 978, Polynésie 987 have QPV) whose region is null.
import { departementsTable, type Departement } from '../../src/lib/schemas/territories';
import { readDecoupage, type CogDepartement } from '../lib/decoupage';
import type { Step } from '../lib/step';

export const departementsStep: Step = {
	table: departementsTable.name,
	async run(ctx) {
		const { items, ledger } = readDecoupage<CogDepartement>(ctx, 'departements', true);
		const regions = new Set(
			(await ctx.db.query<{ code: string }>('SELECT code FROM regions')).map((r) => r.code)
		);
		const rows: Departement[] = [];
		items.forEach((item, index) => {
			const line = index + 1;
			const parsed = departementsTable.schema.safeParse({
				code: item.code,
				name: item.nom,
				region_code: regions.has(item.region) ? item.region : null
			});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				const column = String(issue?.path[0] ?? 'code');
				ledger.rejectRow(
					line,
					column,
					JSON.stringify(item),
					`département invalide : ${issue?.message}`
				);
				return;
			}
			rows.push(parsed.data);
			ledger.loaded(departementsTable.name);
		});
		await ctx.db.create(departementsTable);
		await ctx.db.insert(departementsTable, rows);
	}
};
