// Loads every panel of a measure's page: one per linked series, a Baromètre series and its pair of
// the other publication shown as one panel, each with its view, summary and downloads.
import { getProvenance } from '../queries/sources';
import { listFacts, listMesureLinks, type SeriesLink } from '../queries/referentiels';
import { barometreView, citesView, exportLinks, postsView } from './mesure-page';
import { loadSeriesPanel, type SeriesPanel } from './mesure-view';
import { factView, loadNationalFigures, summariseLink } from './series-links';
import { readingOf } from '$lib/domain/barometre-catalogue';

/** Ids of the Baromètre series an owner follows: a series is read with its pair among them. */
export function barometreSiblings(links: SeriesLink[]): string[] {
	return links.filter((l) => l.target_kind === 'barometre').map((l) => l.target_id);
}

function isEtalabOfPair(id: string, siblings: string[]): boolean {
	const pair = readingOf(id, null).pair;
	return !id.startsWith('IND-') && pair !== undefined && siblings.includes(pair);
}

/** A pair's second series is drawn inside the panel of the first, not on its own. */
function shownAlone(panel: SeriesPanel): boolean {
	return !(panel.kind === 'barometre' && panel.group?.pair?.id === panel.link.target_id);
}

/** What a measure without series would need, for the measures the working groups asked about. */
const NEEDED: Record<string, string> = {
	M08:
		'Pour suivre les emplois francs, il faudrait le nombre d’embauches en emploi franc par année, ' +
		'par département et par quartier de résidence du salarié, rapporté aux demandeurs d’emploi ' +
		'résidant en QPV. Aucune de ces séries n’est dans les fichiers réunis ici (Baromètre Etalab et ' +
		'DITP, ANCT, SIG Ville) : ni au niveau national, ni à un niveau plus fin (département, contrat, QPV).'
};

export function neededData(id: string): string {
	return (
		NEEDED[id] ??
		'Aucune série des fichiers réunis ici (Baromètre Etalab et DITP, ANCT, SIG Ville) ne mesure cette ' +
			'mesure, ni au niveau national ni à un niveau plus fin (département, contrat, QPV).'
	);
}

export async function loadMeasurePanels(measure: string) {
	const [links, facts, provenance] = await Promise.all([
		listMesureLinks(measure),
		listFacts([measure]),
		getProvenance()
	]);
	const siblings = barometreSiblings(links);
	const [figures, panels] = await Promise.all([
		loadNationalFigures(links),
		// The Etalab member of a followed pair is read inside its DITP panel, not loaded twice.
		Promise.all(
			links
				.filter((l) => !(l.target_kind === 'barometre' && isEtalabOfPair(l.target_id, siblings)))
				.map((l) => loadSeriesPanel(l, siblings))
		)
	]);
	return {
		facts: facts.map(factView),
		series: panels.filter(shownAlone).map((panel) => {
			const summary = summariseLink(panel.link, figures, provenance, null);
			const exports = exportLinks(panel, measure);
			if (panel.kind === 'barometre' && panel.group)
				return { summary, exports, view: barometreView(panel.group, provenance) };
			if (panel.kind === 'posts') return { summary, exports, view: postsView(panel, provenance) };
			if (panel.kind === 'cites') return { summary, exports, view: citesView(panel, provenance) };
			return { summary, exports, view: { kind: 'other' as const } };
		})
	};
}
