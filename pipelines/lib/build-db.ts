// The database being built: creates tables from their definitions, loads validated rows fast (by
// column, as numeric data chunks) and leaves every table in its deterministic `orderBy` order.
// First, before DuckDB's library loads: the build's allocator options (./duckdb-allocator.ts).
import './duckdb-allocator';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import './duckdb-allocator-loaded';
import type { z } from 'zod';
import { createTableSql, type TableDef } from '../../src/lib/schemas/table';
import { ColumnBatch } from './column-batch';
import { appendStage, stagePlan } from './chunk-stage';
import { TableParts } from './parts';

type AnyTable = TableDef<z.ZodObject>;

/** `empty`: nothing written yet; `sorted`: rows stored in `orderBy` order; `unsorted`: not known. */
export type TableState = 'empty' | 'sorted' | 'unsorted';

const WRITE = /\b(INSERT|UPDATE|DELETE|COPY|ALTER|DROP|CREATE|TRUNCATE|REPLACE|MERGE)\b/i;
/** The table a write statement changes (the last name of `schema.table`, quoted or not). */
const TARGET =
	/\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|MERGE\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|DROP\s+TABLE(?:\s+IF\s+EXISTS)?|COPY|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?TABLE(?:\s+IF\s+NOT\s+EXISTS)?)\s+(?:"?\w+"?\.)*"?(\w+)"?/gi;
/** DuckDB's memory budget during the build (its buffer pool; JavaScript's heap comes on top). */
const BUILD_MEMORY_LIMIT = '400MB';
/**
 * Rows per row group of the written file (DuckDB's default: 122,880). A page reads a few hundred
 * rows by code, and DuckDB's smallest skippable unit is the row group: smaller groups make those
 * point reads scan less.
 */
export const ROW_GROUP_SIZE = 16_384;
/** A table's total order: `orderBy`, then its other columns (rows equal on both are identical). */
function fullOrder(def: AnyTable): string {
	const rest = Object.keys(def.columns).filter((c) => !def.orderBy.includes(c));
	return [...def.orderBy, ...rest].map((c) => `"${c}"`).join(', ');
}

export class BuildDb {
	private readonly tables = new Map<string, AnyTable>();
	private readonly state = new Map<string, TableState>();
	/** Tables being written in parts, with their temporary tables. */
	private readonly parts = new Map<string, TableParts>();

	private constructor(
		private readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection
	) {}

	static async open(path: string): Promise<BuildDb> {
		// Loading relies on INSERT … SELECT keeping the staging order: DuckDB's default, made explicit.
		// The memory limit keeps the build's peak RSS under 1 GB: by default DuckDB keeps up to 80 %
		// of the machine's RAM, and the JavaScript heap comes on top.
		// The row group size is an option of ATTACH only: the file is attached to an in-memory
		// instance and made the default database, so that unqualified names are its tables.
		const instance = await DuckDBInstance.create(':memory:', {
			preserve_insertion_order: 'true',
			memory_limit: BUILD_MEMORY_LIMIT
		});
		const connection = await instance.connect();
		const quoted = path.replaceAll("'", "''");
		await connection.run(`ATTACH '${quoted}' AS built (ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
		await connection.run('USE built');
		return new BuildDb(instance, connection);
	}

	async create(def: AnyTable): Promise<void> {
		if (this.tables.has(def.name)) throw new Error(`table ${def.name} créée deux fois`);
		await this.connection.run(createTableSql(def));
		this.tables.set(def.name, def);
		this.state.set(def.name, 'empty');
	}

	/** Appends rows already validated by the table's schema. */
	async insert<S extends z.ZodObject>(
		def: TableDef<S>,
		rows: Iterable<z.infer<S>>
	): Promise<number> {
		const batch = new ColumnBatch(def as unknown as AnyTable);
		for (const row of rows) batch.appendRecord(row as Record<string, unknown>);
		return this.insertBatch(def as unknown as AnyTable, batch);
	}

	/**
	 * Appends a batch of validated rows. The first write to a table is sorted by DuckDB on its way
	 * in (so the table needs no rewrite at the end); a later write only appends and the table is
	 * sorted by sortAll.
	 */
	async insertBatch(def: AnyTable, batch: ColumnBatch): Promise<number> {
		if (!this.tables.has(def.name)) await this.create(def);
		if (batch.length === 0) return 0;
		const first = this.state.get(def.name) === 'empty';
		await this.load(def, batch, first);
		this.state.set(def.name, first ? 'sorted' : 'unsorted');
		return batch.length;
	}

	/**
	 * Stages the batch in a temporary table, then inserts it with one projection, in `orderBy`
	 * order when `sorted` (DuckDB's ORDER BY; ties keep the staging order), else in staging order
	 * (how columns are staged: ./chunk-stage.ts).
	 */
	private async load(
		def: AnyTable,
		batch: ColumnBatch,
		sorted: boolean,
		target = `"${def.name}"`
	): Promise<void> {
		const stage = `__stage_${def.name}`;
		const { staged, select } = stagePlan(batch);
		try {
			await appendStage(this.connection, stage, staged, batch.length);
			const order = sorted
				? ` ORDER BY ${[...def.orderBy.map((c) => `"${c}"`), 's.rowid'].join(', ')}`
				: '';
			await this.connection.run(
				`INSERT INTO ${target} SELECT ${select.join(', ')} FROM temp.main."${stage}" s${order}`
			);
		} finally {
			await this.connection.run(`DROP TABLE IF EXISTS temp.main."${stage}"`);
		}
	}

	/**
	 * Appends one part of a large table to its temporary table of parts, so that JavaScript never
	 * holds all its rows at once; finishParts then writes the table with one DuckDB sort, as one
	 * insertBatch of all the parts would. Parts are stored as they are held (text as codes, ./parts.ts).
	 */
	async appendPart(def: AnyTable, batch: ColumnBatch): Promise<void> {
		if (!this.tables.has(def.name)) await this.create(def);
		let parts = this.parts.get(def.name);
		if (!parts) {
			parts = new TableParts(def, batch);
			await parts.create(this.connection);
			this.parts.set(def.name, parts);
		}
		await parts.append(this.connection, batch);
	}

	/**
	 * Writes the parts whose first `orderBy` value is at most `upTo` (text), the first of the table
	 * in its order, while later parts may still come: DuckDB sorts and writes them while JavaScript
	 * reads on. Nothing else may use the connection until it resolves.
	 */
	async writePartsUpTo(def: AnyTable, upTo: string): Promise<void> {
		if (this.state.get(def.name) !== 'empty') throw new Error(`table ${def.name} déjà remplie`);
		await this.parts.get(def.name)?.write(this.connection, upTo);
	}

	/** Writes the staged parts into the empty table in `orderBy` order, ties in append order. */
	async finishParts(def: AnyTable): Promise<void> {
		const parts = this.parts.get(def.name);
		if (!parts) return;
		this.parts.delete(def.name);
		if (this.state.get(def.name) !== 'empty') throw new Error(`table ${def.name} déjà remplie`);
		await parts.write(this.connection);
		this.state.set(def.name, 'sorted');
	}

	/**
	 * Writes the rows of a SELECT into an empty table in its final order (`orderBy`, then the other
	 * columns, as sortAll would), so the table needs no rewrite at the end of the build. `key`: when
	 * `orderBy` and these columns identify a row of the SELECT, they alone give that same order,
	 * with fewer sort keys (the sort of a 1.2 M-row table compares 5 columns instead of 13).
	 */
	async insertSorted(def: AnyTable, select: string, key: string[] = []): Promise<void> {
		if (!this.tables.has(def.name)) await this.create(def);
		if (this.state.get(def.name) !== 'empty') throw new Error(`table ${def.name} déjà remplie`);
		const order = key.length
			? [...def.orderBy, ...key.filter((c) => !def.orderBy.includes(c))].map((c) => `"${c}"`)
			: [fullOrder(def)];
		await this.connection.run(
			`INSERT INTO "${def.name}" SELECT * FROM (${select}) ORDER BY ${order.join(', ')}`
		);
		this.state.set(def.name, 'sorted');
	}

	/**
	 * insertSorted for a SELECT that carries its own sort key: the column `sortKey`, whose order is
	 * the table's final order (the caller vouches for it, e.g. an integer packing the `orderBy`
	 * columns), sorted on and not inserted. One integer is cheaper to sort than several texts.
	 * `restore`: the table's columns as expressions of the sorted row `s`, when the SELECT carries
	 * some as integer codes, turned back into text after the sort (which then moves fewer bytes).
	 */
	async insertInOrder(
		def: AnyTable,
		select: string,
		sortKey: string,
		restore?: string[]
	): Promise<void> {
		if (!this.tables.has(def.name)) await this.create(def);
		if (this.state.get(def.name) !== 'empty') throw new Error(`table ${def.name} déjà remplie`);
		// A projection of the sorted subquery keeps its order (as ./parts.ts relies on).
		await this.connection.run(
			restore
				? `INSERT INTO "${def.name}" SELECT ${restore.join(', ')} FROM (SELECT * FROM (${select}) ORDER BY "${sortKey}") s`
				: `INSERT INTO "${def.name}" SELECT * EXCLUDE ("${sortKey}") FROM (${select}) ORDER BY "${sortKey}"`
		);
		this.state.set(def.name, 'sorted');
	}

	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		this.noteWrites(sql);
		const reader = await this.connection.runAndReadAll(sql);
		return reader.getRowObjectsJS() as T[];
	}

	async run(sql: string): Promise<void> {
		this.noteWrites(sql);
		await this.connection.run(sql);
	}

	/**
	 * A statement that writes a table makes its order unknown. Cautious: when no target is
	 * recognised in a statement that may write, every table it names is marked.
	 */
	private noteWrites(sql: string): void {
		if (!WRITE.test(sql)) return;
		const targets = [...sql.matchAll(TARGET)].map((m) => m[1]!.toLowerCase());
		for (const name of this.tables.keys()) {
			const written =
				targets.length > 0
					? targets.includes(name.toLowerCase())
					: new RegExp(`\\b${name}\\b`, 'i').test(sql);
			if (written) this.state.set(name, 'unsorted');
		}
	}

	/** Whether a table's rows are known to be stored in its `orderBy` order. */
	tableState(name: string): TableState | undefined {
		return this.state.get(name);
	}

	tableNames(): string[] {
		return [...this.tables.keys()];
	}

	/** Every table's row count, by name in alphabetical order, in one query (not one per table). */
	async rowCounts(): Promise<Record<string, number>> {
		const names = this.tableNames().sort();
		if (names.length === 0) return {};
		const rows = await this.query<{ i: number; n: number }>(
			names
				.map((name, i) => `SELECT ${i} AS i, count(*)::INTEGER AS n FROM "${name}"`)
				.join(' UNION ALL ')
		);
		const counts = new Map(rows.map((r) => [r.i, r.n]));
		return Object.fromEntries(names.map((name, i) => [name, counts.get(i) ?? 0]));
	}

	/**
	 * Rewrites every table not already in order, so equal inputs give equal tables: by `orderBy`,
	 * then by the other columns, so that rows equal on `orderBy` do not come in a random order.
	 */
	async sortAll(log: (message: string) => void = () => {}): Promise<void> {
		for (const def of this.tables.values()) {
			if (this.state.get(def.name) !== 'unsorted') continue;
			log(`tri final de ${def.name}`);
			const order = fullOrder(def);
			await this.connection.run(
				`CREATE TABLE "${def.name}__sorted" AS SELECT * FROM "${def.name}" ORDER BY ${order}`
			);
			await this.connection.run(`DROP TABLE "${def.name}"`);
			await this.connection.run(`ALTER TABLE "${def.name}__sorted" RENAME TO "${def.name}"`);
			this.state.set(def.name, 'sorted');
		}
	}

	async close(): Promise<void> {
		await this.connection.run('CHECKPOINT');
		this.connection.closeSync();
		this.instance.closeSync();
	}
}
