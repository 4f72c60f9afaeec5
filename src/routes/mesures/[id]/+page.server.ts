// One measure slot of the feuille de route: its attested facts and, for each linked series, where
// it stands: national trajectory and progress to target, départements or contrats ranked by their
// value over a base or their progress (never by raw size), downloads.
import { typographic } from '$lib/french';
import { error } from '@sveltejs/kit';
import { pillarLabels } from '$lib/schemas/indicators';
import { measureId } from '$lib/schemas/referentiels';
import { loadFeedbackBlock } from '$lib/server/evaluation/measure-feedback-block';
import { loadMeasurePanels, neededData } from '$lib/server/evaluation/mesure-panels';
import { sourceLinks } from '$lib/server/evaluation/series-links';
import { getMesure, listProgrammes, UNDOCUMENTED_TITLE } from '$lib/server/queries/referentiels';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const parsed = measureId.safeParse(params.id);
	if (!parsed.success)
		error(
			400,
			`Identifiant de mesure invalide : « ${params.id.slice(0, 40)} » (attendu M01 à M40).`
		);
	const mesure = await getMesure(parsed.data);
	if (!mesure) error(404, `Aucune mesure n’a l’identifiant ${parsed.data}.`);
	const [programmes, panels, feedback] = await Promise.all([
		listProgrammes(),
		loadMeasurePanels(mesure.id),
		loadFeedbackBlock(mesure.id)
	]);
	// Cached pages are dropped on each feedback write; a page without its feedback is never kept.
	if (!feedback) setHeaders({ 'cache-control': 'no-store' });
	return typographic({
		mesure: {
			id: mesure.id,
			title: mesure.title ?? UNDOCUMENTED_TITLE,
			documented: mesure.status === 'atteste',
			programme: programmes.find((p) => p.id === mesure.programme_id)?.label ?? null,
			pillar: mesure.pillar ? pillarLabels[mesure.pillar] : null,
			note: mesure.note,
			sources: sourceLinks(mesure.source_urls)
		},
		needed: neededData(mesure.id),
		feedback,
		...panels
	});
};
