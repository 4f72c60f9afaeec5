// Account administration on a real database: only admins act; creation, role and contrat changes,
// disabling (sessions end, sign-in refused) and password resets are version-checked and audited
// without the password hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/workspace-rights';
import {
	accountAudit,
	adminCreateAccount,
	adminResetPassword,
	adminSetDisabled,
	adminUpdateAccount,
	listAccountsForAdmin
} from '$lib/server/workspace/admin-accounts';
import { actorForToken, COMMAND_LINE, signIn } from '$lib/server/workspace/accounts';
import type { Workspace } from '$lib/server/workspace/db';
import { account, backends, openTestWorkspace, PASSWORD } from './harness';

/** Contrats the reference data knows, for this test: CV004 and CV005. */
const known = async (code: string) => ['CV004', 'CV005'].includes(code);
const NEW_PASSWORD = 'un autre mot de passe long';

for (const backend of backends) {
	describe(`administration des comptes (${backend})`, () => {
		let ws: Workspace;
		let admin: Actor;
		let evaluateur: Actor;
		beforeAll(async () => {
			ws = await openTestWorkspace(backend);
			admin = await account(ws, 'admin@test.fr', 'admin', []);
			evaluateur = await account(ws, 'eval@test.fr', 'evaluateur', ['CV004']);
		});
		afterAll(() => ws?.close());

		const create = (actor: Actor | null, fields: Record<string, string>) =>
			adminCreateAccount(ws, actor, { password: PASSWORD, ...fields }, known);

		it('refuses every action to anyone but an admin', async () => {
			const fields = { email: 'x@test.fr', role: 'lecteur', contrats: 'CV004' };
			for (const actor of [evaluateur, null]) {
				await expect(create(actor, fields)).rejects.toMatchObject({ status: 403 });
				await expect(listAccountsForAdmin(ws, actor)).rejects.toMatchObject({ status: 403 });
				await expect(
					adminSetDisabled(ws, actor, { id: admin.id, version: '1' }, true)
				).rejects.toMatchObject({ status: 403 });
			}
			expect((await listAccountsForAdmin(ws, admin)).map((a) => a.email)).toEqual([
				'admin@test.fr',
				'eval@test.fr'
			]);
		});

		it('creates an account, checks role and contrats, and refuses a second one per address', async () => {
			const made = await create(admin, {
				email: ' Contrib@Test.fr ',
				role: 'contributeur',
				contrats: 'cv005, CV004'
			});
			expect(made).toMatchObject({
				email: 'contrib@test.fr',
				role: 'contributeur',
				contrats: ['CV004', 'CV005'],
				disabled_at: null,
				version: 1
			});
			const signed = await signIn(ws, 'contrib@test.fr', PASSWORD, 'test');
			expect(signed.ok).toBe(true);
			await expect(
				create(admin, { email: 'contrib@test.fr', role: 'lecteur', contrats: '' })
			).rejects.toMatchObject({ status: 409 });
			await expect(
				create(admin, { email: 'a@test.fr', role: 'evaluateur', contrats: '' })
			).rejects.toMatchObject({ status: 400, message: /au moins un contrat/ });
			await expect(
				create(admin, { email: 'b@test.fr', role: 'admin', contrats: 'CV004' })
			).rejects.toMatchObject({ status: 400 });
			await expect(
				create(admin, { email: 'c@test.fr', role: 'lecteur', contrats: 'CV999' })
			).rejects.toMatchObject({ status: 400, message: /Contrat inconnu : CV999/ });
			await expect(
				create(admin, { email: 'd@test.fr', role: 'chef', contrats: '' })
			).rejects.toMatchObject({ status: 400 });
		});

		it('changes role and contrats from the version read, ending the account’s sessions', async () => {
			const signed = await signIn(ws, 'eval@test.fr', PASSWORD, 'test');
			if (!signed.ok) throw new Error('sign-in failed');
			const changed = await adminUpdateAccount(
				ws,
				admin,
				{ id: evaluateur.id, version: '1', role: 'lecteur', contrats: 'CV005' },
				known
			);
			expect(changed).toMatchObject({ role: 'lecteur', contrats: ['CV005'], version: 2 });
			expect(await actorForToken(ws, signed.token)).toBeNull();
			// A second admin who read version 1 is refused; nothing changes.
			await expect(
				adminUpdateAccount(
					ws,
					admin,
					{ id: evaluateur.id, version: '1', role: 'evaluateur', contrats: 'CV004' },
					known
				)
			).rejects.toMatchObject({ status: 409 });
			const now = (await listAccountsForAdmin(ws, admin)).find((a) => a.id === evaluateur.id);
			expect(now).toMatchObject({ role: 'lecteur', contrats: ['CV005'], version: 2 });
		});

		it('disables an account (sessions end, sign-in refused) and re-enables it', async () => {
			const signed = await signIn(ws, 'eval@test.fr', PASSWORD, 'test');
			if (!signed.ok) throw new Error('sign-in failed');
			await adminSetDisabled(ws, admin, { id: evaluateur.id, version: '2' }, true);
			expect(await actorForToken(ws, signed.token)).toBeNull();
			expect(await signIn(ws, 'eval@test.fr', PASSWORD, 'test')).toEqual({
				ok: false,
				reason: 'disabled'
			});
			// A wrong password still reads as a wrong password: nothing said about the account.
			expect(await signIn(ws, 'eval@test.fr', 'faux mot de passe', 'test')).toMatchObject({
				reason: 'invalid'
			});
			await adminSetDisabled(ws, admin, { id: evaluateur.id, version: '3' }, false);
			expect((await signIn(ws, 'eval@test.fr', PASSWORD, 'test')).ok).toBe(true);
			await expect(
				adminSetDisabled(ws, admin, { id: admin.id, version: '1' }, true)
			).rejects.toMatchObject({ status: 400 });
		});

		it('resets a password and logs every change without any password hash', async () => {
			await adminResetPassword(ws, admin, {
				id: evaluateur.id,
				version: '4',
				password: NEW_PASSWORD
			});
			expect((await signIn(ws, 'eval@test.fr', PASSWORD, 'test2')).ok).toBe(false);
			expect((await signIn(ws, 'eval@test.fr', NEW_PASSWORD, 'test2')).ok).toBe(true);
			const log = (await accountAudit(ws, admin))
				.reverse()
				.filter((e) => e.account_email === 'admin@test.fr');
			expect(
				log.map((e) => [e.account_email, e.action, (e.after as { email?: string })?.email])
			).toEqual([
				['admin@test.fr', 'create', 'contrib@test.fr'],
				['admin@test.fr', 'update', 'eval@test.fr'],
				['admin@test.fr', 'update', 'eval@test.fr'],
				['admin@test.fr', 'update', 'eval@test.fr'],
				['admin@test.fr', 'update', 'eval@test.fr']
			]);
			expect(log[1]!.before).toMatchObject({ role: 'evaluateur', contrats: ['CV004'] });
			expect(log[2]!.after).toMatchObject({ disabled_at: expect.any(String) });
			expect(JSON.stringify(log)).not.toMatch(/scrypt|password/);
			// Accounts made by the command line are logged as such.
			const all = await accountAudit(ws, admin, 100);
			expect(
				all.filter((e) => e.account_email === COMMAND_LINE).map((e) => (e.after as Actor).email)
			).toEqual(['eval@test.fr', 'admin@test.fr']);
		});
	});
}
