import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildDb } from '../../../../../pipelines/lib/build-db';
import {
	departementLatestAllQuery,
	departementLatestQuery,
	latestNationalQuery,
	nationalSeriesQuery
} from '../../../../../src/lib/server/queries/barometre';
import { runQuery } from '../../../../fixtures/pages/memory-db';
import { referentielsDb } from '../../../../fixtures/mesures/referentiels-db';

let db: BuildDb;
beforeAll(async () => {
	db = await referentielsDb();
});
afterAll(() => db.close());

describe('latestNationalQuery', () => {
	it('passes every id as a parameter, never in the SQL text', () => {
		const built = latestNationalQuery(['IND-311', "x' OR 1=1"]);
		expect(built.params).toEqual(['IND-311', "x' OR 1=1"]);
		expect(built.sql).not.toContain('IND-311');
		expect(built.sql).toContain('$2');
	});

	it('takes the latest date with a value and the target from the target row', async () => {
		const rows = await runQuery(db, latestNationalQuery(['IND-311', 'tx-rate']));
		expect(rows).toEqual([
			{
				indicator_id: 'IND-311',
				label: 'Maisons de santé',
				unit: 'maisons de santé',
				source: 'ditp',
				date: '2023-12-01',
				value: 2501,
				target: 4000,
				target_date: '2026-12-01',
				source_path: 'barometre-ditp/ind-311.csv'
			},
			{
				indicator_id: 'tx-rate',
				label: 'Un taux',
				unit: '% des classes',
				source: 'etalab',
				date: '2021-10-31',
				value: 99.5,
				target: null,
				target_date: null,
				source_path: 'barometre-etalab/x.csv'
			}
		]);
	});

	it('returns nothing for an id absent from barometre_indicators', async () => {
		const rows = await runQuery<{ value: number | null }>(db, latestNationalQuery(['unknown']));
		expect(rows).toEqual([]);
	});
});

describe('nationalSeriesQuery', () => {
	it('lists national rows by date, target row included', async () => {
		const rows = await runQuery<{ date: string; value: number | null }>(
			db,
			nationalSeriesQuery('IND-311')
		);
		expect(rows.map((r) => [r.date, r.value])).toEqual([
			['2022-12-01', 2251],
			['2023-12-01', 2501],
			['2026-12-01', null]
		]);
	});
});

describe('departementLatestQuery', () => {
	it('ranks départements by their latest value, with région and own target', async () => {
		const rows = await runQuery<Record<string, unknown>>(db, departementLatestQuery('IND-311'));
		expect(rows.map((r) => [r.code, r.name, r.region, r.date, r.value, r.target])).toEqual([
			['13', 'Bouches-du-Rhône', 'Provence-Alpes-Côte d’Azur', '2023-12-01', 120, null],
			['01', 'Ain', 'Auvergne-Rhône-Alpes', '2023-12-01', 38, 56]
		]);
	});

	it('keeps one département when asked, as a parameter', async () => {
		const built = departementLatestQuery('IND-311', '01');
		expect(built.params).toEqual(['IND-311', '01']);
		const rows = await runQuery<{ code: string; value: number }>(db, built);
		expect(rows.map((r) => [r.code, r.value])).toEqual([['01', 38]]);
	});

	it('returns nothing for a département without values', async () => {
		expect(await runQuery(db, departementLatestQuery('tx-rate', '01'))).toEqual([]);
	});
});

describe('departementLatestAllQuery', () => {
	it('gives each indicator and département the row departementLatestQuery gives for it', async () => {
		const rows = await runQuery<Record<string, unknown>>(
			db,
			departementLatestAllQuery(['IND-311', 'tx-rate'])
		);
		expect(rows.map((r) => [r.indicator_id, r.code, r.date, r.value, r.target])).toEqual([
			['IND-311', '01', '2023-12-01', 38, 56],
			['IND-311', '13', '2023-12-01', 120, null],
			['tx-rate', '13', '2021-09-30', 97, null]
		]);
		for (const [id, code] of [
			['IND-311', '01'],
			['IND-311', '13'],
			['tx-rate', '13']
		] as const) {
			const [one] = await runQuery<Record<string, unknown>>(db, departementLatestQuery(id, code));
			expect(rows.find((r) => r.indicator_id === id && r.code === code)).toEqual({
				indicator_id: id,
				...one
			});
		}
	});
});
