// qpv_page_rows on a few rows written by hand: the QPV page's small reads (identity, communes,
// references) as one JSON array per row, read back by the page's parser into the objects the
// separate reads gave, texts with quotes, backslashes, accents and nulls included.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { qpvPageRowsStep } from '../../../pipelines/steps/qpv-page-rows';
import { qpvReferencesTable } from '../../../src/lib/schemas/evaluation';
import { qpvCommuneListTable, qpvIdentityTable } from '../../../src/lib/schemas/page-models';
import { qpvPageReads } from '../../../src/lib/server/queries/quartiers';
import { runSteps } from './memory-context';

const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const table of [qpvIdentityTable, qpvCommuneListTable, qpvReferencesTable])
			await ctx.db.create(table);
		await ctx.db.run(`INSERT INTO qpv_identity VALUES
		   ('QP001001', 'Les "Prés" \\ d''en haut', '01', 'Ain', '84', 'Auvergne-Rhône-Alpes', '01003',
		    NULL, 1200, NULL, 'CV001', 'CA du Bassin', 'commune_epci2015', 2,
		    '{"type":"Polygon","coordinates":[[[5.1,46.2],[5.2,46.3]]]}'),
		   ('QP001002', 'Centre', '01', NULL, NULL, NULL, NULL, 'Bourg-en-Bresse', NULL, 900, NULL,
		    NULL, NULL, 0, NULL)`);
		await ctx.db.run(`INSERT INTO qpv_commune_list VALUES
		   ('QP001001', 1, '01003', 'Ceyzériat', 'ancienne', '01099', '200000001', 'CA du Bassin',
		    'qpv_info_nom_commune'),
		   ('QP001001', 2, '01001', 'Ambérieu', 'actuelle', NULL, NULL, NULL, 'contour')`);
		await ctx.db.run(`INSERT INTO qpv_references VALUES
		   ('QP001001', 2016, 'epci', 'epci', '200000001', 'epci2015'),
		   ('QP001001', 2017, 'departement', 'departement', '01', 'qpv')`);
	}
};

let ctx: BuildContext;
beforeAll(async () => {
	ctx = await runSteps('', [fixture, qpvPageRowsStep]);
});

const readsOf = async (code: string) =>
	qpvPageReads(
		await ctx.db.query<{ part: number; row: string }>(
			`SELECT part, row FROM qpv_page_rows WHERE qpv_code = '${code}'`
		)
	);

describe('qpv_page_rows', () => {
	it('gives back the identity, communes (in their order) and references of a QPV', async () => {
		expect(await readsOf('QP001001')).toEqual({
			qpv: {
				code: 'QP001001',
				name: 'Les "Prés" \\ d\'en haut',
				departement_code: '01',
				departement: 'Ain',
				region_code: '84',
				region: 'Auvergne-Rhône-Alpes',
				main_commune_code: '01003',
				communes_label: null,
				population_2013: 1200,
				population_2018: null,
				contrat_code: 'CV001',
				contrat_name: 'CA du Bassin',
				contrat_method: 'commune_epci2015',
				contrat_count: 2,
				boundary: '{"type":"Polygon","coordinates":[[[5.1,46.2],[5.2,46.3]]]}'
			},
			communes: [
				{
					code: '01003',
					name: 'Ceyzériat',
					kind: 'ancienne',
					current_code: '01099',
					epci2015_siren: '200000001',
					epci_name: 'CA du Bassin',
					method: 'qpv_info_nom_commune'
				},
				{
					code: '01001',
					name: 'Ambérieu',
					kind: 'actuelle',
					current_code: null,
					epci2015_siren: null,
					epci_name: null,
					method: 'contour'
				}
			],
			references: [
				{ territory_type: 'epci', territory_code: '200000001', data_year: 2016 },
				{ territory_type: 'departement', territory_code: '01', data_year: 2017 }
			]
		});
	});

	it('keeps the columns in the order of the separate reads', async () => {
		const { qpv, communes } = await readsOf('QP001001');
		expect(Object.keys(qpv!)).toEqual(Object.keys(qpvIdentityTable.columns));
		expect(Object.keys(communes[0]!)).toEqual([
			'code',
			'name',
			'kind',
			'current_code',
			'epci2015_siren',
			'epci_name',
			'method'
		]);
	});

	it('gives a QPV without communes or references empty lists, and no identity to an unknown code', async () => {
		expect(await readsOf('QP001002')).toMatchObject({
			qpv: { code: 'QP001002', communes_label: 'Bourg-en-Bresse', contrat_count: 0 },
			communes: [],
			references: []
		});
		expect(await readsOf('QP999999')).toEqual({ qpv: undefined, communes: [], references: [] });
	});

	it('stores the rows by QPV, part and row order', async () => {
		expect(await ctx.db.query('SELECT qpv_code, part, seq FROM qpv_page_rows')).toEqual([
			{ qpv_code: 'QP001001', part: 0, seq: 0 },
			{ qpv_code: 'QP001001', part: 1, seq: 0 },
			{ qpv_code: 'QP001001', part: 1, seq: 1 },
			{ qpv_code: 'QP001001', part: 2, seq: 0 },
			{ qpv_code: 'QP001001', part: 2, seq: 1 },
			{ qpv_code: 'QP001002', part: 0, seq: 1 }
		]);
	});
});
