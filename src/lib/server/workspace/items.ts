// Writes to an evaluation: every create, update and delete checks the actor's rights on the server,
// validates its input with zod, checks the item's version (a stale save is refused, never merged)
// and writes the audit log (who, when, what, before, after) in the same transaction.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { can, type Action, type Actor } from '../../domain/workspace-rights';
import {
	campaigns,
	itemInputs,
	type Campaign,
	type ItemKind,
	type PinnedFigure
} from '../../schemas/workspace';
import type { Workspace, WorkspaceDb } from './db';
import { auditLog, evaluations, feedback, itemTables } from './schema';

export type Tx = Parameters<Parameters<WorkspaceDb['transaction']>[0]>[0];
export type Pinner = (contratCode: string, indicatorId: string) => Promise<PinnedFigure | null>;
export type Row = Record<string, unknown> & { id: string; version: number };

export class WorkspaceError extends Error {
	constructor(
		public readonly status: 400 | 403 | 404 | 409,
		message: string,
		public readonly current: Row | null = null
	) {
		super(message);
	}
}

/** Same shape for every item table; the runtime table is the real one (see itemTables). */
type ItemTable = typeof feedback;
const tableOf = (kind: ItemKind) => itemTables[kind] as unknown as ItemTable;

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
	contrat: string,
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

async function checkParent(tx: Tx, kind: ItemKind, evaluationId: string, input: object) {
	const link = parents[kind];
	if (!link) return;
	const parentId = (input as Record<string, string | null>)[link[0]];
	if (!parentId) return;
	const t = tableOf(link[1]);
	const found = await tx
		.select({ id: t.id })
		.from(t)
		.where(and(eq(t.id, parentId), eq(t.evaluation_id, evaluationId)));
	if (!found.length)
		throw new WorkspaceError(400, `Élément parent introuvable dans cette évaluation.`);
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
	let extra: Record<string, unknown> = {};
	if (target.kind === 'indicator_link') {
		const indicatorId = (input as { indicator_id: string }).indicator_id;
		const pinned = pin ? await pin(target.contrat, indicatorId) : null;
		if (!pinned) {
			throw new WorkspaceError(400, `Indicateur sans valeur pour ce contrat : ${indicatorId}.`);
		}
		extra = { pinned, pinned_at: new Date().toISOString() };
	}
	return ws.db.transaction(async (tx) => {
		const evaluationId = await ensureEvaluation(tx, actor, target.contrat, target.campaign);
		await checkParent(tx, target.kind, evaluationId, input);
		const now = new Date().toISOString();
		const values = {
			...input,
			...extra,
			id: randomUUID(),
			evaluation_id: evaluationId,
			version: 1,
			created_at: now,
			updated_at: now,
			created_by: actor.id
		};
		const t = tableOf(target.kind);
		const [row] = (await tx
			.insert(t)
			.values(values as typeof t.$inferInsert)
			.onConflictDoNothing()
			.returning()) as unknown as Row[];
		if (!row) {
			throw new WorkspaceError(409, 'Un constat existe déjà pour cette question : modifiez-le.');
		}
		await audit(tx, actor, target.contrat, target.kind, row.id, 'create', null, row);
		return row;
	});
}

async function evaluationIdOf(tx: Tx, target: ItemTarget): Promise<string | null> {
	const [row] = await tx
		.select({ id: evaluations.id })
		.from(evaluations)
		.where(
			and(eq(evaluations.contrat_code, target.contrat), eq(evaluations.campaign, target.campaign))
		);
	return row?.id ?? null;
}

async function currentRow(tx: Tx, kind: ItemKind, id: string, evaluationId: string | null) {
	if (!evaluationId) return null;
	const t = tableOf(kind);
	const [row] = (await tx
		.select()
		.from(t)
		.where(and(eq(t.id, id), eq(t.evaluation_id, evaluationId)))) as unknown as Row[];
	return row ?? null;
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
	// Editing anything, contributions included, is the évaluateur's (or admin's) job.
	const action = target.kind === 'feedback' ? 'give_feedback' : 'edit_evaluation';
	allow(actor, action, target.contrat);
	const input = raw === null ? null : parse(target.kind, raw);
	return ws.db.transaction(async (tx) => {
		const evaluationId = await evaluationIdOf(tx, target);
		const before = await currentRow(tx, target.kind, ref.id, evaluationId);
		if (!before) throw new WorkspaceError(404, 'Élément introuvable (supprimé entre-temps ?).');
		if (before.version !== ref.version) throw new WorkspaceError(409, conflictMessage, before);
		const t = tableOf(target.kind);
		const match = and(eq(t.id, ref.id), eq(t.version, ref.version));
		if (input === null) {
			const gone = await tx.delete(t).where(match).returning({ id: t.id });
			if (!gone.length) throw new WorkspaceError(409, conflictMessage, before);
			await audit(tx, actor, target.contrat, target.kind, ref.id, 'delete', before, null);
			return null;
		}
		if (target.kind === 'indicator_link') {
			throw new WorkspaceError(
				400,
				'Un indicateur lié ne se modifie pas : retirez-le puis liez-le.'
			);
		}
		await checkParent(tx, target.kind, evaluationId!, input);
		const [after] = (await tx
			.update(t)
			.set({ ...input, version: ref.version + 1, updated_at: new Date().toISOString() } as never)
			.where(match)
			.returning()) as unknown as Row[];
		if (!after) throw new WorkspaceError(409, conflictMessage, before);
		await audit(tx, actor, target.contrat, target.kind, ref.id, 'update', before, after);
		return after;
	});
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
