// A large table written in parts: rows go to a temporary table as they are held in a ColumnBatch
// (text as integer codes, one dictionary table per text column), and one sorted INSERT writes them.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { z } from 'zod';
import type { TableDef } from '../../src/lib/schemas/table';
import { appendStored, storedType } from './chunk-stage';
import type { ColumnBatch } from './column-batch';

type AnyTable = TableDef<z.ZodObject>;

export class TableParts {
	private readonly rows: string;
	private readonly types: string[];
	private readonly kinds: string[];
	/** Per text column: the table's code of each string (codes are shared by all the parts). */
	private readonly codes: (Map<string, number> | undefined)[];
	/** Per batch and text column: the table's code of each batch code, extended as the batch grows. */
	private readonly remaps = new WeakMap<ColumnBatch, number[][]>();

	constructor(
		private readonly def: AnyTable,
		batch: ColumnBatch
	) {
		this.rows = `__parts_${def.name}`;
		this.types = batch.columns.map((_, i) => storedType(batch, i).toString());
		this.kinds = batch.columns.map((c) => c.kind);
		this.codes = batch.columns.map((c) => (c.kind === 'dict' ? new Map() : undefined));
	}

	private dictionary(i: number): string {
		return `${this.rows}_dict${i}`;
	}

	async create(connection: DuckDBConnection): Promise<void> {
		const columns = this.types.map((t, i) => `c${i} ${t}`).join(', ');
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
		await appendStored(
			connection,
			this.rows,
			batch,
			remaps.map((r, i) => (this.codes[i] ? r : undefined))
		);
	}

	/**
	 * Writes all the parts into the (empty) table in `orderBy` order, ties in append order. Text is
	 * sorted by its rank in its dictionary (DuckDB's own order of the values): integers sort faster.
	 */
	async finish(connection: DuckDBConnection): Promise<void> {
		const names = Object.keys(this.def.columns);
		const types = names.map((name) => this.def.columns[name]!);
		const values = names.map((_, i) => this.value(i, types[i]!, `d${i}.value`));
		const joins = names.map((_, i) => {
			if (!this.codes[i]) return '';
			const ranked = `SELECT code, value, rank() OVER (ORDER BY ${this.value(i, types[i]!, 'value')}) AS r
				FROM temp.main."${this.dictionary(i)}"`;
			return ` LEFT JOIN (${ranked}) d${i} ON d${i}.code = p.c${i}`;
		});
		const keys = this.def.orderBy.map((c) => {
			const i = names.indexOf(c);
			return this.codes[i] ? `d${i}.r` : values[i]!;
		});
		await connection.run(
			`INSERT INTO "${this.def.name}" SELECT ${values.join(', ')}
			 FROM temp.main."${this.rows}" p${joins.join('')} ORDER BY ${[...keys, 'p.rowid'].join(', ')}`
		);
		await connection.run(`DROP TABLE temp.main."${this.rows}"`);
		for (let i = 0; i < names.length; i++) {
			if (this.codes[i]) await connection.run(`DROP TABLE temp.main."${this.dictionary(i)}"`);
		}
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

/**
 * Gives the batch's codes from `remap.length` on their table code, adding unknown strings to
 * `codes`; returns the strings added.
 */
function extendRemap(codes: Map<string, number>, values: string[], remap: number[]): string[] {
	const added: string[] = [];
	for (let local = remap.length; local < values.length; local++) {
		const text = values[local]!;
		let code = codes.get(text);
		if (code === undefined) {
			code = codes.size;
			codes.set(text, code);
			added.push(text);
		}
		remap.push(code);
	}
	return added;
}

async function appendDictionary(
	connection: DuckDBConnection,
	table: string,
	codes: Map<string, number>,
	added: string[]
): Promise<void> {
	const appender = await connection.createAppender(table, 'main', 'temp');
	for (const text of added) {
		appender.appendInteger(codes.get(text)!);
		appender.appendVarchar(text);
		appender.endRow();
	}
	appender.closeSync();
}
