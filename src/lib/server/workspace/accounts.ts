// Accounts, sign-in (rate-limited per address and per client), sessions and password changes.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/workspace-rights';
import { roles, type Role } from '../../schemas/workspace';
import type { Workspace } from './db';
import { hashPassword, hashToken, newSessionToken, verifyPassword } from './password';
import { accountContrats, accounts, auditLog, sessions, signInAttempts } from './schema';
import type { Tx } from './items';

export const SESSION_DAYS = 14;
/** Failed attempts allowed per address, and per client, within the window. */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export class AccountError extends Error {}

/** Who wrote an account change made outside the site (the account command, a test's setup). */
export const COMMAND_LINE = 'ligne de commande (npm run account)';

/** Audit entry for an account change made by the command line. */
async function auditCommand(
	tx: Tx,
	accountId: string,
	action: 'create' | 'update',
	after: unknown
) {
	await tx.insert(auditLog).values({
		at: new Date().toISOString(),
		account_id: null,
		account_email: COMMAND_LINE,
		contrat_code: null,
		entity: 'account',
		entity_id: accountId,
		action,
		before: null,
		after: after as object
	});
}

export async function createAccount(
	ws: Workspace,
	input: { email: string; role: Role; contrats: string[]; password: string }
): Promise<Actor> {
	if (!roles.includes(input.role)) throw new AccountError(`rôle inconnu : ${input.role}`);
	if (input.role === 'admin' && input.contrats.length) {
		throw new AccountError('un compte admin est national : pas de --contrat');
	}
	if ((input.role === 'evaluateur' || input.role === 'contributeur') && !input.contrats.length) {
		throw new AccountError(`un compte ${input.role} doit avoir au moins un --contrat`);
	}
	const existing = await ws.db.select().from(accounts).where(eq(accounts.email, input.email));
	if (existing.length) throw new AccountError(`un compte existe déjà pour ${input.email}`);
	const id = randomUUID();
	const password_hash = await hashPassword(input.password);
	const actor = { id, email: input.email, role: input.role, contrats: [...input.contrats].sort() };
	await ws.db.transaction(async (tx) => {
		await tx.insert(accounts).values({
			id,
			email: input.email,
			role: input.role,
			password_hash,
			created_at: new Date().toISOString()
		});
		for (const code of input.contrats) {
			await tx.insert(accountContrats).values({ account_id: id, contrat_code: code });
		}
		await auditCommand(tx, id, 'create', actor);
	});
	return { ...actor, contrats: [...input.contrats] };
}

/** The actor of an (enabled) account, with its contrats, in one query. */
async function actorWhere(
	ws: Workspace,
	where: SQL,
	includeDisabled = false
): Promise<Actor | null> {
	const [row] = await ws.db
		.select({
			id: accounts.id,
			email: accounts.email,
			role: accounts.role,
			contrats: sql<
				string[]
			>`coalesce((SELECT array_agg(c.contrat_code ORDER BY c.contrat_code) FROM ${accountContrats} c WHERE c.account_id = ${accounts.id}), '{}')`
		})
		.from(accounts)
		.where(includeDisabled ? where : and(where, isNull(accounts.disabled_at)));
	return row ? { ...row, role: row.role as Role, contrats: [...row.contrats] } : null;
}

const actorOf = (ws: Workspace, id: string) => actorWhere(ws, eq(accounts.id, id));

export type SignInResult =
	| { ok: true; token: string; actor: Actor; expires: Date }
	| { ok: false; reason: 'invalid' | 'rate_limited' | 'disabled' };

/** A dummy hash keeps unknown addresses as slow as wrong passwords. */
let dummyHash: Promise<string> | undefined;

export async function signIn(
	ws: Workspace,
	email: string,
	password: string,
	client: string
): Promise<SignInResult> {
	const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
	const [byEmail] = await ws.db
		.select({ n: sql<number>`count(*)::int` })
		.from(signInAttempts)
		.where(and(eq(signInAttempts.email, email), gt(signInAttempts.at, since)));
	const [byClient] = await ws.db
		.select({ n: sql<number>`count(*)::int` })
		.from(signInAttempts)
		.where(and(eq(signInAttempts.client, client), gt(signInAttempts.at, since)));
	if (
		(byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL ||
		(byClient?.n ?? 0) >= MAX_FAILURES_PER_CLIENT
	) {
		return { ok: false, reason: 'rate_limited' };
	}
	const [row] = await ws.db.select().from(accounts).where(eq(accounts.email, email));
	dummyHash ??= hashPassword('mot de passe factice');
	const valid = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
	if (!row || !valid) {
		await ws.db.insert(signInAttempts).values({ email, client, at: new Date().toISOString() });
		return { ok: false, reason: 'invalid' };
	}
	await ws.db.delete(signInAttempts).where(eq(signInAttempts.email, email));
	// Said only to whoever knows the password: a disabled account is not an unknown one.
	if (row.disabled_at) return { ok: false, reason: 'disabled' };
	const token = newSessionToken();
	const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await ws.db.delete(sessions).where(lt(sessions.expires_at, new Date().toISOString()));
	await ws.db.insert(sessions).values({
		token_hash: hashToken(token),
		account_id: row.id,
		expires_at: expires.toISOString()
	});
	return { ok: true, token, actor: (await actorOf(ws, row.id))!, expires };
}

/** The session's actor: one query per request (session, enabled account and its contrats). */
export function actorForToken(ws: Workspace, token: string): Promise<Actor | null> {
	const now = new Date().toISOString();
	return actorWhere(
		ws,
		sql`${accounts.id} = (SELECT s.account_id FROM ${sessions} s WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > ${now}::timestamptz)`
	);
}

export async function signOut(ws: Workspace, token: string): Promise<void> {
	await ws.db.delete(sessions).where(eq(sessions.token_hash, hashToken(token)));
}

/** Changes the password after checking the current one, and ends the account's other sessions. */
export async function changePassword(
	ws: Workspace,
	actor: Actor,
	current: string,
	next: string,
	keepToken: string
): Promise<boolean> {
	const [row] = await ws.db.select().from(accounts).where(eq(accounts.id, actor.id));
	if (!row || !(await verifyPassword(current, row.password_hash))) return false;
	await ws.db
		.update(accounts)
		.set({ password_hash: await hashPassword(next) })
		.where(eq(accounts.id, actor.id));
	await ws.db
		.delete(sessions)
		.where(
			and(eq(sessions.account_id, actor.id), sql`${sessions.token_hash} <> ${hashToken(keepToken)}`)
		);
	return true;
}

/** The account command's password reset: the account's sessions end; logged without the hash. */
export async function setPassword(ws: Workspace, email: string, password: string): Promise<void> {
	const password_hash = await hashPassword(password);
	await ws.db.transaction(async (tx) => {
		const updated = await tx
			.update(accounts)
			.set({ password_hash, version: sql`${accounts.version} + 1` })
			.where(eq(accounts.email, email))
			.returning({ id: accounts.id });
		if (!updated.length) throw new AccountError(`aucun compte pour ${email}`);
		await tx.delete(sessions).where(eq(sessions.account_id, updated[0]!.id));
		await auditCommand(tx, updated[0]!.id, 'update', { email, mot_de_passe: 'remplacé' });
	});
}

/** Every account, disabled ones included (the account command's `list`). */
export async function listAccounts(ws: Workspace): Promise<(Actor & { disabled: boolean })[]> {
	const rows = await ws.db
		.select({ id: accounts.id, disabled_at: accounts.disabled_at })
		.from(accounts)
		.orderBy(accounts.email);
	const out = [];
	for (const r of rows) {
		const actor = await actorWhere(ws, eq(accounts.id, r.id), true);
		if (actor) out.push({ ...actor, disabled: r.disabled_at !== null });
	}
	return out;
}
