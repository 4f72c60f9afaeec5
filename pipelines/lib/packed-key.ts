// Packs several sort keys, each a small non-negative integer, into one BIGINT whose order is theirs
// taken in turn: DuckDB sorts one 8-byte key much faster than several columns.
import type { ColumnBatch } from './column-batch';

export interface KeyField {
	/** SQL of the field's value, an integer from 0 to `size` - 1. */
	value: string;
	size: number;
}

export interface PackedKey {
	/** SQL of the packed key. */
	key: string;
	/** SQL that reads field `i` back from the packed key `packed` (an SQL expression). */
	field(i: number, packed: string): string;
}

/** Bits that hold the integers 0 … size - 1. */
function bits(size: number): number {
	let width = 0;
	while (2 ** width < size) width++;
	return width;
}

/** The packed key of the fields, or undefined when they need more than 62 bits. */
export function packKey(fields: KeyField[]): PackedKey | undefined {
	const widths = fields.map((f) => bits(f.size));
	if (widths.reduce((a, b) => a + b, 0) > 62) return undefined;
	const shifts: number[] = [];
	let shift = 0;
	for (let i = fields.length - 1; i >= 0; i--) {
		shifts[i] = shift;
		shift += widths[i]!;
	}
	const terms = fields.map((f, i) => `((${f.value})::BIGINT << ${shifts[i]})`);
	return {
		key: terms.length > 0 ? terms.join(' + ') : '0::BIGINT',
		field: (i, packed) => `((${packed} >> ${shifts[i]}) & ${(1n << BigInt(widths[i]!)) - 1n})`
	};
}

/** The values an integer column took so far (min > max: none), and whether one was null. */
export interface IntegerRange {
	min: number;
	max: number;
	hasNull: boolean;
}

/** Extends the ranges of the batch's integer `columns` with its rows. */
export function extendRanges(
	ranges: Map<number, IntegerRange>,
	batch: ColumnBatch,
	columns: number[]
): void {
	for (const i of columns) {
		const { data, nulls } = batch.columns[i]!;
		const range = ranges.get(i) ?? { min: Infinity, max: -Infinity, hasNull: false };
		for (let row = 0; row < batch.length; row++) {
			if (nulls[row]) range.hasNull = true;
			else {
				const v = data[row]!;
				if (v < range.min) range.min = v;
				if (v > range.max) range.max = v;
			}
		}
		ranges.set(i, range);
	}
}

/**
 * A sort column of a table of parts (./parts.ts), whose rows are `p` and whose text column `i`
 * has its ranks in `d<i>.r`: text (`size` strings, `list` of them in rank order when known) or an
 * INTEGER column of known range.
 */
export interface OrderColumn {
	column: number;
	/** `rank`: SQL of the text's rank (default `d<column>.r`). */
	text?: { size: number; rank?: string; list?: string };
	integer?: IntegerRange;
}

/**
 * The sort columns as one packed key, and per column that the key gives back whole, the SQL that
 * rebuilds its value from the key: text as its rank (null last, as DuckDB orders it), an integer
 * as its offset from the smallest value (null last). Undefined for any other column or beyond 62 bits.
 */
export function packOrder(
	columns: OrderColumn[]
): { key: PackedKey; restore: Map<number, (packed: string) => string> } | undefined {
	const fields: KeyField[] = [];
	const restore = new Map<number, (packed: string) => string>();
	for (const { column: i, text, integer } of columns) {
		const f = fields.length;
		let restoring: ((field: string) => string) | undefined;
		if (text) {
			const rank = text.rank ?? `d${i}.r`;
			fields.push({ value: `coalesce(${rank}, ${text.size + 1}) - 1`, size: text.size + 1 });
			const list = text.list;
			if (list) restoring = (field) => `${list}[${field} + 1]`;
		} else if (integer) {
			const some = integer.min <= integer.max;
			const min = some ? integer.min : 0;
			const span = some ? integer.max - min + 1 : 1;
			fields.push({
				value: `coalesce(p.c${i}::BIGINT - ${min}, ${span})`,
				size: span + (integer.hasNull ? 1 : 0)
			});
			restoring = (field) =>
				integer.hasNull
					? `CASE WHEN ${field} = ${span} THEN NULL ELSE (${field} + ${min})::INTEGER END`
					: `(${field} + ${min})::INTEGER`;
		} else return undefined;
		if (restoring) {
			const rebuild = restoring;
			restore.set(i, (packed) => rebuild(key!.field(f, packed)));
		}
	}
	const key = packKey(fields);
	return key && { key, restore };
}
