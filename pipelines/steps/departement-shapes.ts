// Which départements the choropleth outlines (cartographie/geom_dep.json) draw, checked against the
// départements table; the outlines themselves are bundled with the chart (src/lib/charts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	departementShapesTable,
	type DepartementShapeRow
} from '../../src/lib/schemas/cartographie';
import { SourceFileError } from '../lib/csv';
import type { BuildContext, Step } from '../lib/step';

const SHAPES = 'cartographie/geom_dep.json';
const CIRCLES = 'cartographie/cercles_drom.json';

interface Collection {
	features: { properties: Record<string, string | null> }[];
}

function readCollection(ctx: BuildContext, path: string): Collection {
	ctx.read.add(path);
	try {
		const json = JSON.parse(readFileSync(resolve(ctx.rawDir, path), 'utf-8')) as Collection;
		if (!Array.isArray(json.features)) throw new Error('pas de tableau « features »');
		return json;
	} catch (e) {
		throw new SourceFileError(path, `GeoJSON illisible (${(e as Error).message})`);
	}
}

export const departementShapesStep: Step = {
	table: departementShapesTable.name,
	async run(ctx) {
		await ctx.db.create(departementShapesTable);
		const known = new Set(
			(await ctx.db.query<{ code: string }>('SELECT code FROM departements')).map((d) => d.code)
		);
		const ledger = ctx.ledgers.for(SHAPES);
		const byCode = new Map<string, DepartementShapeRow>();
		readCollection(ctx, SHAPES).features.forEach((f, i) => {
			const code = f.properties.insee_dep ?? '';
			// 978 (Saint-Martin) and 987 (Polynésie) are collectivités with no chef-lieu here, and no QPV.
			if (!f.properties.cheflieu_dep) return ledger.aggregate();
			if (!known.has(code))
				return ledger.rejectRow(i + 1, 'insee_dep', code, 'département absent du COG 2022');
			const row = byCode.get(code);
			if (row) row.features += 1;
			else
				byCode.set(code, {
					code,
					name: f.properties.lib_dep ?? code,
					features: 1,
					inset: code.length === 3
				});
			ledger.loaded(departementShapesTable.name);
		});
		// Each circle frames one overseas inset; they are drawn, not stored.
		const circles = ctx.ledgers.for(CIRCLES);
		circles.aggregate(readCollection(ctx, CIRCLES).features.length);
		const rows = [...byCode.values()].map((r) => departementShapesTable.schema.parse(r));
		ctx.report[departementShapesTable.name] = {
			departements: rows.length,
			missing: [...known].filter((c) => !byCode.has(c))
		};
		await ctx.db.insert(departementShapesTable, rows);
	}
};
