// Everything /contrats/[code]/evaluation and its report need: the contrat, the evaluation as the
// actor may see it, the choices of its forms, and which pinned figures have changed since.
import { error } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/workspace-rights';
import { getContrat } from '../queries/contrats';
import { listMesures, listPacteDomaines, listPaqteAxes } from '../queries/referentiels';
import { getWorkspace } from './db';
import { loadEvaluation } from './evaluation-view';
import { campaignOf } from './page-actions';
import { changedSincePinned, pinnableIndicators } from './pin';
import { WorkspaceError } from './items';

export async function loadEvaluationPage(code: string, url: URL, actor: Actor | null) {
	let campaign;
	try {
		campaign = campaignOf(url);
	} catch (e) {
		error(400, e instanceof WorkspaceError ? e.message : 'Campagne invalide.');
	}
	const contrat = await getContrat(code);
	if (!contrat) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	const view = await loadEvaluation(await getWorkspace(), actor, code, campaign);
	const links = view.objectives.flatMap((o) =>
		o.questions.flatMap((q) => q.criteria.flatMap((c) => c.indicators))
	);
	const [indicators, changed, mesures, domaines, axes] = await Promise.all([
		view.rights.edit ? pinnableIndicators(code) : [],
		changedSincePinned(code, links),
		listMesures(),
		listPacteDomaines(),
		listPaqteAxes()
	]);
	return {
		contrat: { code: contrat.code, name: contrat.name, departement: contrat.departement },
		actor,
		view,
		changed: [...changed],
		choices: {
			indicators,
			mesures: mesures.map((m) => ({ id: m.id, label: `${m.id} · ${m.title}` })),
			domaines: domaines.map((d) => ({ id: d.id, label: d.label })),
			axes: axes.map((a) => ({ id: a.id, label: a.label }))
		}
	};
}

export type EvaluationPageData = Awaited<ReturnType<typeof loadEvaluationPage>>;
