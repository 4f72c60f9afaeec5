// The page models of the contrat and QPV pages, on a small territory worked out by hand below:
// two contrats, two QPV, three communes, three cités, four post records and their links.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { pageModelSteps } from '../../../pipelines/steps/page-models';
import { runSteps } from './memory-context';

/**
 * CV001 is the EPCI 200000001 (communes 01001 and 01003, which became 01099); CV002 is the commune
 * 01002. QP001001 (no label) lies in 01001 and 01003, QP001002 in 01002. Only the columns the
 * steps read are created.
 */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const sql of [
			`CREATE TABLE contrats AS SELECT * FROM (VALUES ('CV001', 'CA du Bassin', '200000001', NULL),
			   ('CV002', 'Bourg', NULL, '01002')) t(code, name, epci2015_siren, commune_code)`,
			`CREATE TABLE departements AS SELECT '01' AS code, 'Ain' AS name`,
			`CREATE TABLE regions AS SELECT '84' AS code, 'Auvergne-Rhône-Alpes' AS name`,
			`CREATE TABLE qpv_boundaries AS SELECT 'QP001002' AS qpv_code, '{"type":"Polygon"}' AS geometry`,
			`CREATE TABLE communes AS SELECT * FROM (VALUES ('01001', 'Ambérieu', '200000001', NULL, 'actuelle'),
			   ('01002', 'Bourg', '200000002', NULL, 'actuelle'),
			   ('01003', 'Ceyzériat', '200000001', '01099', 'ancienne'))
			   t(code, name, epci2015_siren, current_code, kind)`,
			`CREATE TABLE epci AS SELECT '200000001' AS siren, 'CA du Bassin' AS name`,
			// QP001003 has no contrat.
			`CREATE TABLE qpv AS SELECT *, '01' AS departement_code, '84' AS region_code,
			   NULL AS main_commune_code FROM (VALUES ('QP001001', 'Les Prés', NULL, 1200, 1100),
			   ('QP001002', 'Centre', 'Bourg-en-Bresse', NULL, 900), ('QP001003', 'Gare', 'Bourg', 10, 20))
			   t(code, name, communes_label, population_2013, population_2018)`,
			`CREATE TABLE qpv_contrat AS SELECT * FROM (VALUES ('QP001001', 'CV001', 'commune_epci2015'),
			   ('QP001002', 'CV002', 'qpv_info')) t(qpv_code, contrat_code, method)`,
			// QP001001's commune named by qpv_info is 01003: it comes first on its page.
			`CREATE TABLE qpv_communes AS SELECT * FROM (VALUES ('QP001001', '01003', 'qpv_info_nom_commune'),
			   ('QP001001', '01001', 'contour'), ('QP001002', '01002', 'qpv_info_nom_commune'))
			   t(qpv_code, commune_code, method)`,
			// E1 lies in 01099 (CV001 through a current code), M1 in 01002 (CV002 twice: commune and
			// QPV), E2 in a commune of no contrat.
			`CREATE TABLE cites AS SELECT * FROM (VALUES ('cite_educative', 'E1', 'Cité A', 'X', 'ce.geojson'),
			   ('cite_emploi', 'M1', 'Cité B', 'Bourg', 'cde.geojson'),
			   ('cite_educative', 'E2', 'Cité C', 'Y', 'ce.geojson'))
			   t(kind, id, name, communes_label, source_path)`,
			`CREATE TABLE cite_communes AS SELECT * FROM (VALUES ('cite_educative', 'E1', '01099'),
			   ('cite_emploi', 'M1', '01002'), ('cite_educative', 'E2', '09999')) t(kind, cite_id, commune_code)`,
			// CV001 is named by three records (once twice in one list): 1,000 + 500 + 200 €.
			`CREATE TABLE dispositif_posts AS SELECT * FROM (VALUES ('adulte_relais', 2020, 1000.0, 'CV001'),
			   ('adulte_relais', 2020, 500.0, 'CV001,CV002'), ('adulte_relais', 2020, 200.0, 'CV001,CV001'),
			   ('fonjep', 2021, NULL, 'CV002')) t(kind, year, amount_eur, contrat_codes)`,
			`CREATE TABLE post_contrats AS SELECT * FROM (VALUES
			   ('adulte_relais', 2020, 'p1', 'CV001', 1, false, 'ar-2020.json'),
			   ('adulte_relais', 2020, 'p2', 'CV001', 2, true, 'ar-2020.json'),
			   ('adulte_relais', 2020, 'p2', 'CV002', 2, true, 'ar-2020.json'),
			   ('fonjep', 2021, 'f1', 'CV002', 1, false, 'fonjep-2021.json'))
			   t(kind, year, post_id, contrat_code, contrat_count, via_multi_code, source_path)`
		])
			await ctx.db.run(sql);
	}
};

let ctx: BuildContext;
beforeAll(async () => {
	ctx = await runSteps('', [fixture, ...pageModelSteps]);
});

const rows = (sql: string) => ctx.db.query<Record<string, unknown>>(sql);

describe('contrat page models', () => {
	it('names the communes of a QPV without a label, in alphabetical order', async () => {
		expect(await rows('SELECT contrat_code, code, communes, method FROM contrat_qpv')).toEqual([
			{
				contrat_code: 'CV001',
				code: 'QP001001',
				communes: 'Ambérieu, Ceyzériat',
				method: 'commune_epci2015'
			},
			{ contrat_code: 'CV002', code: 'QP001002', communes: 'Bourg-en-Bresse', method: 'qpv_info' }
		]);
	});

	it('finds each cité once, through a current commune code or the contrat’s own commune', async () => {
		expect(await rows('SELECT contrat_code, id FROM contrat_cites')).toEqual([
			{ contrat_code: 'CV001', id: 'E1' },
			{ contrat_code: 'CV002', id: 'M1' }
		]);
	});

	it('counts each post once and sums the amounts of the records naming the contrat', async () => {
		expect(
			await rows(
				'SELECT contrat_code, kind, year, posts, shared_posts, amount_eur FROM contrat_posts'
			)
		).toEqual([
			{
				contrat_code: 'CV001',
				kind: 'adulte_relais',
				year: 2020,
				posts: 2,
				shared_posts: 1,
				amount_eur: 1700
			},
			{
				contrat_code: 'CV002',
				kind: 'adulte_relais',
				year: 2020,
				posts: 1,
				shared_posts: 1,
				amount_eur: 500
			},
			{
				contrat_code: 'CV002',
				kind: 'fonjep',
				year: 2021,
				posts: 1,
				shared_posts: 0,
				amount_eur: null
			}
		]);
	});

	it('lists the other contrats of each shared post', async () => {
		expect(await rows('SELECT contrat_code, post_id, others FROM contrat_shared_posts')).toEqual([
			{ contrat_code: 'CV001', post_id: 'p2', others: 'CV002' },
			{ contrat_code: 'CV002', post_id: 'p2', others: 'CV001' }
		]);
	});
});

describe('qpv_identity', () => {
	it('gives each QPV its contrat (or none, counted 0), its département, région and contour', async () => {
		expect(
			await rows(
				`SELECT code, departement, region, contrat_code, contrat_name, contrat_count, boundary
				 FROM qpv_identity`
			)
		).toEqual([
			{
				code: 'QP001001',
				departement: 'Ain',
				region: 'Auvergne-Rhône-Alpes',
				contrat_code: 'CV001',
				contrat_name: 'CA du Bassin',
				contrat_count: 1,
				boundary: null
			},
			{
				code: 'QP001002',
				departement: 'Ain',
				region: 'Auvergne-Rhône-Alpes',
				contrat_code: 'CV002',
				contrat_name: 'Bourg',
				contrat_count: 1,
				boundary: '{"type":"Polygon"}'
			},
			{
				code: 'QP001003',
				departement: 'Ain',
				region: 'Auvergne-Rhône-Alpes',
				contrat_code: null,
				contrat_name: null,
				contrat_count: 0,
				boundary: null
			}
		]);
	});
});

describe('qpv_commune_list', () => {
	it('lists the commune named by qpv_info first, each with its EPCI of 2015 when known', async () => {
		expect(
			await rows('SELECT qpv_code, position, code, kind, epci_name, method FROM qpv_commune_list')
		).toEqual([
			{
				qpv_code: 'QP001001',
				position: 1,
				code: '01003',
				kind: 'ancienne',
				epci_name: 'CA du Bassin',
				method: 'qpv_info_nom_commune'
			},
			{
				qpv_code: 'QP001001',
				position: 2,
				code: '01001',
				kind: 'actuelle',
				epci_name: 'CA du Bassin',
				method: 'contour'
			},
			{
				qpv_code: 'QP001002',
				position: 1,
				code: '01002',
				kind: 'actuelle',
				epci_name: null,
				method: 'qpv_info_nom_commune'
			}
		]);
	});
});
