// Rows kept column by column (typed arrays; strings as dictionary codes), so that millions of
// observations reach DuckDB as numeric data chunks instead of one native call per cell.
import type { z } from 'zod';
import type { SqlType, TableDef } from '../../src/lib/schemas/table';

type AnyTable = TableDef<z.ZodObject>;

/** How a column is held: strings (VARCHAR, DATE) as codes into a dictionary, numbers as such. */
export type ColumnKind = 'dict' | 'int' | 'float';

const KIND: Record<SqlType, ColumnKind> = {
	VARCHAR: 'dict',
	DATE: 'dict',
	INTEGER: 'int',
	BOOLEAN: 'int',
	DOUBLE: 'float',
	BIGINT: 'float'
};

/** One column's values; nulls are flags beside the data (which then holds 0, or -1 for text). */
abstract class Column {
	abstract readonly kind: ColumnKind;
	abstract data: Int32Array | Float64Array;
	nulls: Uint8Array;
	hasNull = false;
	/** Distinct strings of a text column, in order of first appearance (codes index them). */
	readonly values: string[] = [];

	constructor(
		readonly name: string,
		readonly type: SqlType,
		capacity: number
	) {
		this.nulls = new Uint8Array(capacity);
	}

	abstract set(row: number, value: unknown): void;
	abstract get(row: number): string | number | boolean | null;

	grow(capacity: number): void {
		const nulls = new Uint8Array(capacity);
		nulls.set(this.nulls);
		this.nulls = nulls;
	}

	/** Marks a row null (its data slot must hold 0, or -1 for text, as `set` writes). */
	setNull(row: number): void {
		this.nulls[row] = 1;
		this.hasNull = true;
	}

	/** Forgets the first `length` rows' null flags (`set` only ever raises a flag). */
	clearNulls(length: number): void {
		this.nulls.fill(0, 0, length);
		this.hasNull = false;
	}
}

export class TextColumn extends Column {
	readonly kind = 'dict';
	data: Int32Array;
	private readonly codes = new Map<string, number>();
	// Consecutive rows often repeat a string (one territory per row, one file per batch).
	private lastString: string | undefined;
	private lastCode = -1;

	constructor(name: string, type: SqlType, capacity: number) {
		super(name, type, capacity);
		this.data = new Int32Array(capacity);
	}

	override grow(capacity: number): void {
		super.grow(capacity);
		const data = new Int32Array(capacity);
		data.set(this.data);
		this.data = data;
	}

	set(row: number, value: unknown): void {
		if (value === null || value === undefined) {
			this.setNull(row);
			this.data[row] = -1;
			return;
		}
		this.data[row] = this.code(typeof value === 'string' ? value : String(value));
	}

	/** The code of a string, added to the dictionary when new (codes outlive `clear`). */
	code(text: string): number {
		if (text !== this.lastString) {
			let code = this.codes.get(text);
			if (code === undefined) {
				code = this.values.length;
				this.values.push(text);
				this.codes.set(text, code);
			}
			this.lastString = text;
			this.lastCode = code;
		}
		return this.lastCode;
	}

	get(row: number): string | null {
		return this.nulls[row] ? null : this.values[this.data[row]!]!;
	}
}

/** INTEGER, and BOOLEAN as 0/1. */
export class IntColumn extends Column {
	readonly kind = 'int';
	data: Int32Array;

	constructor(name: string, type: SqlType, capacity: number) {
		super(name, type, capacity);
		this.data = new Int32Array(capacity);
	}

	override grow(capacity: number): void {
		super.grow(capacity);
		const data = new Int32Array(capacity);
		data.set(this.data);
		this.data = data;
	}

	set(row: number, value: unknown): void {
		if (value === null || value === undefined) {
			this.setNull(row);
			this.data[row] = 0;
			return;
		}
		if (this.type === 'BOOLEAN') {
			if (typeof value !== 'boolean')
				throw new Error(`colonne ${this.name} : booléen attendu, reçu ${String(value)}`);
			this.data[row] = value ? 1 : 0;
			return;
		}
		if (
			!Number.isInteger(value) ||
			(value as number) < -2147483648 ||
			(value as number) > 2147483647
		)
			throw new Error(`colonne ${this.name} : entier 32 bits attendu, reçu ${String(value)}`);
		this.data[row] = value as number;
	}

	get(row: number): number | boolean | null {
		if (this.nulls[row]) return null;
		return this.type === 'BOOLEAN' ? this.data[row] !== 0 : this.data[row]!;
	}
}

/** DOUBLE, and BIGINT (JS numbers, so within ±2^53). */
export class FloatColumn extends Column {
	readonly kind = 'float';
	data: Float64Array;

	constructor(name: string, type: SqlType, capacity: number) {
		super(name, type, capacity);
		this.data = new Float64Array(capacity);
	}

	override grow(capacity: number): void {
		super.grow(capacity);
		const data = new Float64Array(capacity);
		data.set(this.data);
		this.data = data;
	}

	set(row: number, value: unknown): void {
		if (value === null || value === undefined) {
			this.setNull(row);
			this.data[row] = 0;
			return;
		}
		if (typeof value !== 'number' || (this.type === 'BIGINT' && !Number.isInteger(value)))
			throw new Error(`colonne ${this.name} : nombre attendu, reçu ${String(value)}`);
		this.data[row] = value;
	}

	get(row: number): number | null {
		return this.nulls[row] ? null : this.data[row]!;
	}
}

function column(name: string, type: SqlType, capacity: number): Column {
	switch (KIND[type]) {
		case 'dict':
			return new TextColumn(name, type, capacity);
		case 'int':
			return new IntColumn(name, type, capacity);
		case 'float':
			return new FloatColumn(name, type, capacity);
	}
}

/** A growing set of rows of one table, held by column. */
export class ColumnBatch {
	readonly columns: readonly Column[];
	private readonly index: Map<string, number>;
	private capacity: number;
	length = 0;

	constructor(
		readonly def: AnyTable,
		capacity = 1024
	) {
		this.capacity = Math.max(capacity, 16);
		this.columns = (Object.entries(def.columns) as [string, SqlType][]).map(([name, type]) =>
			column(name, type, this.capacity)
		);
		this.index = new Map(this.columns.map((c, i) => [c.name, i]));
	}

	/** Column position of a name, in the table's column order. */
	position(name: string): number {
		const i = this.index.get(name);
		if (i === undefined) throw new Error(`table ${this.def.name} : colonne inconnue ${name}`);
		return i;
	}

	/** Appends one row given in the table's column order (the array may be reused by the caller). */
	append(values: readonly unknown[]): void {
		const row = this.reserve();
		for (let i = 0; i < this.columns.length; i++) this.columns[i]!.set(row, values[i]);
	}

	/**
	 * Adds a row for the caller to fill column by column, writing each data slot (and `setNull`)
	 * as `set` would: its position. The arrays may have grown: read `data` after this call.
	 */
	reserve(): number {
		if (this.length === this.capacity) {
			this.capacity *= 2;
			for (const c of this.columns) c.grow(this.capacity);
		}
		return this.length++;
	}

	/**
	 * Empties the batch for the next part of a large table: capacity and dictionaries are kept, so
	 * the typed arrays are allocated once and a string keeps its code from one part to the next.
	 */
	clear(): void {
		for (const c of this.columns) c.clearNulls(this.length);
		this.length = 0;
	}

	appendRecord(record: Record<string, unknown>): void {
		this.append(this.columns.map((c) => record[c.name]));
	}

	record(row: number): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const c of this.columns) out[c.name] = c.get(row);
		return out;
	}

	records(from = 0, to = this.length): Record<string, unknown>[] {
		const out = [];
		for (let row = from; row < to; row++) out.push(this.record(row));
		return out;
	}
}
