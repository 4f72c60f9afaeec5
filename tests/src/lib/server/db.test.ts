// rowObjects (db.ts): a materialized result's rows read synchronously from its chunks, the values
// getRowObjectsJS() gives with BIGINT as numbers, on an in-memory DuckDB.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowObjects } from '../../../../src/lib/server/db';

let conn: DuckDBConnection;
beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
});

const read = async (sql: string) => rowObjects(await (await conn.prepare(sql)).run());

describe('rowObjects', () => {
	it('reads plain columns: short and long texts, nulls, integers, doubles, booleans', async () => {
		expect(
			await read(`SELECT * FROM (VALUES
			  ('qpv', 'revenu_disponible_median', 2018, 21480.5, true),
			  (NULL, 'Évry-Courcouronnes', NULL, NULL, NULL),
			  ('', 'a', -3, 0.1, false)) t(short, long, i, d, b)`)
		).toEqual([
			{ short: 'qpv', long: 'revenu_disponible_median', i: 2018, d: 21480.5, b: true },
			{ short: null, long: 'Évry-Courcouronnes', i: null, d: null, b: null },
			{ short: '', long: 'a', i: -3, d: 0.1, b: false }
		]);
	});

	it('turns a BIGINT into a number, null staying null', async () => {
		const rows = await read(`SELECT * FROM (VALUES (1::BIGINT, 'x'), (NULL, 'y')) t(n, s)`);
		expect(rows).toEqual([
			{ n: 1, s: 'x' },
			{ n: null, s: 'y' }
		]);
		expect(typeof rows[0]!.n).toBe('number');
	});

	it('reads every chunk of a long result, in order (5,000 rows: three chunks of 2,048)', async () => {
		const rows = await read(
			`SELECT range::INTEGER AS i, 'ligne ' || range AS label FROM range(5000) ORDER BY range`
		);
		expect(rows).toHaveLength(5000);
		expect(rows[0]).toEqual({ i: 0, label: 'ligne 0' });
		expect(rows[2048]).toEqual({ i: 2048, label: 'ligne 2048' });
		expect(rows[4999]).toEqual({ i: 4999, label: 'ligne 4999' });
	});

	it('gives the same rows as getRowObjectsJS for an empty result and duplicated names', async () => {
		expect(await read(`SELECT 1 AS a WHERE false`)).toEqual([]);
		const twice = `SELECT 1 AS a, 2 AS a`;
		expect(await read(twice)).toEqual([{ a: 1, 'a:1': 2 }]);
		expect(await read(twice)).toEqual((await conn.runAndReadAll(twice)).getRowObjectsJS());
	});
});
