// Every change leaves one audit entry (who, when, what, before, after); a refused change (stale
// version, no right) leaves none and changes nothing; the second of two concurrent saves is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/workspace-rights';
import { changeItem, createItem, setPublished, WorkspaceError } from '$lib/server/workspace/items';
import { exportWorkspace } from '$lib/server/workspace/transfer';
import type { Workspace } from '$lib/server/workspace/db';
import { account, backends, openTestWorkspace } from './harness';

const target = { contrat: 'CV004', campaign: 2019 as const, kind: 'recommendation' as const };
const reco = (text: string) => ({ text, signatory: 'epci', status: 'proposee' });

for (const backend of backends) {
	describe(`journal et versions (${backend})`, () => {
		let ws: Workspace;
		let alice: Actor;
		let bob: Actor;
		let lecteur: Actor;
		beforeAll(async () => {
			ws = await openTestWorkspace(backend);
			alice = await account(ws, 'alice@test.fr', 'evaluateur', ['CV004']);
			bob = await account(ws, 'bob@test.fr', 'evaluateur', ['CV004']);
			lecteur = await account(ws, 'lecteur@test.fr', 'lecteur', ['CV004']);
		});
		afterAll(() => ws?.close());

		/** The evaluation's entries (account creations by the test's setup are logged too). */
		const log = async () =>
			(await exportWorkspace(ws)).tables.audit_log.filter((e) => e.entity !== 'account');

		it('writes who, when, what, before and after for each change, and nothing for refusals', async () => {
			const t0 = Date.now();
			const created = await createItem(ws, alice, target, reco('Première version'));
			const readByAlice = { id: created.id, version: created.version };
			const readByBob = { id: created.id, version: created.version };
			const updated = await changeItem(ws, alice, target, readByAlice, reco('Version d’Alice'));
			expect(updated!.version).toBe(2);

			const conflict = await changeItem(ws, bob, target, readByBob, reco('Version de Bob')).catch(
				(e) => e
			);
			expect(conflict).toBeInstanceOf(WorkspaceError);
			expect(conflict.status).toBe(409);
			expect(conflict.message).toMatch(/modifié par quelqu’un d’autre/);
			expect(conflict.current.text).toBe('Version d’Alice');
			const forbidden = await createItem(ws, lecteur, target, reco('Non')).catch((e) => e);
			expect(forbidden.status).toBe(403);

			await changeItem(ws, bob, target, { id: created.id, version: 2 }, null);
			const entries = await log();
			// evaluation created, recommendation created, updated, deleted: four entries, no more.
			expect(entries.map((e) => [e.account_email, e.entity, e.action])).toEqual([
				['alice@test.fr', 'evaluation', 'create'],
				['alice@test.fr', 'recommendation', 'create'],
				['alice@test.fr', 'recommendation', 'update'],
				['bob@test.fr', 'recommendation', 'delete']
			]);
			const [, create, update, remove] = entries as Record<
				string,
				Record<string, unknown> | null
			>[];
			expect(create!.before).toBeNull();
			expect(create!.after).toMatchObject({ text: 'Première version', version: 1 });
			expect(update!.before).toMatchObject({ text: 'Première version', version: 1 });
			expect(update!.after).toMatchObject({ text: 'Version d’Alice', version: 2 });
			expect(remove!.before).toMatchObject({ text: 'Version d’Alice', version: 2 });
			expect(remove!.after).toBeNull();
			for (const e of entries) {
				const at = Date.parse(String(e!.at));
				expect(at).toBeGreaterThanOrEqual(t0 - 1000);
				expect(at).toBeLessThanOrEqual(Date.now() + 1000);
				expect(e!.contrat_code).toBe('CV004');
			}
		});

		it('refuses a stale publication and logs the accepted one', async () => {
			const before = (await log()).length;
			const evaluation = (await exportWorkspace(ws)).tables.evaluations[0]!;
			const version = Number(evaluation.version);
			await setPublished(ws, alice, 'CV004', 2019, version, true);
			await expect(setPublished(ws, bob, 'CV004', 2019, version, false)).rejects.toMatchObject({
				status: 409
			});
			const after = await log();
			expect(after).toHaveLength(before + 1);
			expect(after.at(-1)).toMatchObject({
				entity: 'evaluation',
				action: 'update',
				account_email: 'alice@test.fr'
			});
			expect(after.at(-1)!.after).toMatchObject({ status: 'publiee' });
		});
	});
}
