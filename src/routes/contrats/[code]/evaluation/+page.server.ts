// The evaluation workspace of a contrat: referential, findings, contributions, recommendations and
// feedback; every change is a form action checked on the server (rights, version, audit).
import { requireContratCode } from '$lib/server/params';
import { loadEvaluationPage } from '$lib/server/workspace/evaluation-page';
import { runAction } from '$lib/server/workspace/page-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) =>
	loadEvaluationPage(requireContratCode(params.code), url, locals.actor);

const action =
	(mode: 'create' | 'update' | 'delete' | 'publish') =>
	async ({ params, url, locals, request }: Parameters<Actions[string]>[0]) =>
		runAction(mode, requireContratCode(params.code), locals.actor, url, await request.formData());

export const actions: Actions = {
	create: action('create'),
	update: action('update'),
	delete: action('delete'),
	publish: action('publish')
};
