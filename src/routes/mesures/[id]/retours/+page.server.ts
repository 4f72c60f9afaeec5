// Working-group feedback on a measure from the contrats de ville, by appreciation and département.
import { error } from '@sveltejs/kit';
import { measureId } from '$lib/schemas/referentiels';
import { getMesure } from '$lib/server/queries/referentiels';
import { loadMeasureFeedback } from '$lib/server/workspace/measure-feedback';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const parsed = measureId.safeParse(params.id);
	if (!parsed.success) {
		error(
			400,
			`Identifiant de mesure invalide : « ${params.id.slice(0, 40)} » (attendu M01 à M40).`
		);
	}
	const mesure = await getMesure(parsed.data);
	if (!mesure) error(404, `Aucune mesure n’a l’identifiant ${parsed.data}.`);
	return { mesure, actor: locals.actor, ...(await loadMeasureFeedback(mesure.id, locals.actor)) };
};
