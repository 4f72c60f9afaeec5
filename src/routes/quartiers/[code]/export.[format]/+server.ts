// Download of a QPV's observations (CSV for French spreadsheets, or XLSX with a Sources sheet).
import { error } from '@sveltejs/kit';
import { requireQpvCode } from '$lib/server/params';
import { observationTables } from '$lib/server/export/territory-export';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getQpv } from '$lib/server/queries/quartiers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const code = requireQpvCode(params.code);
	const qpv = await getQpv(code);
	if (!qpv) error(404, `Aucun quartier prioritaire n’a le code ${code}.`);
	const { tables, sources } = await observationTables([{ code: qpv.code, name: qpv.name }], false);
	return exportResponse(
		{ scope: 'quartier', code: qpv.code, subject: 'indicateurs', format },
		tables,
		sources
	);
};
