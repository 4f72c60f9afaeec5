// qpv_page_rows on a few rows written by hand: the QPV page's reads (identity, communes,
// references, the references' charted series, latest ranks, its own charted series) as one JSON array per row, read back by
// the page's parser into the objects the separate reads gave, texts with quotes, backslashes,
// accents and nulls included, doubles to the last bit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { qpvPageRowsStep } from '../../../pipelines/steps/qpv-page-rows';
import { canonicalSeriesTable, qpvReferencesTable } from '../../../src/lib/schemas/evaluation';
import { qpvRanksTable } from '../../../src/lib/schemas/indicators';
import { qpvCommuneListTable, qpvIdentityTable } from '../../../src/lib/schemas/page-models';
import { qpvPageReads } from '../../../src/lib/server/queries/quartiers';
import { runSteps } from './memory-context';

/**
 * QP001001 is compared with the EPCI 200000001 in 2016 and 2018 (its series is copied once) and
 * with the département 01 in 2017. Of canonical_series, only taux_emploi and tx_pauvrete_60 of
 * these two territories are charted (not pop_mun, not the commune 01002), taux_emploi written out
 * of order. Ranks: QP001001's taux_emploi in 2013, 2016 and 2019 (latest 2019), tx_pauvrete_60
 * only in 2014 and 2023 (outside 2015–2022: no row), revenu_disponible_median in 2022 and 2021,
 * written out of order (latest 2022); QP001002's taux_emploi as a vintage in 2015 only. Own series:
 * QP001001's taux_emploi in 2018 and 2016 (written out of order) and pop_mun (not charted);
 * QP009999, which has no identity row, has no page.
 */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const table of [
			qpvIdentityTable,
			qpvCommuneListTable,
			qpvReferencesTable,
			canonicalSeriesTable,
			qpvRanksTable
		])
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
		   ('QP001001', 2017, 'departement', 'departement', '01', 'qpv'),
		   ('QP001001', 2018, 'epci', 'epci', '200000001', 'epci2015')`);
		await ctx.db.run(`INSERT INTO canonical_series VALUES
		   ('taux_emploi', 'epci', '200000001', 2018, 'annee_donnees', 2018, 2021, 0.1::DOUBLE + 0.2::DOUBLE, 'ok',
		    'a "b" \\ c.csv', 3, 0, NULL),
		   ('taux_emploi', 'epci', '200000001', 2017, 'annee_donnees', 2017, 2020, 54.0, 'ok',
		    'a.csv', 2, 0, NULL),
		   ('pop_mun', 'epci', '200000001', 2018, 'annee_donnees', 2018, 2021, 14000, 'ok', 'p.csv',
		    5, 0, NULL),
		   ('tx_pauvrete_60', 'departement', '01', 2018, 'millesime', NULL, 2018, NULL, 'secret',
		    'f.csv', 9, 0, NULL),
		   ('tx_pauvrete_60', 'departement', '01', 2019, 'millesime', NULL, 2019, 1e-7, 'ok',
		    'f.csv', 10, 0, NULL),
		   ('tx_pauvrete_60', 'commune', '01002', 2018, 'annee_donnees', 2018, 2021, 18.0, 'ok',
		    'f.csv', 4, 0, NULL),
		   ('taux_emploi', 'qpv', 'QP001001', 2018, 'annee_donnees', 2018, 2021, 41.5, 'ok',
		    'q "é".csv', 7, 1, NULL),
		   ('pop_mun', 'qpv', 'QP001001', 2018, 'annee_donnees', 2018, 2021, 1200, 'ok', 'p.csv',
		    8, 0, NULL),
		   ('taux_emploi', 'qpv', 'QP001001', 2016, 'annee_donnees', 2016, 2019, NULL, 'secret',
		    'q.csv', 6, 0, NULL),
		   ('taux_emploi', 'qpv', 'QP009999', 2018, 'annee_donnees', 2018, 2021, 40.0, 'ok',
		    'q.csv', 9, 0, NULL)`);
		await ctx.db.run(`INSERT INTO qpv_ranks VALUES
		   ('QP001002', 'taux_emploi', 2015, 'millesime', 7, 9),
		   ('QP001001', 'taux_emploi', 2013, 'annee_donnees', 1, 10),
		   ('QP001001', 'taux_emploi', 2016, 'annee_donnees', 2, 11),
		   ('QP001001', 'taux_emploi', 2019, 'annee_donnees', 3, 12),
		   ('QP001001', 'tx_pauvrete_60', 2014, 'annee_donnees', 4, 13),
		   ('QP001001', 'tx_pauvrete_60', 2023, 'annee_donnees', 5, 14),
		   ('QP001001', 'revenu_disponible_median', 2022, 'annee_donnees', 6, 15),
		   ('QP001001', 'revenu_disponible_median', 2021, 'annee_donnees', 8, 16)`);
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
	it('gives back the identity, communes (in their order), references, series and ranks of a QPV', async () => {
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
				{ territory_type: 'departement', territory_code: '01', data_year: 2017 },
				{ territory_type: 'epci', territory_code: '200000001', data_year: 2018 }
			],
			chartSeries: [
				{
					indicator_id: 'taux_emploi',
					territory_type: 'epci',
					territory_code: '200000001',
					period: 2017,
					period_kind: 'annee_donnees',
					value: 54,
					status: 'ok',
					source_path: 'a.csv'
				},
				{
					indicator_id: 'taux_emploi',
					territory_type: 'epci',
					territory_code: '200000001',
					period: 2018,
					period_kind: 'annee_donnees',
					value: 0.30000000000000004,
					status: 'ok',
					source_path: 'a "b" \\ c.csv'
				},
				{
					indicator_id: 'tx_pauvrete_60',
					territory_type: 'departement',
					territory_code: '01',
					period: 2018,
					period_kind: 'millesime',
					value: null,
					status: 'secret',
					source_path: 'f.csv'
				},
				{
					indicator_id: 'tx_pauvrete_60',
					territory_type: 'departement',
					territory_code: '01',
					period: 2019,
					period_kind: 'millesime',
					value: 1e-7,
					status: 'ok',
					source_path: 'f.csv'
				}
			],
			ranks: [
				{
					indicator_id: 'revenu_disponible_median',
					period: 2022,
					period_kind: 'annee_donnees',
					rank: 6,
					n: 15
				},
				{ indicator_id: 'taux_emploi', period: 2019, period_kind: 'annee_donnees', rank: 3, n: 12 }
			],
			ownChartSeries: [
				{
					indicator_id: 'taux_emploi',
					territory_type: 'qpv',
					period: 2016,
					period_kind: 'annee_donnees',
					value: null,
					status: 'secret',
					source_path: 'q.csv'
				},
				{
					indicator_id: 'taux_emploi',
					territory_type: 'qpv',
					period: 2018,
					period_kind: 'annee_donnees',
					value: 41.5,
					status: 'ok',
					source_path: 'q "é".csv'
				}
			]
		});
	});

	it('keeps the columns in the order of the separate reads', async () => {
		const { qpv, communes, chartSeries, ranks } = await readsOf('QP001001');
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
		expect(Object.keys(chartSeries[0]!)).toEqual([
			'indicator_id',
			'territory_type',
			'territory_code',
			'period',
			'period_kind',
			'value',
			'status',
			'source_path'
		]);
		expect(Object.keys(ranks[0]!)).toEqual(['indicator_id', 'period', 'period_kind', 'rank', 'n']);
	});

	it('gives a QPV without communes or references empty lists, and no identity to an unknown code', async () => {
		expect(await readsOf('QP001002')).toMatchObject({
			qpv: { code: 'QP001002', communes_label: 'Bourg-en-Bresse', contrat_count: 0 },
			communes: [],
			references: [],
			chartSeries: [],
			ranks: [
				{ indicator_id: 'taux_emploi', period: 2015, period_kind: 'millesime', rank: 7, n: 9 }
			],
			ownChartSeries: []
		});
		expect(await readsOf('QP999999')).toEqual({
			qpv: undefined,
			communes: [],
			references: [],
			chartSeries: [],
			ranks: [],
			ownChartSeries: []
		});
	});

	it('stores the rows by QPV, part and row order', async () => {
		expect(await ctx.db.query('SELECT qpv_code, part, seq FROM qpv_page_rows')).toEqual([
			{ qpv_code: 'QP001001', part: 0, seq: 0 },
			{ qpv_code: 'QP001001', part: 1, seq: 0 },
			{ qpv_code: 'QP001001', part: 1, seq: 1 },
			{ qpv_code: 'QP001001', part: 2, seq: 0 },
			{ qpv_code: 'QP001001', part: 2, seq: 1 },
			{ qpv_code: 'QP001001', part: 2, seq: 2 },
			{ qpv_code: 'QP001001', part: 3, seq: 0 },
			{ qpv_code: 'QP001001', part: 3, seq: 1 },
			{ qpv_code: 'QP001001', part: 3, seq: 2 },
			{ qpv_code: 'QP001001', part: 3, seq: 3 },
			{ qpv_code: 'QP001001', part: 4, seq: 0 },
			{ qpv_code: 'QP001001', part: 4, seq: 1 },
			{ qpv_code: 'QP001001', part: 5, seq: 0 },
			{ qpv_code: 'QP001001', part: 5, seq: 1 },
			{ qpv_code: 'QP001002', part: 0, seq: 1 },
			{ qpv_code: 'QP001002', part: 4, seq: 0 }
		]);
	});
});
