// Accounts on a real database: scrypt hashes (never the password), sessions stored hashed, sign-in
// rate limit per address, password change ending the other sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	actorForToken,
	changePassword,
	createAccount,
	signIn,
	signOut
} from '$lib/server/workspace/accounts';
import { exportWorkspace } from '$lib/server/workspace/transfer';
import type { Workspace } from '$lib/server/workspace/db';
import { hashToken } from '$lib/server/workspace/password';
import { PASSWORD, openTestWorkspace } from './harness';

describe('comptes et sessions', () => {
	let ws: Workspace;
	beforeAll(async () => {
		ws = await openTestWorkspace('pglite');
		await createAccount(ws, {
			email: 'eval@test.fr',
			role: 'evaluateur',
			contrats: ['CV004'],
			password: PASSWORD
		});
	});
	afterAll(() => ws?.close());

	it('stores a scrypt hash, not the password, and refuses inconsistent accounts', async () => {
		const [row] = (await exportWorkspace(ws)).tables.accounts;
		expect(String(row!.password_hash)).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(JSON.stringify(row)).not.toContain(PASSWORD);
		await expect(
			createAccount(ws, {
				email: 'x@test.fr',
				role: 'evaluateur',
				contrats: [],
				password: PASSWORD
			})
		).rejects.toThrow(/au moins un --contrat/);
		await expect(
			createAccount(ws, {
				email: 'eval@test.fr',
				role: 'lecteur',
				contrats: [],
				password: PASSWORD
			})
		).rejects.toThrow(/existe déjà/);
	});

	it('signs in with a random token stored only as its hash, and signs out', async () => {
		const result = await signIn(ws, 'eval@test.fr', PASSWORD, '10.0.0.1');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect((await actorForToken(ws, result.token))?.contrats).toEqual(['CV004']);
		const stored = await ws.db.execute(`SELECT token_hash FROM sessions` as never);
		const hashes = (stored as unknown as { rows: { token_hash: string }[] }).rows.map(
			(r) => r.token_hash
		);
		expect(hashes).toContain(hashToken(result.token));
		expect(hashes).not.toContain(result.token);
		await signOut(ws, result.token);
		expect(await actorForToken(ws, result.token)).toBeNull();
	});

	it('rate-limits an address after five failures, even with the right password', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await signIn(ws, 'eval@test.fr', 'mauvais mot de passe', '10.0.0.2')).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect(await signIn(ws, 'eval@test.fr', PASSWORD, '10.0.0.3')).toEqual({
			ok: false,
			reason: 'rate_limited'
		});
		await ws.db.execute(`DELETE FROM sign_in_attempts` as never);
	});

	it('changes the password after checking the current one and ends other sessions', async () => {
		const a = await signIn(ws, 'eval@test.fr', PASSWORD, '10.0.0.4');
		const b = await signIn(ws, 'eval@test.fr', PASSWORD, '10.0.0.5');
		if (!a.ok || !b.ok) throw new Error('sign-in failed');
		expect(await changePassword(ws, a.actor, 'faux', 'nouveau mot de passe', a.token)).toBe(false);
		expect(await changePassword(ws, a.actor, PASSWORD, 'nouveau mot de passe', a.token)).toBe(true);
		expect(await actorForToken(ws, a.token)).not.toBeNull();
		expect(await actorForToken(ws, b.token)).toBeNull();
		expect((await signIn(ws, 'eval@test.fr', 'nouveau mot de passe', '10.0.0.6')).ok).toBe(true);
	});
});
