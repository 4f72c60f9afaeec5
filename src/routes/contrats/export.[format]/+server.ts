// Download of the contrats list as shown on /contrats (same filters and sort, from the URL).
import { error } from '@sveltejs/kit';
import { exportTable } from '$lib/server/export/columns';
import { contratsListColumns } from '$lib/tables/contrats-list';
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
		columns: contratsListColumns,
		rows
	});
	return exportResponse({ filename: `contrats-de-ville.${format}`, format }, [table], sources);
};
