import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { packKey } from '../../../pipelines/lib/packed-key';

async function evaluate(sql: string): Promise<unknown[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const rows = (await connection.runAndReadAll(sql)).getRows()[0]!;
	connection.closeSync();
	instance.closeSync();
	return rows.map(Number);
}

describe('packKey', () => {
	it('packs fields in turn, the first in the highest bits, and reads each back', async () => {
		// Sizes 3, 5 and 2 take 2, 3 and 1 bits: (2, 4, 1) → 2·2^4 + 4·2^1 + 1 = 41.
		const key = packKey([
			{ value: '2', size: 3 },
			{ value: '4', size: 5 },
			{ value: '1', size: 2 }
		])!;
		const k = `(${key.key})`;
		expect(
			await evaluate(`SELECT ${k}, ${key.field(0, k)}, ${key.field(1, k)}, ${key.field(2, k)}`)
		).toEqual([41, 2, 4, 1]);
	});

	it('orders as the fields taken in turn', async () => {
		const fields = (a: number, b: number) =>
			packKey([
				{ value: String(a), size: 40000 },
				{ value: String(b), size: 33000 }
			])!.key;
		// 1·2^16 + 0 against 0·2^16 + 32999: the first field wins.
		expect(await evaluate(`SELECT ${fields(1, 0)}, ${fields(0, 32999)}`)).toEqual([65536, 32999]);
	});

	it('gives up beyond 62 bits', () => {
		expect(
			packKey([
				{ value: '0', size: 2 ** 31 },
				{ value: '0', size: 2 ** 31 }
			])
		).toBeDefined();
		expect(
			packKey([
				{ value: '0', size: 2 ** 31 },
				{ value: '0', size: 2 ** 32 }
			])
		).toBeUndefined();
	});
});
