// Download of the contrats list as shown on /contrats (same filters and sort, from the URL).
import { error } from '@sveltejs/kit';
import { exportTable } from '$lib/server/export/columns';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import {
	contratListFilters,
	listContrats,
	type ContratListRow
} from '$lib/server/queries/contrats';
import { getProvenance, sourcesOfTables } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

const param = (url: URL, name: string) => url.searchParams.get(name)?.trim() || undefined;

export const GET: RequestHandler = async ({ params, url }) => {
	const format = parseFormat(params.format);
	const parsed = contratListFilters.safeParse({
		region: param(url, 'region'),
		departement: param(url, 'departement'),
		q: param(url, 'q'),
		tri: param(url, 'tri'),
		ordre: param(url, 'ordre')
	});
	if (!parsed.success) error(400, `Filtre invalide : ${parsed.error.issues[0]!.message}.`);
	const rows = await listContrats(parsed.data, { povertyIndicator: 'tx_pauvrete_60' });
	const provenance = await getProvenance();
	// Contrats, their QPV and posts, and the REVN files of the poverty-rate range.
	const sources = [
		...sourcesOfTables(provenance, ['contrats', 'qpv', 'qpv_contrat', 'dispositif_posts']),
		...[...provenance.values()].filter((p) => p.path.startsWith('sig-ville/REVN_'))
	];
	const table = exportTable<ContratListRow>({
		name: 'Contrats de ville',
		columns: [
			{ key: 'code', header: 'Code contrat', type: 'text' },
			{ key: 'name', header: 'Contrat de ville', type: 'text', width: 40 },
			{ key: 'departement_code', header: 'Code département', type: 'text' },
			{ key: 'departement', header: 'Département', type: 'text' },
			{ key: 'region', header: 'Région', type: 'text' },
			{ key: 'qpv_count', header: 'Nombre de QPV', type: 'integer' },
			{ key: 'population', header: 'Population des QPV (RP 2018)', type: 'integer' },
			{ key: 'adultes_relais', header: 'Postes adultes-relais (dernière année)', type: 'integer' },
			{ key: 'adultes_relais_year', header: 'Année des postes', type: 'integer' },
			{ key: 'poverty_min', header: 'Taux de pauvreté min. des QPV (%)', type: 'number' },
			{ key: 'poverty_max', header: 'Taux de pauvreté max. des QPV (%)', type: 'number' }
		],
		rows
	});
	return exportResponse({ filename: `contrats-de-ville.${format}`, format }, [table], sources);
};
