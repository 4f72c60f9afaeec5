// Writes to an evaluation: every create, update and delete checks the actor's rights on the server,
// validates its input with zod, checks the item's version (a stale save is refused, never merged)
// and writes the audit log (who, when, what, before, after) atomically with the change, in one
// statement (item-statements.ts).
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { can, changeScope, type Action, type Actor } from '../../domain/workspace-rights';
import {
	campaigns,
	itemInputs,
	type Campaign,
	type ItemKind,
	type PinnedFigure
} from '../../schemas/workspace';
import type { Workspace, WorkspaceDb } from './db';
import {
	changeItemRow,
	currentItem,
	insertItem,
	type JsonRow,
	type ParentCheck
} from './item-statements';
import { auditLog, evaluations } from './schema';

export type Tx = Parameters<Parameters<WorkspaceDb['transaction']>[0]>[0];
export type Pinner = (contratCode: string, indicatorId: string) => Promise<PinnedFigure | null>;
export type Row = JsonRow;

export class WorkspaceError extends Error {
	constructor(
		public readonly status: 400 | 403 | 404 | 409,
		message: string,
		public readonly current: Row | null = null
	) {
		super(message);
	}
}

export function actionFor(kind: ItemKind): Action {
	if (kind === 'contribution') return 'add_contribution';
	if (kind === 'feedback') return 'give_feedback';
	return 'edit_evaluation';
}

function allow(actor: Actor | null, action: Action, contrat: string): asserts actor is Actor {
	if (!can(actor, action, contrat)) {
		throw new WorkspaceError(
			403,
			actor
				? `Votre compte (${actor.email}) n’a pas le droit de faire cela pour le contrat ${contrat}.`
				: 'Connectez-vous pour modifier cette évaluation.'
		);
	}
}

function parse<K extends ItemKind>(kind: K, raw: unknown): z.infer<(typeof itemInputs)[K]> {
	const parsed = itemInputs[kind].safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new WorkspaceError(400, `Saisie refusée : ${issue.message} (${issue.path.join('.')}).`);
	}
	return parsed.data as z.infer<(typeof itemInputs)[K]>;
}

export async function audit(
	tx: Tx,
	actor: Actor,
	contrat: string | null,
	entity: string,
	entityId: string,
	action: 'create' | 'update' | 'delete',
	before: unknown,
	after: unknown
): Promise<void> {
	await tx.insert(auditLog).values({
		at: new Date().toISOString(),
		account_id: actor.id,
		account_email: actor.email,
		contrat_code: contrat,
		entity,
		entity_id: entityId,
		action,
		before: before ?? null,
		after: after ?? null
	});
}

/** The evaluation of a contrat for a campaign, created on its first item. */
export async function ensureEvaluation(
	tx: Tx,
	actor: Actor,
	contrat: string,
	campaign: Campaign
): Promise<string> {
	if (!campaigns.includes(campaign))
		throw new WorkspaceError(400, `Campagne inconnue : ${campaign}.`);
	const lookup = () =>
		tx
			.select({ id: evaluations.id })
			.from(evaluations)
			.where(and(eq(evaluations.contrat_code, contrat), eq(evaluations.campaign, campaign)));
	const [existing] = await lookup();
	if (existing) return existing.id;
	const now = new Date().toISOString();
	const id = randomUUID();
	const inserted = await tx
		.insert(evaluations)
		.values({
			id,
			contrat_code: contrat,
			campaign,
			created_at: now,
			updated_at: now,
			created_by: actor.id
		})
		.onConflictDoNothing()
		.returning();
	if (inserted[0]) {
		await audit(tx, actor, contrat, 'evaluation', id, 'create', null, inserted[0]);
		return id;
	}
	// Created meanwhile by a concurrent first save.
	const [row] = await lookup();
	return row!.id;
}

/** Parents must belong to the same evaluation: a form cannot attach to another contrat's items. */
const parents: Partial<Record<ItemKind, [string, ItemKind]>> = {
	question: ['objective_id', 'objective'],
	criterion: ['question_id', 'question'],
	indicator_link: ['criterion_id', 'criterion'],
	finding: ['question_id', 'question'],
	contribution: ['question_id', 'question']
};

function parentOf(kind: ItemKind, input: object): ParentCheck | null {
	const link = parents[kind];
	const id = link && (input as Record<string, string | null>)[link[0]];
	return link && id ? { kind: link[1], id } : null;
}

const parentMissing = () =>
	new WorkspaceError(400, 'Élément parent introuvable dans cette évaluation.');

/** A parent deleted while the item was written: PostgreSQL's foreign key refuses the write. */
async function refusingOrphans<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		const code = (error as { code?: string; cause?: { code?: string } }).code;
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		if (code === '23503' || cause === '23503') throw parentMissing();
		throw error;
	}
}

export interface ItemTarget {
	contrat: string;
	campaign: Campaign;
	kind: ItemKind;
}

export async function createItem(
	ws: Workspace,
	actor: Actor | null,
	target: ItemTarget,
	raw: unknown,
	pin?: Pinner
): Promise<Row> {
	allow(actor, actionFor(target.kind), target.contrat);
	const input = parse(target.kind, raw);
	if (!campaigns.includes(target.campaign))
		throw new WorkspaceError(400, `Campagne inconnue : ${target.campaign}.`);
	let extra: Record<string, unknown> = {};
	if (target.kind === 'indicator_link') {
		// DuckDB is read before the write, never while holding a database connection.
		const indicatorId = (input as { indicator_id: string }).indicator_id;
		const pinned = pin ? await pin(target.contrat, indicatorId) : null;
		if (!pinned) {
			throw new WorkspaceError(400, `Indicateur sans valeur pour ce contrat : ${indicatorId}.`);
		}
		extra = { pinned, pinned_at: new Date().toISOString() };
	}
	const now = new Date().toISOString();
	const values = {
		...input,
		...extra,
		id: randomUUID(),
		version: 1,
		created_at: now,
		updated_at: now,
		created_by: actor.id
	};
	const scope = { ...target, actor };
	const parent = parentOf(target.kind, input);
	let out = await refusingOrphans(() => insertItem(ws.db, scope, values, parent));
	if (!out.evaluationFound) {
		// The first item of this evaluation: create it (audited), then write the item.
		await ws.db.transaction((tx) => ensureEvaluation(tx, actor, target.contrat, target.campaign));
		out = await refusingOrphans(() => insertItem(ws.db, scope, values, parent));
	}
	if (!out.parentFound) throw parentMissing();
	if (!out.row) {
		throw new WorkspaceError(409, 'Un constat existe déjà pour cette question : modifiez-le.');
	}
	return out.row;
}

const conflictMessage =
	'Cet élément a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert : votre saisie ' +
	'n’a pas été enregistrée. Elle est conservée ci-dessous ; relisez la version actuelle, puis enregistrez à nouveau.';

/** Update or delete: only from the version the editor read. */
export async function changeItem(
	ws: Workspace,
	actor: Actor | null,
	target: ItemTarget,
	ref: { id: string; version: number },
	raw: unknown | null
): Promise<Row | null> {
	// Évaluateurs and admins change any item; a contributeur only its own contributions.
	const scope = changeScope(actor, target.kind, target.contrat);
	if (scope === 'none') allow(null, 'edit_evaluation', target.contrat);
	allow(actor, 'read_draft', target.contrat);
	const input = raw === null ? null : parse(target.kind, raw);
	if (input && target.kind === 'indicator_link') {
		throw new WorkspaceError(400, 'Un indicateur lié ne se modifie pas : retirez-le puis liez-le.');
	}
	const parent = input ? parentOf(target.kind, input) : null;
	const at = new Date().toISOString();
	const s = { ...target, actor };
	const out = await refusingOrphans(() =>
		changeItemRow(ws.db, s, ref, input, parent, scope === 'own', at)
	);
	if (out.written) return out.after;
	const { before } = out;
	if (!before) throw new WorkspaceError(404, 'Élément introuvable (supprimé entre-temps ?).');
	if (scope === 'own' && before.created_by !== actor.id) {
		throw new WorkspaceError(
			403,
			`Votre compte (${actor.email}) ne peut modifier que les contributions qu’il a déposées.`
		);
	}
	if (before.version !== ref.version) throw new WorkspaceError(409, conflictMessage, before);
	if (!out.parentFound) throw parentMissing();
	// Changed or deleted by a concurrent save since this statement's snapshot.
	throw new WorkspaceError(409, conflictMessage, await currentItem(ws.db, s, ref.id));
}

/** Publishes (or returns to draft) an evaluation, from the version the editor read. */
export async function setPublished(
	ws: Workspace,
	actor: Actor | null,
	contrat: string,
	campaign: Campaign,
	version: number,
	published: boolean
): Promise<Row> {
	allow(actor, 'publish', contrat);
	return ws.db.transaction(async (tx) => {
		const id = await ensureEvaluation(tx, actor, contrat, campaign);
		const [before] = (await tx.select().from(evaluations).where(eq(evaluations.id, id))) as Row[];
		const [after] = (await tx
			.update(evaluations)
			.set({
				status: published ? 'publiee' : 'brouillon',
				version: version + 1,
				updated_at: new Date().toISOString()
			})
			.where(and(eq(evaluations.id, id), eq(evaluations.version, version)))
			.returning()) as Row[];
		if (!after) throw new WorkspaceError(409, conflictMessage, before ?? null);
		await audit(tx, actor, contrat, 'evaluation', id, 'update', before, after);
		return after;
	});
}
