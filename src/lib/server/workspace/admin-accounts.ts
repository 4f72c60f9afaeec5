// Account administration for national admins (the /admin/comptes page): list, create with an initial
// password the admin chooses and hands over (the user changes it on /compte), change role and
// contrats, disable or re-enable, reset a password. Every action checks that the actor is an admin,
// checks the account's version (two admins editing at once: the second is refused) and is written
// to the audit log without the password hash.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { canManageAccounts, type Actor } from '../../domain/workspace-rights';
import { email, password, roles, type Role } from '../../schemas/workspace';
import type { Workspace } from './db';
import { audit, type Tx } from './items';
import { hashPassword } from './password';
import { accountContrats, accounts, auditLog, sessions } from './schema';

export class AdminError extends Error {
	constructor(
		public readonly status: 400 | 403 | 404 | 409,
		message: string
	) {
		super(message);
	}
}

export interface AccountRow {
	id: string;
	email: string;
	role: Role;
	contrats: string[];
	created_at: string;
	disabled_at: string | null;
	version: number;
}

const contratCodes = z
	.string()
	.transform((v) => [...new Set(v.toUpperCase().match(/[A-Z0-9]+/g) ?? [])].sort())
	.pipe(z.array(z.string().regex(/^CV\d{3}[A-Z0-9]*$/, 'code de contrat invalide')).max(50));

export const accountInput = z.object({
	email,
	role: z.enum(roles, { error: 'rôle inconnu' }),
	contrats: contratCodes
});
export const newAccountInput = accountInput.extend({ password });
export const accountRef = z.object({
	id: z.uuid('compte invalide'),
	version: z.coerce.number().int().min(1, 'version invalide')
});

function requireAdmin(actor: Actor | null): asserts actor is Actor {
	if (!canManageAccounts(actor)) {
		throw new AdminError(403, 'Seul un compte admin (national) gère les comptes.');
	}
}

function checkRoleContrats(role: Role, contrats: string[]) {
	if (role === 'admin' && contrats.length)
		throw new AdminError(400, 'Un compte admin est national : ne lui attachez aucun contrat.');
	if ((role === 'evaluateur' || role === 'contributeur') && !contrats.length)
		throw new AdminError(400, `Un compte ${role} doit avoir au moins un contrat.`);
}

/** Validates a form with zod and turns the first issue into a French message. */
export function parseForm<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new AdminError(400, `Saisie refusée : ${issue.message} (${issue.path.join('.')}).`);
	}
	return parsed.data;
}

const publicColumns = {
	id: accounts.id,
	email: accounts.email,
	role: accounts.role,
	created_at: accounts.created_at,
	disabled_at: accounts.disabled_at,
	version: accounts.version
};

async function withContrats(
	ws: Workspace | Tx,
	rows: Omit<AccountRow, 'contrats'>[]
): Promise<AccountRow[]> {
	const db = 'db' in ws ? ws.db : ws;
	const links = await db.select().from(accountContrats).orderBy(asc(accountContrats.contrat_code));
	return rows.map((r) => ({
		...r,
		role: r.role as Role,
		contrats: links.filter((l) => l.account_id === r.id).map((l) => l.contrat_code)
	}));
}

export async function listAccountsForAdmin(
	ws: Workspace,
	actor: Actor | null
): Promise<AccountRow[]> {
	requireAdmin(actor);
	const rows = await ws.db.select(publicColumns).from(accounts).orderBy(asc(accounts.email));
	return withContrats(ws, rows as Omit<AccountRow, 'contrats'>[]);
}

/** The last changes made to accounts (entity `account`), newest first. */
export async function accountAudit(ws: Workspace, actor: Actor | null, limit = 50) {
	requireAdmin(actor);
	return ws.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'account'), isNull(auditLog.contrat_code)))
		.orderBy(desc(auditLog.id))
		.limit(limit);
}

async function rowOf(tx: Tx, id: string): Promise<AccountRow | null> {
	const rows = await tx.select(publicColumns).from(accounts).where(eq(accounts.id, id));
	if (!rows[0]) return null;
	return (await withContrats(tx, rows as Omit<AccountRow, 'contrats'>[]))[0]!;
}

const stale =
	'Ce compte a été modifié par un autre admin depuis que vous avez ouvert la page : rien n’a été ' +
	'enregistré. Relisez-le puis recommencez.';

/** Runs a version-checked change of one account and logs its before and after. */
async function changeAccount(
	ws: Workspace,
	actor: Actor,
	ref: { id: string; version: number },
	change: (tx: Tx, before: AccountRow) => Promise<void>
): Promise<AccountRow> {
	return ws.db.transaction(async (tx) => {
		const before = await rowOf(tx, ref.id);
		if (!before) throw new AdminError(404, 'Compte introuvable.');
		const bumped = await tx
			.update(accounts)
			.set({ version: ref.version + 1 })
			.where(and(eq(accounts.id, ref.id), eq(accounts.version, ref.version)))
			.returning({ id: accounts.id });
		if (!bumped.length) throw new AdminError(409, stale);
		await change(tx, before);
		const after = (await rowOf(tx, ref.id))!;
		await audit(tx, actor, null, 'account', ref.id, 'update', before, after);
		return after;
	});
}

export async function adminCreateAccount(
	ws: Workspace,
	actor: Actor | null,
	raw: unknown,
	knownContrat: (code: string) => Promise<boolean>
): Promise<AccountRow> {
	requireAdmin(actor);
	const input = parseForm(newAccountInput, raw);
	checkRoleContrats(input.role, input.contrats);
	await checkContrats(input.contrats, knownContrat);
	const password_hash = await hashPassword(input.password);
	return ws.db.transaction(async (tx) => {
		const id = randomUUID();
		const inserted = await tx
			.insert(accounts)
			.values({
				id,
				email: input.email,
				role: input.role,
				password_hash,
				created_at: new Date().toISOString()
			})
			.onConflictDoNothing()
			.returning({ id: accounts.id });
		if (!inserted.length) throw new AdminError(409, `Un compte existe déjà pour ${input.email}.`);
		for (const code of input.contrats) {
			await tx.insert(accountContrats).values({ account_id: id, contrat_code: code });
		}
		const after = (await rowOf(tx, id))!;
		await audit(tx, actor, null, 'account', id, 'create', null, after);
		return after;
	});
}

async function checkContrats(codes: string[], known: (code: string) => Promise<boolean>) {
	for (const code of codes) {
		if (!(await known(code))) throw new AdminError(400, `Contrat inconnu : ${code}.`);
	}
}

export async function adminUpdateAccount(
	ws: Workspace,
	actor: Actor | null,
	raw: Record<string, unknown>,
	knownContrat: (code: string) => Promise<boolean>
): Promise<AccountRow> {
	requireAdmin(actor);
	const ref = parseForm(accountRef, raw);
	const input = parseForm(accountInput.omit({ email: true }), raw);
	checkRoleContrats(input.role, input.contrats);
	await checkContrats(input.contrats, knownContrat);
	if (ref.id === actor.id && input.role !== 'admin') {
		throw new AdminError(400, 'Vous ne pouvez pas retirer votre propre rôle admin.');
	}
	return changeAccount(ws, actor, ref, async (tx) => {
		await tx.update(accounts).set({ role: input.role }).where(eq(accounts.id, ref.id));
		await tx.delete(accountContrats).where(eq(accountContrats.account_id, ref.id));
		for (const code of input.contrats) {
			await tx.insert(accountContrats).values({ account_id: ref.id, contrat_code: code });
		}
		// New rights apply at once: the account signs in again.
		await tx.delete(sessions).where(eq(sessions.account_id, ref.id));
	});
}

/** Disables (ends every session, refuses sign-in) or re-enables an account. */
export async function adminSetDisabled(
	ws: Workspace,
	actor: Actor | null,
	raw: Record<string, unknown>,
	disabled: boolean
): Promise<AccountRow> {
	requireAdmin(actor);
	const ref = parseForm(accountRef, raw);
	if (ref.id === actor.id && disabled) {
		throw new AdminError(400, 'Vous ne pouvez pas désactiver votre propre compte.');
	}
	return changeAccount(ws, actor, ref, async (tx) => {
		await tx
			.update(accounts)
			.set({ disabled_at: disabled ? new Date().toISOString() : null })
			.where(eq(accounts.id, ref.id));
		if (disabled) await tx.delete(sessions).where(eq(sessions.account_id, ref.id));
	});
}

/** Sets a new password chosen by the admin (a forgotten one); the account's sessions end. */
export async function adminResetPassword(
	ws: Workspace,
	actor: Actor | null,
	raw: Record<string, unknown>
): Promise<AccountRow> {
	requireAdmin(actor);
	const ref = parseForm(accountRef, raw);
	const next = parseForm(z.object({ password }), raw);
	const password_hash = await hashPassword(next.password);
	return changeAccount(ws, actor, ref, async (tx) => {
		await tx.update(accounts).set({ password_hash }).where(eq(accounts.id, ref.id));
		await tx.delete(sessions).where(eq(sessions.account_id, ref.id));
	});
}
