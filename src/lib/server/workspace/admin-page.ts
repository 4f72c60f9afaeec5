// /admin/comptes: the page's data and its form actions. Each action maps a refusal to a French
// message (keeping what the admin typed, never a password) and relies on admin-accounts.ts for the
// rights, version and audit checks.
import { error, fail, redirect } from '@sveltejs/kit';
import { roles } from '$lib/schemas/workspace';
import type { Actor } from '$lib/domain/workspace-rights';
import { canManageAccounts } from '$lib/domain/workspace-rights';
import { getContrat } from '../queries/contrats';
import {
	accountAudit,
	AdminError,
	adminCreateAccount,
	adminResetPassword,
	adminSetDisabled,
	adminUpdateAccount,
	listAccountsForAdmin
} from './admin-accounts';
import { getWorkspace } from './db';

export const ADMIN_ACCOUNTS_PATH = '/admin/comptes';

export async function loadAdminAccounts(actor: Actor | null) {
	if (!actor) redirect(303, `/connexion?suite=${ADMIN_ACCOUNTS_PATH}`);
	if (!canManageAccounts(actor)) error(403, 'Seul un compte admin (national) gère les comptes.');
	const ws = await getWorkspace();
	const [list, audit] = await Promise.all([
		listAccountsForAdmin(ws, actor),
		accountAudit(ws, actor)
	]);
	return { actor, accounts: list, audit, roles: [...roles] };
}

const knownContrat = async (code: string) => !!(await getContrat(code));

type Mode = 'create' | 'update' | 'disable' | 'enable' | 'password';

const done: Record<Mode, string> = {
	create: 'Compte créé. Transmettez le mot de passe initial à son titulaire, qui le changera.',
	update: 'Rôle et contrats enregistrés ; le compte devra se reconnecter.',
	disable: 'Compte désactivé ; ses sessions sont fermées.',
	enable: 'Compte réactivé.',
	password: 'Mot de passe remplacé ; les sessions du compte sont fermées.'
};

export async function runAdminAction(mode: Mode, actor: Actor | null, form: FormData) {
	const raw = Object.fromEntries(
		[...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')
	);
	// Never send a password back to the page.
	const { password, ...values } = raw;
	void password;
	try {
		const ws = await getWorkspace();
		if (mode === 'create') await adminCreateAccount(ws, actor, raw, knownContrat);
		else if (mode === 'update') await adminUpdateAccount(ws, actor, raw, knownContrat);
		else if (mode === 'password') await adminResetPassword(ws, actor, raw);
		else await adminSetDisabled(ws, actor, raw, mode === 'disable');
		const none: Record<string, string> = {};
		return { mode, id: raw.id ?? null, ok: true, message: done[mode], values: none };
	} catch (e) {
		if (!(e instanceof AdminError)) throw e;
		return fail(e.status, { mode, id: raw.id ?? null, ok: false, message: e.message, values });
	}
}
