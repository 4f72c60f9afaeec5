// Download of the provenance table: every source file with its sha256, producer, vintage,
// licence and row counts (read, loaded, rejected, aggregate).
import type { Provenance } from '$lib/schemas/provenance';
import { exportTable } from '$lib/server/export/columns';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getProvenance } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const rows = [...(await getProvenance()).values()];
	const table = exportTable<Provenance>({
		name: 'Provenance',
		columns: [
			{ key: 'path', header: 'Fichier', type: 'text', width: 50 },
			{ key: 'producer', header: 'Producteur', type: 'text', width: 30 },
			{ key: 'vintage', header: 'Millésime', type: 'text' },
			{ key: 'licence', header: 'Licence', type: 'text', width: 40 },
			{ key: 'rows_read', header: 'Lignes lues', type: 'integer' },
			{ key: 'rows_loaded', header: 'Lignes chargées', type: 'integer' },
			{ key: 'rows_rejected', header: 'Lignes rejetées', type: 'integer' },
			{ key: 'rows_aggregate', header: 'Lignes agrégées ou notes', type: 'integer' },
			{ key: 'tables', header: 'Tables alimentées', type: 'text', width: 30 },
			{ key: 'sha256', header: 'Empreinte sha256', type: 'text', width: 66 }
		],
		rows
	});
	return exportResponse({ filename: `provenance-des-donnees.${format}`, format }, [table], rows);
};
