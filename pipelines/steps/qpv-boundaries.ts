// QPV boundaries where the data has them: the 105 Occitanie QPV of the Hackaviz 2021 (2015 contours).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { qpvBoundariesTable } from '../../src/lib/schemas/territories';
import { SourceFileError } from '../lib/csv';
import type { Step } from '../lib/step';
import { roundGeometry } from './contrats';

const PATH = 'qpv-occitanie-hackaviz/qp.geojson';

export const qpvBoundariesStep: Step = {
	table: qpvBoundariesTable.name,
	async run(ctx) {
		ctx.read.add(PATH);
		const ledger = ctx.ledgers.for(PATH);
		let collection: FeatureCollection<Geometry | null, { code_qp?: string }>;
		try {
			collection = JSON.parse(readFileSync(resolve(ctx.rawDir, PATH), 'utf-8'));
		} catch (e) {
			throw new SourceFileError(PATH, `GeoJSON illisible (${(e as Error).message})`);
		}
		const known = new Set(
			(await ctx.db.query<{ code: string }>('SELECT code FROM qpv')).map((q) => q.code)
		);
		const rows: { qpv_code: string; geometry: string; source_path: string }[] = [];
		collection.features.forEach((f, i) => {
			const line = i + 1;
			const code = f.properties?.code_qp ?? '';
			if (!f.geometry) return ledger.rejectRow(line, 'geometry', code, 'géométrie absente');
			if (!known.has(code))
				return ledger.rejectRow(line, 'code_qp', code, 'QPV absent de la liste des 1 514 QPV');
			const parsed = qpvBoundariesTable.schema.safeParse({
				qpv_code: code,
				geometry: JSON.stringify(roundGeometry(f.geometry, 5)),
				source_path: PATH
			});
			if (!parsed.success)
				return ledger.rejectRow(
					line,
					'code_qp',
					code,
					`contour invalide : ${parsed.error.issues[0]?.message}`
				);
			rows.push(parsed.data);
			ledger.loaded(qpvBoundariesTable.name);
		});
		await ctx.db.create(qpvBoundariesTable);
		await ctx.db.insert(qpvBoundariesTable, rows);
	}
};
