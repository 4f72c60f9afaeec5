// The 40 measure slots of the 2018 feuille de route: status, programme, pillar, linked series with
// their latest national figure, filterable by programme and pillar (GET, validated).
import { typographic } from '$lib/french';
import { error } from '@sveltejs/kit';
import { pillarLabels } from '$lib/schemas/indicators';
import { factView, loadNationalFigures, summariseLink } from '$lib/server/evaluation/series-links';
import {
	listFacts,
	listMesureLinks,
	listMesures,
	listProgrammes,
	mesureFilters,
	UNDOCUMENTED_TITLE
} from '$lib/server/queries/referentiels';
import { getProvenance, sourceLine } from '$lib/server/queries/sources';
import { trackerRows } from '$lib/server/evaluation/tracker-overview';
import type { PageServerLoad } from './$types';

export const csr = false;

/** An empty form field (`?programme=`) means "no filter", not an invalid value. */
function param(url: URL, name: string): string | undefined {
	const value = url.searchParams.get(name);
	return value === null || value.trim() === '' ? undefined : value;
}

export const load: PageServerLoad = async ({ url }) => {
	const parsed = mesureFilters.safeParse({
		programme: param(url, 'programme'),
		pilier: param(url, 'pilier')
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		error(400, `Filtre invalide (${String(issue.path[0])}) : ${issue.message}.`);
	}
	const filters = parsed.data;
	const programmes = await listProgrammes();
	if (filters.programme && !programmes.some((p) => p.id === filters.programme)) {
		error(400, `Programme inconnu : « ${filters.programme} ».`);
	}
	const [all, mesures, links, facts, provenance] = await Promise.all([
		listMesures(),
		listMesures(filters),
		listMesureLinks(),
		listFacts(['feuille_de_route']),
		getProvenance()
	]);
	const [figures, tracker] = await Promise.all([
		loadNationalFigures(links),
		trackerRows(links, (owner) => `/mesures/${owner}`)
	]);
	const programmeLabels = new Map(programmes.map((p) => [p.id, p.label]));
	return typographic({
		tracker,
		filters,
		programmes: programmes.map((p) => ({
			...p,
			count: all.filter((m) => m.programme_id === p.id).length
		})),
		counts: {
			total: all.length,
			attested: all.filter((m) => m.status === 'atteste').length,
			withoutProgramme: all.filter((m) => !m.programme_id).length
		},
		pillars: Object.entries(pillarLabels).map(([id, label]) => ({ id, label })),
		mesures: mesures.map((m) => ({
			id: m.id,
			title: m.title ?? UNDOCUMENTED_TITLE,
			documented: m.status === 'atteste',
			programme: m.programme_id ? (programmeLabels.get(m.programme_id) ?? m.programme_id) : null,
			pillar: m.pillar ? pillarLabels[m.pillar] : null,
			links: links
				.filter((l) => l.owner_id === m.id)
				.map((l) => summariseLink(l, figures, provenance, `/mesures/${m.id}`))
		})),
		facts: facts.map(factView),
		referenceSources: sourceLine(
			['reference/mesures.csv', 'reference/mesure-indicateurs.csv', 'reference/faits-attestes.csv'],
			provenance
		)
	});
};
