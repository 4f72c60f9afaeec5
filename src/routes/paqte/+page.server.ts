// The PaQte (Pacte avec les quartiers pour toutes les entreprises): its four axes, the measures of
// the feuille de route that name it with their linked series, and its dated figures.
import { typographic } from '$lib/french';
import {
	factView,
	loadNationalFigures,
	sourceLinks,
	summariseLink
} from '$lib/server/evaluation/series-links';
import {
	listFacts,
	listMesureLinks,
	listPaqteAxes,
	mesuresMentioning
} from '$lib/server/queries/referentiels';
import { getProvenance, sourceLine } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

import { trackerRows } from '$lib/server/evaluation/tracker-overview';

export const csr = false;

export const load: PageServerLoad = async () => {
	const [axes, mesures, allLinks, provenance] = await Promise.all([
		listPaqteAxes(),
		mesuresMentioning('PaQte'),
		listMesureLinks(),
		getProvenance()
	]);
	const ids = new Set(mesures.map((m) => m.id));
	const links = allLinks.filter((l) => ids.has(l.owner_id));
	const [figures, facts, tracker] = await Promise.all([
		loadNationalFigures(links),
		listFacts(['paqte', ...ids]),
		trackerRows(links, (owner) => `/mesures/${owner}`)
	]);
	return typographic({
		tracker,
		axes: axes.map((a) => ({ ...a, sources: sourceLinks(a.source_urls) })),
		mesures: mesures.map((m) => ({
			id: m.id,
			title: m.title!,
			links: links
				.filter((l) => l.owner_id === m.id)
				.map((l) => summariseLink(l, figures, provenance, `/mesures/${m.id}`))
		})),
		// Facts of the PaQte itself first, then those of the measures that name it.
		facts: facts
			.filter((f) => f.subject === 'paqte' || /paqte/i.test(f.statement))
			.map((f) => ({ ...factView(f), subject: f.subject })),
		referenceSources: sourceLine(
			['reference/paqte-axes.csv', 'reference/faits-attestes.csv'],
			provenance
		)
	});
};
