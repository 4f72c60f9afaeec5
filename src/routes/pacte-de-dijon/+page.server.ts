// The Pacte de Dijon (2018): its domains, who leads each one (État or intercommunalités, as the
// sources say), the series that describe them with their latest national figure, dated facts.
import { typographic } from '$lib/french';
import {
	factView,
	loadNationalFigures,
	sourceLinks,
	summariseLink
} from '$lib/server/evaluation/series-links';
import { pillarLabels } from '$lib/schemas/indicators';
import {
	listFacts,
	listMesureLinks,
	listPacteDomaines,
	listPacteLinks
} from '$lib/server/queries/referentiels';
import { getProvenance, sourceLine } from '$lib/server/queries/sources';
import { trackerRows } from '$lib/server/evaluation/tracker-overview';
import type { PageServerLoad } from './$types';

export const csr = false;

const leadLabels = {
	etat: 'État',
	intercommunalite: 'Intercommunalité'
} as const;

export const load: PageServerLoad = async () => {
	const [domaines, links, measureLinks, facts, provenance] = await Promise.all([
		listPacteDomaines(),
		listPacteLinks(),
		listMesureLinks(),
		listFacts(['pacte_dijon']),
		getProvenance()
	]);
	// A series also linked to a measure is shown in full on that measure's page.
	const measureOf = new Map(measureLinks.map((l) => [l.target_id, l.owner_id]));
	const labelOf = new Map(domaines.map((d) => [d.id, d.label]));
	const [figures, tracker] = await Promise.all([
		loadNationalFigures(links),
		// The same normalised view as the measures, each series linking to its measure's page.
		trackerRows(
			links.map((l) => ({ ...l, owner_id: labelOf.get(l.owner_id) ?? l.owner_id })),
			() => null
		)
	]);
	return typographic({
		tracker: tracker.map((r) => {
			const measure = measureOf.get(r.id);
			return { ...r, href: measure ? `/mesures/${measure}#serie-${r.id}` : null };
		}),
		domaines: domaines.map((d) => ({
			id: d.id,
			label: d.label,
			lead: d.lead ? leadLabels[d.lead] : 'non précisé par les sources',
			pillar: d.pillar ? pillarLabels[d.pillar] : null,
			note: d.note,
			sources: sourceLinks(d.source_urls),
			links: links
				.filter((l) => l.owner_id === d.id)
				.map((l) => {
					const measure = measureOf.get(l.target_id);
					return summariseLink(l, figures, provenance, measure ? `/mesures/${measure}` : null);
				})
		})),
		facts: facts.map(factView),
		referenceSources: sourceLine(
			[
				'reference/pacte-dijon-domaines.csv',
				'reference/pacte-dijon-indicateurs.csv',
				'reference/faits-attestes.csv'
			],
			provenance
		)
	});
};
