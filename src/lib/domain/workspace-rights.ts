// Who may do what in the evaluation workspace, as one pure function checked by the server before
// every read of a draft and every write. Anonymous visitors are `null`.
import type { Role } from '../schemas/workspace';

export interface Actor {
	id: string;
	email: string;
	role: Role;
	contrats: string[];
}

export const actions = [
	'read_draft',
	'edit_evaluation',
	'add_contribution',
	'give_feedback',
	'publish',
	'read_audit'
] as const;
export type Action = (typeof actions)[number];

/** Accounts attached to the contrat (any role) read its drafts; admins read everything. */
export function can(actor: Actor | null, action: Action, contratCode: string): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	const own = actor.contrats.includes(contratCode);
	if (!own) return false;
	switch (actor.role) {
		case 'evaluateur':
			return true;
		case 'contributeur':
			return action === 'read_draft' || action === 'add_contribution';
		case 'lecteur':
			return action === 'read_draft';
	}
}

/** A published evaluation is public; a draft only for those who may read it. */
export function canRead(actor: Actor | null, contratCode: string, published: boolean): boolean {
	return published || can(actor, 'read_draft', contratCode);
}

/**
 * Who may update or delete an item: `any` item of the contrat (its évaluateurs, admins; feedback
 * by those who give it), only the items it created (`own`: a contributeur's contributions), or none.
 */
export function changeScope(
	actor: Actor | null,
	kind: string,
	contratCode: string
): 'any' | 'own' | 'none' {
	const action: Action = kind === 'feedback' ? 'give_feedback' : 'edit_evaluation';
	if (can(actor, action, contratCode)) return 'any';
	if (kind === 'contribution' && can(actor, 'add_contribution', contratCode)) return 'own';
	return 'none';
}

/** Accounts are managed by national admins only. */
export function canManageAccounts(actor: Actor | null): boolean {
	return actor?.role === 'admin';
}
