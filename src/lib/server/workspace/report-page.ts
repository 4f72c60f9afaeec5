// Loads the report of an evaluation for the page, the PDF and the DOCX, with the same rights as the
// workspace. The PDF's Chromium has no cookie: it carries a one-minute print ticket instead (a
// session of the requesting account, ended as soon as the PDF is made).
import { error } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/workspace-rights';
import { actorForToken, signOut } from './accounts';
import { getWorkspace } from './db';
import { hashToken, newSessionToken } from './password';
import { loadEvaluationPage } from './evaluation-page';
import { buildReport } from './report';
import { sessions } from './schema';

export async function reportActor(url: URL, actor: Actor | null): Promise<Actor | null> {
	const ticket = url.searchParams.get('ticket');
	if (actor || !ticket) return actor;
	return actorForToken(await getWorkspace(), ticket);
}

export async function loadReport(code: string, url: URL, actor: Actor | null) {
	const page = await loadEvaluationPage(code, url, actor);
	if (!page.view.visible) {
		error(403, 'Cette évaluation est un brouillon : connectez-vous avec un compte du contrat.');
	}
	if (!page.view.evaluation) error(404, 'Aucune évaluation pour cette campagne.');
	const toMap = (list: { id: string; label: string }[]) =>
		new Map(list.map((o) => [o.id, o.label]));
	const report = buildReport(page.contrat, page.view, new Set(page.changed), {
		mesures: toMap(page.choices.mesures),
		domaines: toMap(page.choices.domaines),
		axes: toMap(page.choices.axes)
	});
	return { contrat: page.contrat, campaign: page.view.campaign, report };
}

/** A print ticket for Chromium, valid one minute; `end()` deletes it. */
export async function printTicket(actor: Actor | null) {
	if (!actor) return { query: '', end: async () => {} };
	const ws = await getWorkspace();
	const token = newSessionToken();
	await ws.db.insert(sessions).values({
		token_hash: hashToken(token),
		account_id: actor.id,
		expires_at: new Date(Date.now() + 60_000).toISOString()
	});
	return { query: `&ticket=${encodeURIComponent(token)}`, end: () => signOut(ws, token) };
}
