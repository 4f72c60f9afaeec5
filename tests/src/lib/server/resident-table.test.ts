// resident-table.ts: rows held in memory by column give, key by key, exactly what the per-key
// DuckDB query gives (coded texts with quotes, kept strings, nulls, NaN, a column of nulls only,
// filtered rows), on an in-memory DuckDB; a table whose rows of one key do not follow one another
// is refused.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowObjects } from '../../../../src/lib/server/db';
import {
	keyQuery,
	loadResidentTable,
	type ResidentSpec
} from '../../../../src/lib/server/resident-table';

let conn: DuckDBConnection;
beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`CREATE TABLE series AS SELECT * FROM (VALUES
		('qpv', 'QP001', 'taux_pauvrete', 2017, 41.5, 'ok', NULL, '["a",1]'),
		('qpv', 'QP001', 'taux_pauvrete', 2018, NULL, 'secret', NULL, NULL),
		('qpv', 'QP001', 'part_l''île', NULL, 'nan'::DOUBLE, 'ok', NULL, '["Évry-Courcouronnes"]'),
		('qpv', 'QP002', NULL, 2019, -0.25, 'ok', NULL, ''),
		('commune', 'QP003', 'taux_pauvrete', 2017, 12.0, 'ok', NULL, 'x'),
		('qpv', 'QP003', 'taux_pauvrete', 2020, 1e300, 'ok', NULL, 'y')
	) t(territory_type, code, indicator_id, period, value, status, note, row)`);
	await conn.run(`CREATE TABLE shuffled AS SELECT * FROM (VALUES
		('QP001', 1), ('QP002', 2), ('QP001', 3)) t(code, n)`);
});

const spec: ResidentSpec = {
	table: 'series',
	where: `territory_type = 'qpv'`,
	key: 'code',
	columns: [
		['indicator_id', 'text'],
		['period', 'integer'],
		['value', 'double'],
		['status', 'text'],
		['note', 'text'],
		['row', 'string']
	]
};

async function byQuery(key: string) {
	const prepared = await conn.prepare(keyQuery(spec));
	prepared.bindVarchar(1, key);
	return rowObjects(await prepared.run());
}

describe('loadResidentTable', () => {
	it('gives each key the rows and order of its DuckDB query', async () => {
		const table = await loadResidentTable(conn, spec);
		for (const key of ['QP001', 'QP002', 'QP003', 'QP999']) {
			expect(table.rows(key)).toEqual(await byQuery(key));
		}
		expect(table.rows('QP001')).toEqual([
			{
				indicator_id: 'taux_pauvrete',
				period: 2017,
				value: 41.5,
				status: 'ok',
				note: null,
				row: '["a",1]'
			},
			{
				indicator_id: 'taux_pauvrete',
				period: 2018,
				value: null,
				status: 'secret',
				note: null,
				row: null
			},
			{
				indicator_id: "part_l'île",
				period: null,
				value: NaN,
				status: 'ok',
				note: null,
				row: '["Évry-Courcouronnes"]'
			}
		]);
		// The commune row of QP003 is filtered out; the QPV row keeps its full double.
		expect(table.rows('QP003')).toEqual([
			{
				indicator_id: 'taux_pauvrete',
				period: 2020,
				value: 1e300,
				status: 'ok',
				note: null,
				row: 'y'
			}
		]);
		expect(table.rows('QP999')).toEqual([]);
	});

	it('refuses a table whose rows of one key are not contiguous', async () => {
		await expect(
			loadResidentTable(conn, {
				table: 'shuffled',
				where: 'true',
				key: 'code',
				columns: [['n', 'integer']]
			})
		).rejects.toThrow('shuffled : les lignes de code = QP001 ne se suivent pas');
	});

	it('refuses a column read as another kind than declared', async () => {
		await expect(
			loadResidentTable(conn, { ...spec, columns: [['value', 'integer']] })
		).rejects.toThrow('series.value : type');
	});
});
