// A large table written in parts: rows go to a temporary table as they are held in a ColumnBatch
// (text as integer codes, one dictionary table per text column), and one sorted INSERT writes them.
import { sqlString } from '../../src/lib/sql-string';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { z } from 'zod';
import type { TableDef } from '../../src/lib/schemas/table';
import { appendPacked, partsLayout, unpacked, type PartsLayout } from './parts-layout';
import {
	appendDictionary,
	dictionaryLists,
	extendRemap,
	type DictionaryLists
} from './parts-dictionaries';
import type { ColumnBatch } from './column-batch';
import { extendRanges, packOrder, type IntegerRange } from './packed-key';

type AnyTable = TableDef<z.ZodObject>;
/** Up to this many strings, a text column goes through the sort as its rank (see write). */
const SMALL_DICTIONARY = 1024;

export class TableParts {
	private readonly rows: string;
	/** How the rows are stored: small columns packed into words (./parts-layout.ts). */
	private readonly layout: PartsLayout;
	private readonly kinds: string[];
	/** Per text column: the table's code of each string (codes are shared by all the parts). */
	private readonly codes: (Map<string, number> | undefined)[];
	/** What a partial write wrote: rows whose first `orderBy` value is at most `bound`. */
	private written: { bound: string; rows: number; codes: number[] } | undefined;
	/** Per batch and text column: the table's code of each batch code, extended as the batch grows. */
	private readonly remaps = new WeakMap<ColumnBatch, number[][]>();
	/** Position of the first `orderBy` column, and its rows appended per table code (nulls apart). */
	private readonly first: number;
	private readonly firstCounts: number[] = [];
	/** Per integer `orderBy` column: the range of its values so far, and whether one was null. */
	private readonly ranges = new Map<number, IntegerRange>();

	constructor(
		private readonly def: AnyTable,
		batch: ColumnBatch
	) {
		this.rows = `__parts_${def.name}`;
		this.layout = partsLayout(def, batch);
		this.kinds = batch.columns.map((c) => c.kind);
		this.codes = batch.columns.map((c) => (c.kind === 'dict' ? new Map() : undefined));
		this.first = Object.keys(def.columns).indexOf(def.orderBy[0]!);
	}

	private dictionary(i: number): string {
		return `${this.rows}_dict${i}`;
	}

	async create(connection: DuckDBConnection): Promise<void> {
		const columns = this.layout.stored.map((s) => `${s.name} ${s.type.toString()}`).join(', ');
		await connection.run(`CREATE TEMP TABLE "${this.rows}" (${columns})`);
		for (let i = 0; i < this.kinds.length; i++) {
			if (this.codes[i])
				await connection.run(
					`CREATE TEMP TABLE "${this.dictionary(i)}" (code INTEGER, value VARCHAR)`
				);
		}
	}

	/** Appends a batch: first the strings its text columns add to the dictionaries, then its rows. */
	async append(connection: DuckDBConnection, batch: ColumnBatch): Promise<void> {
		if (batch.length === 0) return;
		if (batch.columns.map((c) => c.kind).join() !== this.kinds.join())
			throw new Error(`table ${this.def.name} : parties de colonnes différentes`);
		const remaps = this.remaps.get(batch) ?? batch.columns.map(() => []);
		this.remaps.set(batch, remaps);
		for (let i = 0; i < batch.columns.length; i++) {
			const codes = this.codes[i];
			if (!codes) continue;
			const added = extendRemap(codes, batch.columns[i]!.values, remaps[i]!);
			if (added.length > 0) await appendDictionary(connection, this.dictionary(i), codes, added);
		}
		this.countFirst(batch, remaps[this.first]!);
		const names = Object.keys(this.def.columns);
		const integers = this.def.orderBy.map((c) => names.indexOf(c));
		extendRanges(
			this.ranges,
			batch,
			integers.filter((i) => this.kinds[i] === 'int')
		);
		const appender = await connection.createAppender(this.rows, 'main', 'temp');
		appendPacked(
			appender,
			this.layout,
			batch,
			remaps.map((r, i) => (this.codes[i] ? r : undefined))
		);
	}

	/** Counts the batch's rows per table code of the first `orderBy` column, when it is text. */
	private countFirst(batch: ColumnBatch, remap: number[]): void {
		if (!this.codes[this.first]) return;
		const { data, nulls } = batch.columns[this.first]!;
		const counts = this.firstCounts;
		for (let row = 0; row < batch.length; row++) {
			if (nulls[row]) continue;
			const code = remap[data[row]!]!;
			counts[code] = (counts[code] ?? 0) + 1;
		}
	}

	/**
	 * Writes the parts into the table in `orderBy` order, ties in append order: those whose first
	 * `orderBy` value is at most `upTo`, or (no `upTo`) all those not written yet, and then drops the
	 * temporary tables. Text is sorted by its rank in its dictionary (DuckDB's own order of the
	 * values): integers sort faster than strings. A text column with a small dictionary is carried
	 * through the sort as that rank and turned back into text after it, from a list literal: long
	 * strings in the sorted rows made the sort about twice as slow.
	 */
	async write(connection: DuckDBConnection, upTo?: string): Promise<void> {
		const names = Object.keys(this.def.columns);
		const types = names.map((name) => this.def.columns[name]!);
		const lists: (DictionaryLists | undefined)[] = [];
		for (let i = 0; i < names.length; i++) {
			const codes = this.codes[i];
			const small = codes && types[i] === 'VARCHAR' && codes.size <= SMALL_DICTIONARY;
			lists.push(small ? await dictionaryLists(connection, this.dictionary(i), codes) : undefined);
		}
		// A small dictionary's rank and string come from list literals; a large one's from a join.
		const rank = names.map((_, i) => {
			const list = lists[i];
			return list ? `${list.ranks}[p.c${i} + 1]` : `d${i}.r`;
		});
		const values = names.map((_, i) => {
			const list = lists[i];
			return list ? `${list.values}[${rank[i]}]` : this.value(i, types[i]!, `d${i}.value`);
		});
		const joins = names.map((_, i) => {
			if (!this.codes[i] || lists[i]) return '';
			const ranked = `SELECT code, value, rank() OVER (ORDER BY ${this.value(i, types[i]!, 'value')}) AS r
				FROM temp.main."${this.dictionary(i)}"`;
			return ` LEFT JOIN (${ranked}) d${i} ON d${i}.code = p.c${i}`;
		});
		const keys = this.def.orderBy.map((c) => {
			const i = names.indexOf(c);
			return this.codes[i] ? rank[i]! : values[i]!;
		});
		const from = `FROM (${unpacked(this.layout, this.rows)}) p${joins.join('')}`;
		const where = await this.range(connection, upTo);
		const sorted = values.map((v, i) => `${lists[i] ? rank[i] : v} AS v${i}`);
		const restored = names.map((_, i) => (lists[i] ? `${lists[i]!.values}[s.v${i}]` : `s.v${i}`));
		let order = [...keys, 'p.arrival'];
		const packed = packOrder(
			this.def.orderBy.map((c) => {
				const i = names.indexOf(c);
				const codes = this.codes[i];
				if (codes)
					return { column: i, text: { size: codes.size, rank: rank[i], list: lists[i]?.values } };
				return {
					column: i,
					integer: types[i] === 'INTEGER' ? this.ranges.get(i) : undefined
				};
			})
		);
		if (packed) {
			// The columns read back from the key leave the sorted rows: less to carry through the sort.
			for (const [i, restoring] of packed.restore) {
				sorted[i] = '';
				restored[i] = restoring('s.k');
			}
			sorted.push(`${packed.key.key} AS k`);
			order = ['k', 'p.arrival'];
		}
		// DuckDB would try each string compression on every text column; it picks dictionary
		// compression for these columns anyway (one territory, file or indicator per stretch of
		// rows), and trying only that one takes a quarter off the write.
		await connection.run(`SET force_compression = 'dictionary'`);
		try {
			await connection.run(
				`INSERT INTO "${this.def.name}" SELECT ${restored.join(', ')} FROM (
					SELECT ${sorted.filter((v) => v !== '').join(', ')} ${from} ${where}
					ORDER BY ${order.join(', ')}) s`
			);
		} finally {
			await connection.run('RESET force_compression');
		}
		if (upTo !== undefined) return;
		await connection.run(`DROP TABLE temp.main."${this.rows}"`);
		for (let i = 0; i < names.length; i++) {
			if (this.codes[i]) await connection.run(`DROP TABLE temp.main."${this.dictionary(i)}"`);
		}
	}

	/**
	 * The WHERE clause of a write: up to `upTo`, after what was written. A row appended after a
	 * write but belonging before its bound would break the table's order: that stops the build.
	 */
	private async range(connection: DuckDBConnection, upTo?: string): Promise<string> {
		const first = this.first;
		if (!this.codes[first])
			throw new Error(`table ${this.def.name} : écriture partielle sur du texte`);
		const type = this.def.columns[this.def.orderBy[0]!]!;
		// Rows are counted per code as they are appended (countFirst): only the dictionary is read.
		const upToBound = async (bound: string) => {
			const reader = await connection.runAndReadAll(
				`SELECT code FROM temp.main."${this.dictionary(first)}"
				 WHERE ${this.value(first, type, 'value')} <= ${sqlString(bound)} ORDER BY code`
			);
			const codes = reader.getRows().map(([code]) => Number(code));
			let rows = 0;
			for (const code of codes) rows += this.firstCounts[code] ?? 0;
			return { bound, rows, codes };
		};
		const written = this.written;
		if (written && (await upToBound(written.bound)).rows !== written.rows)
			throw new Error(
				`table ${this.def.name} : lignes ≤ « ${written.bound} » ajoutées après leur écriture`
			);
		if (upTo !== undefined) this.written = await upToBound(upTo);
		// By the codes of the values up to the bound: the rows are chosen before any join.
		const column = `p.c${first}`;
		const codes = (w: { codes: number[] }) => w.codes.join(', ');
		const conditions = [
			written && written.codes.length > 0
				? `(${column} NOT IN (${codes(written)}) OR ${column} IS NULL)`
				: '',
			this.written && upTo !== undefined
				? this.written.codes.length > 0
					? `${column} IN (${codes(this.written)})`
					: 'false'
				: ''
		].filter((c) => c !== '');
		return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
	}

	/** The SQL value of column `i` (as ./chunk-stage.ts stagePlan would rebuild it); `text`: its string. */
	private value(i: number, type: string, text: string): string {
		const v = this.codes[i] ? text : `p.c${i}`;
		if (type === 'DATE') return `CAST(${v} AS DATE)`;
		if (type === 'BIGINT') return `CAST(${v} AS BIGINT)`;
		if (type === 'BOOLEAN') return `(${v} <> 0)`;
		return v;
	}
}
