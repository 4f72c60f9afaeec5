// Export → import round trip on a real database: the second export equals the first, ids, versions,
// pinned figures and the audit log included; import refuses a non-empty workspace and a bad file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, changeItem } from '$lib/server/workspace/items';
import { exportWorkspace, importWorkspace } from '$lib/server/workspace/transfer';
import { pinFigure } from '$lib/server/workspace/pin';
import type { Workspace } from '$lib/server/workspace/db';
import { account, backends, openTestWorkspace } from './harness';

for (const backend of backends) {
	describe(`export et import (${backend})`, () => {
		let source: Workspace;
		let target: Workspace;
		beforeAll(async () => {
			source = await openTestWorkspace(backend);
			target = await openTestWorkspace(backend);
			const ev = await account(source, 'eval@test.fr', 'evaluateur', ['CV004']);
			const t = (kind: 'objective' | 'question' | 'criterion' | 'indicator_link' | 'finding') => ({
				contrat: 'CV004',
				campaign: 2019 as const,
				kind
			});
			const o = await createItem(source, ev, t('objective'), {
				pillar: 'cohesion_sociale',
				title: 'Objectif « accentué » ; ligne\nsuivante'
			});
			const q = await createItem(source, ev, t('question'), { objective_id: o.id, text: 'Q ?' });
			const c = await createItem(source, ev, t('criterion'), { question_id: q.id, text: 'C' });
			await createItem(
				source,
				ev,
				t('indicator_link'),
				{ criterion_id: c.id, indicator_id: 'tx_pauvrete_60' },
				pinFigure
			);
			const f = await createItem(source, ev, t('finding'), {
				question_id: q.id,
				text: '=1+1',
				judgment: 'atteint'
			});
			await changeItem(source, ev, t('finding'), f, {
				question_id: q.id,
				text: 'revu',
				judgment: 'non_atteint'
			});
		});
		afterAll(async () => {
			await source?.close();
			await target?.close();
		});

		it('imports into an empty workspace and exports the same content', async () => {
			const first = await exportWorkspace(source, new Date('2026-01-01T00:00:00Z'));
			expect(first.tables.accounts).toHaveLength(1);
			expect(first.tables.indicator_links).toHaveLength(1);
			// the account (command line), evaluation + objective + question + criterion + link + finding
			// created, then the finding updated
			expect(first.tables.audit_log).toHaveLength(8);
			const roundTripped = JSON.parse(JSON.stringify(first));
			const counts = await importWorkspace(target, roundTripped);
			expect(counts.findings).toBe(1);
			const second = await exportWorkspace(target, new Date('2026-01-01T00:00:00Z'));
			expect(second).toEqual(first);
		});

		it('keeps numbering the audit log after the imported entries', async () => {
			const [admin] = (await exportWorkspace(target)).tables.accounts;
			const ev = {
				id: String(admin!.id),
				email: 'eval@test.fr',
				role: 'evaluateur' as const,
				contrats: ['CV004']
			};
			await createItem(
				target,
				ev,
				{ contrat: 'CV004', campaign: 2022, kind: 'objective' },
				{
					pillar: 'cadre_de_vie',
					title: 'Après import'
				}
			);
			const ids = (await exportWorkspace(target)).tables.audit_log.map((r) => Number(r.id));
			expect(new Set(ids).size).toBe(ids.length);
			expect(Math.max(...ids)).toBe(8 + 2);
		});

		it('refuses a non-empty workspace and a malformed file', async () => {
			const file = await exportWorkspace(source);
			await expect(importWorkspace(target, file)).rejects.toThrow(/n’est pas vide/);
			await expect(importWorkspace(target, { format: 'autre' })).rejects.toThrow(
				/format inattendu/
			);
		});
	});
}
