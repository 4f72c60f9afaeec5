import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BuildDb, ROW_GROUP_SIZE } from '../../../pipelines/lib/build-db';
import { ColumnBatch } from '../../../pipelines/lib/column-batch';
import { defineTable } from '../../../src/lib/schemas/table';

const table = defineTable({
	name: 't',
	schema: z.object({
		code: z.string().nullable(),
		n: z.number().int().nullable(),
		x: z.number().nullable(),
		label: z.string().nullable()
	}),
	columns: { code: 'VARCHAR', n: 'INTEGER', x: 'DOUBLE', label: 'VARCHAR' },
	orderBy: ['code', 'n', 'x']
});
type Row = z.infer<typeof table.schema>;

/** Deterministic pseudo-random rows with nulls, ties, non-ASCII text and signed numbers. */
function rows(count: number, seed = 7): Row[] {
	let s = seed;
	const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
	const codes = ['a', 'B', 'é', 'z', '\uFFFD', '😀', "l'Ain", '2A004', '01001', ''];
	return Array.from({ length: count }, (_, i) => ({
		code: next() < 0.05 ? null : codes[Math.floor(next() * codes.length)]!,
		n: next() < 0.05 ? null : Math.floor(next() * 20) - 10,
		x: next() < 0.05 ? null : [0, -0, 1.5, -2.25, 1e300, 55.3][Math.floor(next() * 6)]!,
		// Mostly distinct: past the small-dictionary limit, so staged as text.
		label: next() < 0.05 ? null : `libellé ${i % 5000} « ${i % 7} »`
	}));
}

/** -0 and 0 are one value for DuckDB's ordering; compared as one here too. */
const zero = (r: Row): Row => ({ ...r, x: r.x === 0 ? 0 : r.x });

async function stored(db: BuildDb, name = 't'): Promise<Row[]> {
	return (await db.query<Row>(`SELECT code, n, x, label FROM "${name}" ORDER BY rowid`)).map(zero);
}

describe('BuildDb.insert, first write', () => {
	it('stores rows as DuckDB ORDER BY orders them (UTF-8 bytes, NULLS LAST), ties in insertion order', async () => {
		const data = rows(3000);
		const db = await BuildDb.open(':memory:');
		await db.insert(table, data);
		const back = await stored(db);
		await db.run('CREATE TABLE u (i INTEGER, code VARCHAR, n INTEGER, x DOUBLE)');
		await db.run(
			`INSERT INTO u SELECT * FROM (VALUES ${data
				.map(
					(r, i) =>
						`(${i}, ${r.code === null ? 'NULL' : `'${r.code.replaceAll("'", "''")}'`}, ${r.n ?? 'NULL'}, ${r.x ?? 'NULL'})`
				)
				.join(', ')})`
		);
		const theirs = await db.query<{ i: number }>('SELECT i FROM u ORDER BY code, n, x, i');
		// Ties on (code, n, x) keep their insertion order: the labels say which row is which.
		expect(back).toEqual(theirs.map((r) => zero(data[r.i]!)));
		await db.close();
	});
});

describe('BuildDb.insert', () => {
	it('writes back every value, nulls and quotes included, and the first write in orderBy order', async () => {
		const db = await BuildDb.open(':memory:');
		const data = rows(140_000); // more than one DuckDB row group (122,880 rows)
		await db.insert(table, data);
		const back = await stored(db);
		const expected = await db.query<Row>('SELECT code, n, x, label FROM t ORDER BY code, n, x');
		expect(back.length).toBe(data.length);
		// Same rows as given …
		const key = (r: Row) => JSON.stringify([r.code, r.n, r.x === 0 ? 0 : r.x, r.label]);
		expect(back.map(key).sort()).toEqual(data.map(key).sort());
		// … physically stored in order (no rewrite needed at the end).
		expect(back.map((r) => [r.code, r.n, r.x])).toEqual(expected.map((r) => [r.code, r.n, r.x]));
		expect(db.tableState('t')).toBe('sorted');
		await db.close();
	});

	it('keeps a column of nulls only, a NUL character and an empty batch', async () => {
		const db = await BuildDb.open(':memory:');
		expect(await db.insert(table, [])).toBe(0);
		expect(db.tableState('t')).toBe('empty');
		await db.insert(table, [
			{ code: 'a\0b', n: null, x: null, label: null },
			{ code: "it's", n: 2147483647, x: -1.5, label: null }
		]);
		expect(await stored(db)).toEqual([
			{ code: 'a\0b', n: null, x: null, label: null },
			{ code: "it's", n: 2147483647, x: -1.5, label: null }
		]);
		await db.close();
	});

	it('refuses a value of the wrong type instead of storing something else', async () => {
		const db = await BuildDb.open(':memory:');
		const bad = { code: 'a', n: 1.5, x: 1, label: null } as unknown as Row;
		await expect(db.insert(table, [bad])).rejects.toThrow(/entier 32 bits attendu, reçu 1.5/);
		await db.close();
	});
});

describe('BuildDb.sortAll', () => {
	it('sorts a table written twice or by SQL, and leaves tables already in order', async () => {
		const db = await BuildDb.open(':memory:');
		const other = { ...table, name: 'other' };
		await db.insert(other, rows(500, 3));
		await db.insert(table, rows(500, 1));
		await db.insert(table, rows(500, 2));
		expect(db.tableState('t')).toBe('unsorted');
		// Reading `other` while writing `t` does not make `other` unsorted.
		await db.run('INSERT INTO t SELECT * FROM other WHERE n = 3');
		expect(db.tableState('other')).toBe('sorted');
		await db.sortAll();
		expect(db.tableState('t')).toBe('sorted');
		const back = await stored(db);
		const expected = await db.query<Row>(
			'SELECT code, n, x, label FROM t ORDER BY code, n, x, label'
		);
		expect(back).toEqual(expected.map(zero));
		await db.close();
	});
});

describe('BuildDb.appendPart and finishParts', () => {
	it('store a table written in parts exactly as one first write of all its rows', async () => {
		const data = rows(3000, 11);
		const batchOf = (part: Row[]) => {
			const batch = new ColumnBatch(table);
			for (const r of part) batch.appendRecord(r);
			return batch;
		};
		const once = await BuildDb.open(':memory:');
		await once.insert(table, data);
		const parts = await BuildDb.open(':memory:');
		// Uneven parts: ties on (code, n, x) cross part boundaries and must keep the arrival order.
		for (const [from, to] of [
			[0, 1000],
			[1000, 1001],
			[1001, 3000]
		] as const)
			await parts.appendPart(table, batchOf(data.slice(from, to)));
		expect(parts.tableState('t')).toBe('empty');
		await parts.finishParts(table);
		expect(await stored(parts)).toEqual(await stored(once));
		expect(parts.tableState('t')).toBe('sorted');
		const staging = await parts.query<{ n: number }>(
			"SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '__parts_%'"
		);
		expect(staging[0]!.n).toBe(0);
		await once.close();
		await parts.close();
	});
});

describe('BuildDb.finishParts with a large dictionary in the order', () => {
	it('sorts by text of a dictionary past the small-dictionary limit as one write would', async () => {
		// `label` (5,000 distinct strings) sorts as text, `code` (10) through its rank. The second
		// part spans several full chunks: a reused chunk must not keep the nulls of the one before.
		const byLabel = defineTable({ ...table, orderBy: ['label', 'code', 'n'] });
		const data = rows(6000, 3);
		const once = await BuildDb.open(':memory:');
		await once.insert(byLabel, data);
		const parts = await BuildDb.open(':memory:');
		for (const part of [data.slice(0, 1000), data.slice(1000)]) {
			const batch = new ColumnBatch(byLabel);
			for (const r of part) batch.appendRecord(r);
			await parts.appendPart(byLabel, batch);
		}
		await parts.finishParts(byLabel);
		expect(await stored(parts)).toEqual(await stored(once));
		await once.close();
		await parts.close();
	});
});

describe('BuildDb.insertSorted with a key', () => {
	const noted = defineTable({
		name: 't',
		schema: table.schema.extend({ note: z.string() }),
		columns: { ...table.columns, note: 'VARCHAR' },
		orderBy: ['code', 'n', 'x']
	});
	it('orders by orderBy then the key alone: the order by every column when the key identifies rows', async () => {
		// Distinct labels, given in reverse order: ties on (code, n, x) must follow the label, not
		// the order of the SELECT; the note after the key must not matter.
		const data = rows(600).map((r, i) => ({ ...r, label: `l${String(599 - i).padStart(3, '0')}` }));
		const values = data
			.map(
				(r, i) =>
					`(${r.code === null ? 'NULL' : `'${r.code.replaceAll("'", "''")}'`}, ${r.n ?? 'NULL'}, ${r.x ?? 'NULL'}, '${r.label}', 'n${i % 3}')`
			)
			.join(', ');
		const select = `SELECT * FROM (VALUES ${values}) v(code, n, x, label, note)`;
		const byKey = await BuildDb.open(':memory:');
		await byKey.insertSorted(noted, select, ['label']);
		const byAll = await BuildDb.open(':memory:');
		await byAll.insertSorted(noted, select);
		const keyed = await stored(byKey);
		expect(keyed).toEqual(await stored(byAll));
		const expected = await byKey.query<Row>(
			`SELECT code, n, x, label FROM (${select}) ORDER BY code, n, x, label`
		);
		expect(keyed).toEqual(expected.map(zero));
		expect(byKey.tableState('t')).toBe('sorted');
		await byKey.close();
		await byAll.close();
	});
});

describe('BuildDb.insertInOrder', () => {
	it('stores the rows in the order of the sort key, which it does not store', async () => {
		const db = await BuildDb.open(':memory:');
		// The key follows orderBy (code, n, x) and, on the tie, puts label 'y' before 'x', which
		// neither the SELECT's order nor an order by every column would.
		await db.insertInOrder(
			table,
			`SELECT * FROM (VALUES ('b', 1, 1.5, 'z', 3), ('a', 1, 1.5, 'x', 2), ('a', 1, 1.5, 'y', 1))
				v(code, n, x, label, k)`,
			'k'
		);
		expect(await stored(db)).toEqual([
			{ code: 'a', n: 1, x: 1.5, label: 'y' },
			{ code: 'a', n: 1, x: 1.5, label: 'x' },
			{ code: 'b', n: 1, x: 1.5, label: 'z' }
		]);
		expect((await db.query('DESCRIBE t')).map((c) => c.column_name)).toEqual([
			'code',
			'n',
			'x',
			'label'
		]);
		expect(db.tableState('t')).toBe('sorted');
		await expect(db.insertInOrder(table, 'SELECT 1', 'k')).rejects.toThrow('déjà remplie');
		await db.close();
	});

	it('turns columns carried through the sort as codes back into text after it', async () => {
		const db = await BuildDb.open(':memory:');
		// `c` is the code's rank in the list; the key puts the rows in the reverse of their order here.
		await db.insertInOrder(
			table,
			`SELECT * FROM (VALUES (2, 1, 1.5, 'z', 3), (1, 2, NULL, 'x', 2), (1, 1, -2.25, NULL, 1))
				v(c, n, x, label, k)`,
			'k',
			["(['a', 'l''Ain'])[s.c] AS code", 's.n', 's.x', 's.label']
		);
		expect(await stored(db)).toEqual([
			{ code: 'a', n: 1, x: -2.25, label: null },
			{ code: 'a', n: 2, x: null, label: 'x' },
			{ code: "l'Ain", n: 1, x: 1.5, label: 'z' }
		]);
		expect(db.tableState('t')).toBe('sorted');
		await db.close();
	});
});

describe('BuildDb.writePartsUpTo', () => {
	const batchOf = (part: Row[]) => {
		const batch = new ColumnBatch(table);
		for (const r of part) batch.appendRecord(r);
		return batch;
	};

	it('writes the first rows of the order early and the rest at the end, as one write would', async () => {
		const data = rows(3000, 5);
		// Codes up to `B` (bytes: '' < '01001' < '2A004' < 'B') arrive first, the others after.
		const early = data.filter((r) => r.code !== null && r.code <= 'B');
		const late = data.filter((r) => r.code === null || r.code > 'B');
		const once = await BuildDb.open(':memory:');
		await once.insert(table, [...early, ...late]);
		const parts = await BuildDb.open(':memory:');
		await parts.appendPart(table, batchOf(early));
		await parts.writePartsUpTo(table, 'B');
		expect((await parts.query('SELECT count(*)::INTEGER AS n FROM t'))[0]).toEqual({
			n: early.length
		});
		await parts.appendPart(table, batchOf(late.slice(0, 1000)));
		await parts.appendPart(table, batchOf(late.slice(1000)));
		await parts.finishParts(table);
		expect(await stored(parts)).toEqual(await stored(once));
		await once.close();
		await parts.close();
	});

	it('writes in parts by one packed key (text ranks, integers, nulls last) as one write would', async () => {
		// No DOUBLE in the order: `code` and `n` sort as one integer, ties (x, label) in arrival order.
		const byCode = defineTable({ ...table, orderBy: ['code', 'n'] });
		const data = rows(3000, 9);
		const early = data.filter((r) => r.code !== null && r.code <= 'B');
		const late = data.filter((r) => r.code === null || r.code > 'B');
		const once = await BuildDb.open(':memory:');
		await once.insert(byCode, [...early, ...late]);
		const parts = await BuildDb.open(':memory:');
		const batchBy = (part: Row[]) => {
			const batch = new ColumnBatch(byCode);
			for (const r of part) batch.appendRecord(r);
			return batch;
		};
		await parts.appendPart(byCode, batchBy(early));
		await parts.writePartsUpTo(byCode, 'B');
		await parts.appendPart(byCode, batchBy(late.slice(0, 700)));
		await parts.appendPart(byCode, batchBy(late.slice(700)));
		await parts.finishParts(byCode);
		const back = await stored(parts);
		expect(back).toEqual(await stored(once));
		// The order checked by hand on its first rows: codes by UTF-8 bytes, then n, nulls last.
		const firstCode = back[0]!.code;
		expect(firstCode).toBe('');
		const ns = back.filter((r) => r.code === '').map((r) => r.n);
		const nonNull = ns.filter((n) => n !== null) as number[];
		expect(nonNull).toEqual([...nonNull].sort((a, b) => a - b));
		expect(ns.slice(nonNull.length).every((n) => n === null)).toBe(true);
		expect(back.at(-1)!.code).toBeNull();
		await once.close();
		await parts.close();
	});

	it('stops when a row that belongs before a written bound arrives after the write', async () => {
		const db = await BuildDb.open(':memory:');
		await db.appendPart(table, batchOf([{ code: 'a', n: 1, x: 1, label: 'x' }]));
		await db.writePartsUpTo(table, 'a');
		await db.appendPart(table, batchOf([{ code: 'B', n: 1, x: 1, label: 'y' }]));
		await expect(db.finishParts(table)).rejects.toThrow('ajoutées après leur écriture');
		await db.close();
	});
});

describe('BuildDb.rowCounts', () => {
	it('counts every table in one query, by name in alphabetical order, an empty table included', async () => {
		const db = await BuildDb.open(':memory:');
		await db.insert({ ...table, name: 'zeta' }, rows(37));
		await db.insert({ ...table, name: 'alpha' }, rows(5));
		await db.create({ ...table, name: 'empty' });
		await db.insert({ ...table, name: 'alpha' }, rows(3, 9));
		const counts = await db.rowCounts();
		expect(counts).toEqual({ alpha: 8, empty: 0, zeta: 37 });
		expect(Object.keys(counts)).toEqual(['alpha', 'empty', 'zeta']);
		await db.close();
	});
});

describe('BuildDb.open', () => {
	it('writes its file in row groups of ROW_GROUP_SIZE rows, under a path with an apostrophe', async () => {
		const dir = mkdtempSync(join(tmpdir(), "build-db-l'essai-"));
		const path = join(dir, 'base.duckdb');
		try {
			const db = await BuildDb.open(path);
			await db.insert(table, rows(40_000));
			await db.close();
			const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
			const connection = await instance.connect();
			const reader = await connection.runAndReadAll(
				`SELECT count(DISTINCT row_group_id)::INTEGER AS groups FROM pragma_storage_info('t')`
			);
			connection.closeSync();
			instance.closeSync();
			expect(ROW_GROUP_SIZE).toBe(16_384);
			// 40,000 rows: 16,384 + 16,384 + 7,232, where DuckDB's default would keep one group.
			expect(reader.getRowObjectsJS()[0]!.groups).toBe(3);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
