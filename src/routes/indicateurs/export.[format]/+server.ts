// Download of the indicator catalogue (definitions, units, sources, aggregation rules).
import type { Indicator } from '$lib/schemas/indicators';
import { exportTable } from '$lib/server/export/columns';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { listIndicators } from '$lib/server/queries/observations';
import { getProvenance, sourcesOfTables } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const [indicators, provenance] = await Promise.all([listIndicators(), getProvenance()]);
	const table = exportTable<Indicator>({
		name: 'Indicateurs',
		columns: [
			{ key: 'id', header: 'Identifiant', type: 'text' },
			{ key: 'label', header: 'Indicateur', type: 'text', width: 40 },
			{ key: 'unit', header: 'Unité', type: 'text' },
			{ key: 'theme', header: 'Thème', type: 'text' },
			{ key: 'pillar', header: 'Pilier', type: 'text' },
			{ key: 'direction', header: 'Sens (up : plus haut = mieux)', type: 'text' },
			{ key: 'source', header: 'Source', type: 'text' },
			{ key: 'source_columns', header: 'Colonnes sources', type: 'text', width: 30 },
			{ key: 'aggregation', header: 'Agrégation entre QPV', type: 'text' },
			{ key: 'denominator_id', header: 'Dénominateur', type: 'text' },
			{ key: 'definition', header: 'Définition', type: 'text', width: 60 },
			{ key: 'comparability_note', header: 'Comparabilité', type: 'text', width: 60 }
		],
		rows: indicators
	});
	const sources = sourcesOfTables(provenance, ['indicators']);
	return exportResponse({ filename: `catalogue-indicateurs.${format}`, format }, [table], sources);
};
