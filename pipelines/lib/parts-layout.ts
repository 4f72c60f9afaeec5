// How a table of parts (./parts.ts) stores its rows: the small columns (text codes, enums, bounded
// integers) packed several to a DOUBLE word, the others one per column. DuckDB's appender costs
// about the same per column whatever its width, so fewer, fuller columns append faster.
import { z } from 'zod';
import {
	DOUBLE,
	INTEGER,
	type DuckDBAppender,
	type DuckDBType,
	type DuckDBVector
} from '@duckdb/node-api';
import type { TableDef } from '../../src/lib/schemas/table';
import { appendChunks, vectorItems } from './chunk-stage';
import type { ColumnBatch } from './column-batch';

type AnyTable = TableDef<z.ZodObject>;

/** Bits of a DOUBLE that hold integers exactly. */
const WORD_BITS = 53;
/** Bits of a text code with no known bound (up to 2^26 - 2 strings per table). */
const TEXT_BITS = 26;
/** An integer column is packed when its schema bounds it within this many bits (null included). */
const INTEGER_BITS = 20;

/** A column packed in a word: its field holds 0 for null, else value - offset + 1. */
interface Field {
	word: number;
	shift: number;
	width: number;
	offset: number;
}

export interface PartsLayout {
	/** The stored columns: `w<k>` words, `c<i>` columns stored alone. */
	stored: { name: string; type: DuckDBType }[];
	/** Per table column: its field, or undefined when stored alone as `c<i>`. */
	fields: (Field | undefined)[];
}

function bits(values: number): number {
	let width = 0;
	while (2 ** width < values) width++;
	return width;
}

/** Width and offset of a column's field, or undefined when it is stored alone. */
function fieldOf(
	def: AnyTable,
	batch: ColumnBatch,
	i: number
): Omit<Field, 'word' | 'shift'> | undefined {
	const column = batch.columns[i]!;
	let schema = (def.schema.shape as Record<string, z.ZodType>)[column.name];
	if (schema instanceof z.ZodNullable) schema = schema.unwrap() as z.ZodType;
	if (column.kind === 'dict') {
		// An enum's strings are its only values once validated (checked as rows are packed).
		const size = schema instanceof z.ZodEnum ? schema.options.length : 2 ** TEXT_BITS - 2;
		return { width: bits(size + 1), offset: 0 };
	}
	if (column.type !== 'INTEGER' || !(schema instanceof z.ZodNumber)) return undefined;
	const { minValue: min, maxValue: max } = schema;
	if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max))
		return undefined;
	const width = bits(max - min + 2);
	return width <= INTEGER_BITS ? { width, offset: min } : undefined;
}

/** Packs the columns that have a field into words, first fit in column order. */
export function partsLayout(def: AnyTable, batch: ColumnBatch): PartsLayout {
	const used: number[] = [];
	const fields = batch.columns.map((_, i): Field | undefined => {
		const field = fieldOf(def, batch, i);
		if (!field) return undefined;
		let word = used.findIndex((u) => u + field.width <= WORD_BITS);
		if (word < 0) word = used.push(0) - 1;
		const shift = used[word]!;
		used[word] = shift + field.width;
		return { ...field, word, shift };
	});
	const stored = used.map((_, k) => ({ name: `w${k}`, type: DOUBLE as DuckDBType }));
	batch.columns.forEach((c, i) => {
		if (!fields[i]) stored.push({ name: `c${i}`, type: c.kind === 'float' ? DOUBLE : INTEGER });
	});
	return { stored, fields };
}

/**
 * The stored rows of `table` as the batch's columns `c<i>` (a text code, an integer or a double,
 * each unpacked once) and `arrival`, their order of arrival.
 */
export function unpacked(layout: PartsLayout, table: string): string {
	const columns = layout.fields.map((field, i) => {
		if (!field) return `c${i}`;
		const { word, shift, width, offset } = field;
		const bits = `(CAST(w${word} AS BIGINT) >> ${shift}) & ${2 ** width - 1}`;
		return `CAST(NULLIF(${bits}, 0) + ${offset - 1} AS INTEGER) AS c${i}`;
	});
	return `SELECT ${columns.join(', ')}, rowid AS arrival FROM temp.main."${table}"`;
}

/**
 * Appends a batch in the layout's stored columns, nulls as NULL (words never are). A text
 * column's codes go through `codes[i]`, which maps the batch's codes to the table's.
 */
export function appendPacked(
	appender: DuckDBAppender,
	layout: PartsLayout,
	batch: ColumnBatch,
	codes: (readonly number[] | undefined)[]
): void {
	const { fields } = layout;
	const words = layout.stored.filter((s) => s.name.startsWith('w')).length;
	const alone = batch.columns.map((_, i) => i).filter((i) => !fields[i]);
	// Per reused vector, the rows its last fill made null: valid again unless null again.
	const nulled = new WeakMap<DuckDBVector, number[]>();
	const types = layout.stored.map((s) => s.type);
	appendChunks(appender, types, batch.length, (vector, k, start, size) => {
		const items = vectorItems(vector, size);
		if (k < words) {
			const word = items instanceof Float64Array ? items : new Float64Array(size);
			word.fill(0);
			fields.forEach((f, i) => {
				if (f?.word === k) addField(word, batch, i, f, codes[i], start);
			});
			if (word !== items) for (let r = 0; r < size; r++) vector.setItem(r, word[r]!);
		} else {
			const { data, nulls, hasNull } = batch.columns[alone[k - words]!]!;
			if (!items) {
				for (let r = 0; r < size; r++)
					vector.setItem(r, hasNull && nulls[start + r] ? null : data[start + r]!);
			} else {
				// A null's slot keeps 0 (its data is 0).
				items.set(data.subarray(start, start + size));
				const marked = nulled.get(vector) ?? [];
				for (const r of marked) vector.setItem(r, items[r]!);
				marked.length = 0;
				if (hasNull)
					for (let r = 0; r < size; r++) {
						if (nulls[start + r]) {
							vector.setItem(r, null);
							marked.push(r);
						}
					}
				nulled.set(vector, marked);
			}
		}
		vector.flush();
	});
}

/** Adds column `i`'s fields of rows `start` … to the word's values (checked to fit). */
function addField(
	word: Float64Array,
	batch: ColumnBatch,
	i: number,
	field: Field,
	code: readonly number[] | undefined,
	start: number
): void {
	const { data, nulls, name } = batch.columns[i]!;
	const scale = 2 ** field.shift;
	const limit = 2 ** field.width;
	for (let r = 0; r < word.length; r++) {
		const row = start + r;
		if (nulls[row]) continue;
		const v = (code ? code[data[row]!]! : data[row]!) - field.offset + 1;
		if (!(v >= 1 && v < limit))
			throw new Error(`table ${batch.def.name} : ${name} hors de son empaquetage (${data[row]})`);
		word[r] = word[r]! + v * scale;
	}
}
