// The database being built: creates tables from their definitions, appends validated rows fast
// (DuckDB appender), and rewrites each table in a deterministic order at the end.
import { DuckDBConnection, DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import type { z } from 'zod';
import { createTableSql, type SqlType, type TableDef } from '../../src/lib/schemas/table';

type AnyTable = TableDef<z.ZodObject>;

function appendValue(appender: DuckDBAppender, type: SqlType, value: unknown): void {
	if (value === null || value === undefined) return appender.appendNull();
	switch (type) {
		case 'VARCHAR':
			return appender.appendVarchar(String(value));
		case 'DOUBLE':
			return appender.appendDouble(value as number);
		case 'INTEGER':
			return appender.appendInteger(value as number);
		case 'BIGINT':
			return appender.appendBigInt(BigInt(value as number));
		case 'BOOLEAN':
			return appender.appendBoolean(value as boolean);
		case 'DATE':
			return appender.appendVarchar(String(value));
	}
}

export class BuildDb {
	private readonly tables = new Map<string, AnyTable>();

	private constructor(
		private readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection
	) {}

	static async open(path: string): Promise<BuildDb> {
		const instance = await DuckDBInstance.create(path);
		return new BuildDb(instance, await instance.connect());
	}

	async create(def: AnyTable): Promise<void> {
		if (this.tables.has(def.name)) throw new Error(`table ${def.name} créée deux fois`);
		await this.connection.run(createTableSql(def));
		this.tables.set(def.name, def);
	}

	/** Appends rows already validated by the table's schema. */
	async insert<S extends z.ZodObject>(
		def: TableDef<S>,
		rows: Iterable<z.infer<S>>
	): Promise<number> {
		if (!this.tables.has(def.name)) await this.create(def as unknown as AnyTable);
		const appender = await this.connection.createAppender(def.name);
		const columns = Object.entries(def.columns) as [string, SqlType][];
		let count = 0;
		for (const row of rows) {
			const record = row as Record<string, unknown>;
			for (const [name, type] of columns) appendValue(appender, type, record[name]);
			appender.endRow();
			count++;
		}
		appender.closeSync();
		return count;
	}

	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const reader = await this.connection.runAndReadAll(sql);
		return reader.getRowObjectsJS() as T[];
	}

	async run(sql: string): Promise<void> {
		await this.connection.run(sql);
	}

	tableNames(): string[] {
		return [...this.tables.keys()];
	}

	/** Rewrites every table sorted by its order columns, so equal inputs give equal tables. */
	async sortAll(): Promise<void> {
		for (const def of this.tables.values()) {
			const order = def.orderBy.map((c) => `"${c}"`).join(', ');
			await this.connection.run(
				`CREATE TABLE "${def.name}__sorted" AS SELECT * FROM "${def.name}" ORDER BY ${order}`
			);
			await this.connection.run(`DROP TABLE "${def.name}"`);
			await this.connection.run(`ALTER TABLE "${def.name}__sorted" RENAME TO "${def.name}"`);
		}
	}

	async close(): Promise<void> {
		await this.connection.run('CHECKPOINT');
		this.connection.closeSync();
		this.instance.closeSync();
	}
}
