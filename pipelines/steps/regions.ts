// Régions of the COG 2022 (@etalab/decoupage-administratif). The package also lists the
// collectivités d'outre-mer as pseudo-regions (code = their 3-digit département code): not regions.
import { regionsTable, type Region } from '../../src/lib/schemas/territories';
import { readDecoupage, type CogRegion } from '../lib/decoupage';
import type { Step } from '../lib/step';

export const regionsStep: Step = {
	table: regionsTable.name,
	async run(ctx) {
		const { items, ledger } = readDecoupage<CogRegion>(ctx, 'regions', true);
		const rows: Region[] = [];
		items.forEach((item, index) => {
			const line = index + 1;
			const parsed = regionsTable.schema.safeParse({ code: item.code, name: item.nom });
			if (!parsed.success) {
				ledger.rejectRow(
					line,
					'code',
					item.code,
					`pas une région (collectivité d'outre-mer « ${item.nom} ») : ${parsed.error.issues[0]?.message}`
				);
				return;
			}
			rows.push(parsed.data);
			ledger.loaded(regionsTable.name);
		});
		await ctx.db.create(regionsTable);
		await ctx.db.insert(regionsTable, rows);
	}
};
