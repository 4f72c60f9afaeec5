import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BuildDb } from '../../../pipelines/lib/build-db';
import { ColumnBatch } from '../../../pipelines/lib/column-batch';
import { partsLayout } from '../../../pipelines/lib/parts-layout';
import { observationsTable } from '../../../src/lib/schemas/indicators';
import { defineTable } from '../../../src/lib/schemas/table';

describe('partsLayout', () => {
	it('packs the observations into two words, value and line alone', () => {
		const layout = partsLayout(observationsTable, new ColumnBatch(observationsTable));
		expect(layout.stored.map((s) => `${s.name} ${s.type.toString()}`)).toEqual([
			'w0 DOUBLE',
			'w1 DOUBLE',
			'c5 DOUBLE',
			'c8 INTEGER'
		]);
		// First fit in column order, 53 bits a word: indicator 26 bits, territory type 3 (7
		// values + null), vintage 5 and reference year 5 (2000–2030: 31 values + null), status 2
		// (3 + null) make 41 bits of w0; territory code and path (26 each) fill w1.
		expect(layout.fields.map((f) => f && [f.word, f.shift, f.width, f.offset])).toEqual([
			[0, 0, 26, 0],
			[0, 26, 3, 0],
			[1, 0, 26, 0],
			[0, 29, 5, 2000],
			[0, 34, 5, 2000],
			undefined,
			[0, 39, 2, 0],
			[1, 26, 26, 0],
			undefined
		]);
	});
});

const table = defineTable({
	name: 'packed',
	schema: z.object({
		status: z.enum(['ok', 'secret', 'missing']).nullable(),
		year: z.number().int().min(2000).max(2030).nullable(),
		code: z.string(),
		x: z.number().nullable()
	}),
	columns: { status: 'VARCHAR', year: 'INTEGER', code: 'VARCHAR', x: 'DOUBLE' },
	orderBy: ['code', 'year']
});
type Row = z.infer<typeof table.schema>;

const batchOf = (rows: Row[]) => {
	const batch = new ColumnBatch(table);
	for (const r of rows) batch.appendRecord(r);
	return batch;
};

describe('a table of parts with packed columns', () => {
	it('gives back enums, bounded integers and nulls as one write would', async () => {
		// The bounds themselves (2000, 2030), nulls in each packed column, ties on (code, year).
		const rows: Row[] = [
			{ status: 'secret', year: 2030, code: 'b', x: 1.5 },
			{ status: null, year: 2000, code: 'a', x: null },
			{ status: 'ok', year: null, code: 'b', x: -2 },
			{ status: 'missing', year: 2030, code: 'b', x: 0.25 },
			{ status: 'ok', year: 2015, code: 'a', x: 3 }
		];
		const once = await BuildDb.open(':memory:');
		await once.insert(table, rows);
		const parts = await BuildDb.open(':memory:');
		await parts.appendPart(table, batchOf(rows.slice(0, 2)));
		await parts.appendPart(table, batchOf(rows.slice(2)));
		await parts.finishParts(table);
		const read = (db: BuildDb) => db.query(`SELECT * FROM packed ORDER BY rowid`);
		expect(await read(parts)).toEqual([
			{ status: null, year: 2000, code: 'a', x: null },
			{ status: 'ok', year: 2015, code: 'a', x: 3 },
			{ status: 'secret', year: 2030, code: 'b', x: 1.5 },
			{ status: 'missing', year: 2030, code: 'b', x: 0.25 },
			{ status: 'ok', year: null, code: 'b', x: -2 }
		]);
		expect(await read(parts)).toEqual(await read(once));
		await once.close();
		await parts.close();
	});

	it('refuses an integer beyond its schema bounds instead of storing another value', async () => {
		const db = await BuildDb.open(':memory:');
		// ColumnBatch does not validate: 2031 would wrap to another year in a 5-bit field.
		await expect(
			db.appendPart(table, batchOf([{ status: 'ok', year: 2031, code: 'a', x: 1 }]))
		).rejects.toThrow('year hors de son empaquetage (2031)');
		await db.close();
	});
});
