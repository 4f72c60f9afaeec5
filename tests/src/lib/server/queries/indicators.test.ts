import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildDb } from '../../../../../pipelines/lib/build-db';
import {
	aggregationText,
	catalogueFilters,
	catalogueQuery,
	directionText,
	vintagesSql
} from '../../../../../src/lib/server/queries/indicators';
import { fixtureDb, runQuery } from '../../../../fixtures/pages/memory-db';

let db: BuildDb;
beforeAll(async () => {
	db = await fixtureDb();
});
afterAll(() => db.close());

describe('catalogueQuery', () => {
	it('filters one pillar through a parameter', async () => {
		const built = catalogueQuery({ pilier: 'cadre_de_vie' });
		expect(built).toMatchObject({ params: ['cadre_de_vie'] });
		const rows = await runQuery<{ id: string }>(db, built);
		expect(rows.map((r) => r.id)).toEqual(['logements_sociaux', 'part_ls']);
	});

	it('lists every indicator without a pillar', async () => {
		const rows = await runQuery<{ id: string }>(db, catalogueQuery({}));
		expect(rows).toHaveLength(5);
	});

	it('rejects an unknown pillar with a French message', () => {
		const parsed = catalogueFilters.safeParse({ pilier: 'logement' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toMatch(/^pilier inconnu/);
	});
});

describe('vintagesSql', () => {
	it('lists vintages with reference years, files and distinct QPV per status', async () => {
		const rows = await runQuery<Record<string, unknown>>(db, { sql: vintagesSql, params: [] });
		expect(rows).toEqual([
			{
				indicator_id: 'tx_pauvrete_60',
				vintage: 2018,
				reference_years: [2018],
				source_paths: ['filosofi-qpv/data_filo18_qp_revdis.csv'],
				qpv_ok: 1,
				qpv_secret: 0
			},
			{
				indicator_id: 'tx_pauvrete_60',
				vintage: 2021,
				reference_years: [2017],
				source_paths: ['sig-ville/REVN_2021.csv'],
				qpv_ok: 1,
				qpv_secret: 0
			},
			{
				indicator_id: 'tx_pauvrete_60',
				vintage: 2022,
				reference_years: [2018],
				source_paths: ['sig-ville/REVN_2022.csv'],
				qpv_ok: 2,
				qpv_secret: 1
			}
		]);
	});
});

describe('aggregationText', () => {
	it('says a sum is partial with secrets and a median is not aggregated', () => {
		expect(aggregationText({ aggregation: 'sum' })).toMatch(/^Somme.*partielle/);
		expect(aggregationText({ aggregation: 'none' })).toMatch(/^Non agrégeable/);
	});
});

describe('directionText', () => {
	it('reads the direction in plain French', () => {
		expect(directionText('down')).toBe('Une baisse est favorable');
		expect(directionText('up')).toBe('Une hausse est favorable');
	});
});
