// Download of the adultes-relais and FONJEP posts counted by year and contrat de ville (the
// figures of the national overview and of each contrat page).
import { query } from '$lib/server/db';
import { exportTable } from '$lib/server/export/columns';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getProvenance, sourcesOfTables } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

interface PostRow {
	kind: string;
	year: number;
	contrat_code: string | null;
	posts: number;
	amount_eur: number | null;
	source_path: string;
}

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const rows = await query<PostRow>(
		`SELECT CASE kind WHEN 'adulte_relais' THEN 'Adultes-relais' ELSE 'Postes FONJEP' END AS kind,
		        year, contrat_code, count(DISTINCT post_id)::INTEGER AS posts, sum(amount_eur) AS amount_eur,
		        min(source_path) AS source_path
		 FROM dispositif_posts GROUP BY ALL ORDER BY kind, year, contrat_code NULLS LAST`
	);
	const table = exportTable<PostRow>({
		name: 'Postes par contrat',
		columns: [
			{ key: 'kind', header: 'Dispositif', type: 'text' },
			{ key: 'year', header: 'Année', type: 'integer' },
			{
				key: 'contrat_code',
				header: 'Code contrat (vide : non rattaché dans la source)',
				type: 'text'
			},
			{
				key: 'posts',
				header: 'Postes distincts (un poste sous deux codes compte sous chacun)',
				type: 'integer'
			},
			{ key: 'amount_eur', header: 'Montant (€)', type: 'number', decimals: 0 },
			{ key: 'source_path', header: 'Fichier source', type: 'text', width: 40 }
		],
		rows
	});
	const provenance = await getProvenance();
	const sources = sourcesOfTables(provenance, ['dispositif_posts']);
	return exportResponse(
		{ filename: `postes-adultes-relais-fonjep.${format}`, format },
		[table],
		sources
	);
};
