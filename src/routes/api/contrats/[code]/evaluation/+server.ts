// JSON API of the evaluation workspace, with the same rights as the page (session cookie): GET reads
// the evaluation of `?campagne=` (a draft only for the contrat's accounts); POST
// `{ "action": "create"|"update"|"delete"|"publish", "kind", "id", "version", "values" }` writes.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { contratCode } from '$lib/schemas/table';
import { getContrat } from '$lib/server/queries/contrats';
import { getWorkspace } from '$lib/server/workspace/db';
import { loadEvaluation } from '$lib/server/workspace/evaluation-view';
import { campaignOf, runAction } from '$lib/server/workspace/page-actions';
import { WorkspaceError } from '$lib/server/workspace/items';
import type { RequestHandler } from './$types';

const body = z.object({
	action: z.enum(['create', 'update', 'delete', 'publish']),
	kind: z.string().max(40).optional(),
	id: z.string().max(60).optional(),
	version: z.number().int().optional(),
	publier: z.boolean().optional(),
	values: z.record(z.string(), z.string().max(10_000)).default({})
});

async function contratOf(raw: string): Promise<string | Response> {
	const code = contratCode.safeParse(raw);
	if (!code.success)
		return json({ erreur: `Code de contrat invalide : « ${raw.slice(0, 40)} ».` }, { status: 400 });
	if (!(await getContrat(code.data))) {
		return json({ erreur: `Aucun contrat de ville n’a le code ${code.data}.` }, { status: 404 });
	}
	return code.data;
}

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const code = await contratOf(params.code);
	if (code instanceof Response) return code;
	try {
		const view = await loadEvaluation(await getWorkspace(), locals.actor, code, campaignOf(url));
		if (!view.visible) {
			return json(
				{ erreur: 'Évaluation en brouillon : connectez-vous avec un compte du contrat.' },
				{ status: 403 }
			);
		}
		return json(view);
	} catch (error) {
		if (error instanceof WorkspaceError)
			return json({ erreur: error.message }, { status: error.status });
		throw error;
	}
};

export const POST: RequestHandler = async ({ params, url, locals, request }) => {
	const code = await contratOf(params.code);
	if (code instanceof Response) return code;
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ erreur: 'Corps JSON invalide.' }, { status: 400 });
	const b = parsed.data;
	const form = new FormData();
	for (const [k, v] of Object.entries(b.values)) form.set(k, v);
	if (b.kind) form.set('kind', b.kind);
	if (b.id) form.set('id', b.id);
	if (b.version !== undefined) form.set('version', String(b.version));
	if (b.publier !== undefined) form.set('publier', b.publier ? 'oui' : 'non');
	const result = await runAction(b.action, code, locals.actor, url, form);
	if ('status' in result && 'data' in result) {
		return json(
			{ erreur: result.data.message, actuel: result.data.current },
			{ status: result.status }
		);
	}
	return json(result);
};
