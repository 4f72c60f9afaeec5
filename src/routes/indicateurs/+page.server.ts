// The indicator catalogue: definitions, units, aggregation rule, direction, pillar, vintages held
// in the observations and their sources; filter by pillar through `?pilier=`.
import { error } from '@sveltejs/kit';
import { pillarLabels, pillars } from '$lib/schemas/indicators';
import {
	catalogueFilters,
	getCatalogue,
	type CatalogueEntry
} from '$lib/server/queries/indicators';
import { availableTables } from '$lib/server/queries/overview';
import { sourceNote } from '$lib/domain/source-note';
import { getProvenance } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ url }) => {
	const raw = url.searchParams.get('pilier');
	const parsed = catalogueFilters.safeParse({
		pilier: raw === null || raw === '' ? undefined : raw
	});
	if (!parsed.success) error(400, `Filtre invalide : ${parsed.error.issues[0]!.message}.`);
	const tables = await availableTables();
	if (!tables.has('indicators')) {
		const entries: CatalogueEntry[] = [];
		return {
			filters: parsed.data,
			pillars: pillarOptions(),
			entries,
			built: false,
			withObservations: false
		};
	}
	const provenance = await getProvenance();
	// Readers get the source in words; file names and columns stay in the download and the API.
	const entries = (await getCatalogue(parsed.data, tables.has('observations'))).map((e) => {
		const paths = e.vintages.flatMap((v) => v.source_paths);
		return { ...e, sources: paths.length ? sourceNote(paths, provenance) : null };
	});
	return {
		filters: parsed.data,
		pillars: pillarOptions(),
		entries,
		built: true,
		withObservations: tables.has('observations')
	};
};

function pillarOptions() {
	return pillars.map((id) => ({ id, label: pillarLabels[id] }));
}
