// One SQL statement per save: the evaluation lookup, the parent check, the version-checked write and
// its audit entry run as one data-modifying WITH query, atomic without an explicit transaction. A
// save is one round trip, which keeps PGlite (one connection, saves queued) and a PostgreSQL pool
// fast under 20 concurrent editors; the rare paths (first item of an evaluation, a refusal) read more.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../../domain/workspace-rights';
import type { Campaign, ItemKind } from '../../schemas/workspace';
import type { WorkspaceDb } from './db';
import { auditLog, evaluations, itemTables } from './schema';

export type JsonRow = Record<string, unknown> & { id: string; version: number };

export interface Scope {
	contrat: string;
	campaign: Campaign;
	kind: ItemKind;
	actor: Actor;
}

/** A parent that must belong to the same evaluation (a question's objective, a finding's question…). */
export interface ParentCheck {
	kind: ItemKind;
	id: string;
}

const tableOf = (kind: ItemKind) => itemTables[kind] as unknown as PgTable;

/** A bound value cast to its column's type, so both drivers send it untyped and safely. */
function typed(column: PgColumn, value: unknown): SQL {
	const type = sql.raw(column.getSQLType());
	if (value === null || value === undefined) return sql`NULL::${type}`;
	return sql`${column.getSQLType() === 'jsonb' ? JSON.stringify(value) : value}::${type}`;
}

function assignments(table: PgTable, values: Record<string, unknown>) {
	const columns = getTableColumns(table) as Record<string, PgColumn>;
	return Object.entries(values)
		.filter(([key]) => key in columns)
		.map(([key, value]) => [columns[key]!, value] as const);
}

const evaluationOf = (s: Scope) =>
	sql`SELECT id FROM ${evaluations} WHERE contrat_code = ${s.contrat} AND campaign = ${s.campaign}`;

function parentOk(parent: ParentCheck | null): SQL {
	if (!parent) return sql`true`;
	return sql`EXISTS (SELECT 1 FROM ${tableOf(parent.kind)} p WHERE p.id = ${parent.id}::uuid AND p.evaluation_id = (SELECT id FROM ev))`;
}

function auditInsert(s: Scope, action: string, from: SQL, before: SQL, after: SQL, at: string) {
	return sql`INSERT INTO ${auditLog} (at, account_id, account_email, contrat_code, entity, entity_id, action, before, after)
		SELECT ${at}::timestamptz, ${s.actor.id}::uuid, ${s.actor.email}, ${s.contrat}, ${s.kind}, w.id::text, ${action}, ${before}, ${after} FROM ${from}`;
}

type Result = { rows: Record<string, unknown>[] };

async function one(db: WorkspaceDb, query: SQL) {
	const result = (await db.execute(query)) as unknown as Result;
	return result.rows[0] as Record<string, unknown>;
}

export interface CreateOutcome {
	evaluationFound: boolean;
	parentFound: boolean;
	row: JsonRow | null;
}

/** Inserts an item into its contrat's existing evaluation; nothing is written when a check fails. */
export async function insertItem(
	db: WorkspaceDb,
	s: Scope,
	values: Record<string, unknown>,
	parent: ParentCheck | null
): Promise<CreateOutcome> {
	const table = tableOf(s.kind);
	const pairs = assignments(table, values);
	const names = sql.join(
		[sql`evaluation_id`, ...pairs.map(([c]) => sql.identifier(c.name))],
		sql`, `
	);
	const bound = sql.join([sql`ev.id`, ...pairs.map(([c, v]) => typed(c, v))], sql`, `);
	const at = String(values.created_at);
	const out = await one(
		db,
		sql`WITH ev AS (${evaluationOf(s)}),
		w AS (INSERT INTO ${table} (${names}) SELECT ${bound} FROM ev WHERE ${parentOk(parent)}
			ON CONFLICT DO NOTHING RETURNING *),
		log AS (${auditInsert(s, 'create', sql`w`, sql`NULL`, sql`to_jsonb(w)`, at)})
		SELECT (SELECT id FROM ev) AS evaluation_id, ${parentOk(parent)} AS parent_ok,
			(SELECT to_jsonb(w) FROM w) AS row`
	);
	return {
		evaluationFound: out.evaluation_id != null,
		parentFound: out.parent_ok === true,
		row: (out.row as JsonRow | null) ?? null
	};
}

export interface ChangeOutcome {
	/** The row as this statement's snapshot saw it (null: no such item in this evaluation). */
	before: JsonRow | null;
	parentFound: boolean;
	/** The row after the update (null for a delete or when nothing was written). */
	after: JsonRow | null;
	written: boolean;
}

/**
 * Updates (values) or deletes (null) an item, only at the version the editor read, only in this
 * contrat's evaluation, and, when `ownerOnly`, only if the actor created it.
 */
export async function changeItemRow(
	db: WorkspaceDb,
	s: Scope,
	ref: { id: string; version: number },
	values: Record<string, unknown> | null,
	parent: ParentCheck | null,
	ownerOnly: boolean,
	at: string
): Promise<ChangeOutcome> {
	const table = tableOf(s.kind);
	const name = sql.identifier(getTableName(table));
	const match = sql`id = ${ref.id}::uuid AND version = ${ref.version}::integer
		AND evaluation_id = (SELECT id FROM ev)
		${ownerOnly ? sql`AND created_by = ${s.actor.id}::uuid` : sql``} AND ${parentOk(parent)}`;
	let write: SQL;
	let log: SQL;
	if (values === null) {
		write = sql`DELETE FROM ${name} WHERE ${match} RETURNING *`;
		log = auditInsert(s, 'delete', sql`w`, sql`to_jsonb(w)`, sql`NULL`, at);
	} else {
		const set = sql.join(
			[
				...assignments(table, values).map(
					([c, v]) => sql`${sql.identifier(c.name)} = ${typed(c, v)}`
				),
				sql`version = ${ref.version + 1}::integer`,
				sql`updated_at = ${at}::timestamptz`
			],
			sql`, `
		);
		write = sql`UPDATE ${name} SET ${set} WHERE ${match} RETURNING *`;
		log = auditInsert(s, 'update', sql`w, b`, sql`to_jsonb(b)`, sql`to_jsonb(w)`, at);
	}
	const out = await one(
		db,
		sql`WITH ev AS (${evaluationOf(s)}),
		b AS (SELECT * FROM ${name} WHERE id = ${ref.id}::uuid AND evaluation_id = (SELECT id FROM ev)),
		w AS (${write}),
		log AS (${log})
		SELECT (SELECT to_jsonb(b) FROM b) AS before, ${parentOk(parent)} AS parent_ok,
			(SELECT to_jsonb(w) FROM w) AS written_row, EXISTS (SELECT 1 FROM w) AS written`
	);
	return {
		before: (out.before as JsonRow | null) ?? null,
		parentFound: out.parent_ok === true,
		after: values === null ? null : ((out.written_row as JsonRow | null) ?? null),
		written: out.written === true
	};
}

/** The item as it is now (after a refused save), or null. */
export async function currentItem(db: WorkspaceDb, s: Scope, id: string): Promise<JsonRow | null> {
	const table = tableOf(s.kind);
	const out = await one(
		db,
		sql`WITH ev AS (${evaluationOf(s)})
		SELECT (SELECT to_jsonb(t) FROM ${table} t WHERE t.id = ${id}::uuid AND t.evaluation_id = (SELECT id FROM ev)) AS row`
	);
	return (out.row as JsonRow | null) ?? null;
}
