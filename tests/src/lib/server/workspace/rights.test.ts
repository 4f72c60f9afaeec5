// The rights matrix on a real database: each role × each action × own / other contrat, checked
// through the same service functions the form actions and the API call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/workspace-rights';
import { changeItem, createItem, setPublished, WorkspaceError } from '$lib/server/workspace/items';
import { loadEvaluation } from '$lib/server/workspace/evaluation-view';
import type { Workspace } from '$lib/server/workspace/db';
import type { ItemKind } from '$lib/schemas/workspace';
import { account, backends, openTestWorkspace } from './harness';

const OWN = 'CV004';
const OTHER = 'CV005';
type Who = 'admin' | 'evaluateur' | 'contributeur' | 'lecteur' | 'lecteur_libre' | 'anonyme';
const everyone: Who[] = [
	'admin',
	'evaluateur',
	'contributeur',
	'lecteur',
	'lecteur_libre',
	'anonyme'
];

/** Hand-written expectations: who may do each action on its own contrat (CV004) and on another. */
const allowed: Record<string, { own: Who[]; other: Who[] }> = {
	create_objective: { own: ['admin', 'evaluateur'], other: ['admin'] },
	create_contribution: { own: ['admin', 'evaluateur', 'contributeur'], other: ['admin'] },
	create_feedback: { own: ['admin', 'evaluateur'], other: ['admin'] },
	create_recommendation: { own: ['admin', 'evaluateur'], other: ['admin'] },
	update_objective: { own: ['admin', 'evaluateur'], other: ['admin'] },
	update_contribution: { own: ['admin', 'evaluateur'], other: ['admin'] },
	delete_contribution: { own: ['admin', 'evaluateur'], other: ['admin'] },
	// The item was created by the actor itself (by the admin for those who cannot create one).
	update_own_contribution: { own: ['admin', 'evaluateur', 'contributeur'], other: ['admin'] },
	delete_own_contribution: { own: ['admin', 'evaluateur', 'contributeur'], other: ['admin'] },
	delete_objective: { own: ['admin', 'evaluateur'], other: ['admin'] },
	publish: { own: ['admin', 'evaluateur'], other: ['admin'] },
	read_draft: { own: ['admin', 'evaluateur', 'contributeur', 'lecteur'], other: ['admin'] }
};

const inputs: Partial<Record<ItemKind, Record<string, string>>> = {
	objective: { pillar: 'emploi_developpement_economique', title: 'Réduire l’écart de chômage' },
	contribution: {
		author: 'Conseil citoyen du quartier',
		author_kind: 'conseil_citoyen',
		contributed_on: '2019-03-14',
		text: 'Les jeunes manquent de stages.',
		theme: 'emploi'
	},
	feedback: { measure_id: 'M03', appreciation: 'a_ajuster', text: 'Délais trop courts.' },
	recommendation: { text: 'Renforcer le droit commun.', signatory: 'etat', status: 'proposee' }
};

for (const backend of backends) {
	describe(`droits (${backend})`, () => {
		let ws: Workspace;
		const actors = {} as Record<Who, Actor | null>;
		/** The admin writes the seed items that others try to change. */
		const seed = async (contrat: string, kind: ItemKind) =>
			createItem(ws, actors.admin, { contrat, campaign: 2019, kind }, inputs[kind]);

		beforeAll(async () => {
			ws = await openTestWorkspace(backend);
			actors.admin = await account(ws, 'admin@test.fr', 'admin', []);
			actors.evaluateur = await account(ws, 'eval@test.fr', 'evaluateur', [OWN]);
			actors.contributeur = await account(ws, 'contrib@test.fr', 'contributeur', [OWN]);
			actors.lecteur = await account(ws, 'lect@test.fr', 'lecteur', [OWN]);
			actors.lecteur_libre = await account(ws, 'libre@test.fr', 'lecteur', []);
			actors.anonyme = null;
			await seed(OWN, 'objective');
			await seed(OTHER, 'objective');
		});
		afterAll(() => ws?.close());

		async function attempt(action: string, who: Who, contrat: string): Promise<boolean> {
			const actor = actors[who];
			const target = (kind: ItemKind) => ({ contrat, campaign: 2019 as const, kind });
			try {
				if (action.startsWith('create_')) {
					const kind = action.slice(7) as ItemKind;
					await createItem(ws, actor, target(kind), inputs[kind]);
				} else if (action.startsWith('update_') || action.startsWith('delete_')) {
					const ownItem = action.includes('_own_');
					const kind = action.slice(ownItem ? 11 : 7) as ItemKind;
					const row = ownItem
						? await createItem(ws, actor, target(kind), inputs[kind]).catch(() =>
								seed(contrat, kind)
							)
						: await seed(contrat, kind);
					const body: Record<string, string> | null = action.startsWith('update_')
						? { ...inputs[kind], text: 'modifié' }
						: null;
					if (kind === 'objective' && body) body.title = 'modifié';
					await changeItem(ws, actor, target(kind), row, body);
				} else if (action === 'publish') {
					const view = await loadEvaluation(ws, actors.admin, contrat, 2019);
					await setPublished(ws, actor, contrat, 2019, view.evaluation!.version, false);
				} else if (action === 'read_draft') {
					const view = await loadEvaluation(ws, actor, contrat, 2019);
					expect(view.evaluation?.status).toBe('brouillon');
					return view.visible;
				}
				return true;
			} catch (error) {
				if (error instanceof WorkspaceError && error.status === 403) return false;
				throw error;
			}
		}

		for (const [action, expected] of Object.entries(allowed)) {
			for (const who of everyone) {
				for (const side of ['own', 'other'] as const) {
					const ok = expected[side].includes(who);
					it(`${who} ${ok ? 'peut' : 'ne peut pas'} ${action} (${side === 'own' ? 'son contrat' : 'autre contrat'})`, async () => {
						expect(await attempt(action, who, side === 'own' ? OWN : OTHER)).toBe(ok);
					});
				}
			}
		}

		it('tells a contributeur who tries to change another account’s contribution why', async () => {
			const other = await seed(OWN, 'contribution');
			const refused = await changeItem(
				ws,
				actors.contributeur,
				{ contrat: OWN, campaign: 2019, kind: 'contribution' },
				other,
				null
			).catch((e) => e);
			expect(refused).toBeInstanceOf(WorkspaceError);
			expect(refused.status).toBe(403);
			expect(refused.message).toMatch(/que les contributions qu’il a déposées/);
			const view = await loadEvaluation(ws, actors.contributeur, OWN, 2019);
			expect(view.contributions.some((c) => c.id === other.id)).toBe(true);
			expect(view.rights.changeContribution).toBe('own');
		});

		it('a published evaluation is public, anonymous visitors included', async () => {
			const before = await loadEvaluation(ws, null, OTHER, 2019);
			expect(before.visible).toBe(false);
			const admin = await loadEvaluation(ws, actors.admin, OTHER, 2019);
			await setPublished(ws, actors.admin, OTHER, 2019, admin.evaluation!.version, true);
			const after = await loadEvaluation(ws, null, OTHER, 2019);
			expect(after.visible).toBe(true);
			expect(after.objectives.map((o) => o.title)).toContain('Réduire l’écart de chômage');
			expect(after.rights.edit).toBe(false);
			expect(after.audit).toEqual([]);
		});
	});
}
