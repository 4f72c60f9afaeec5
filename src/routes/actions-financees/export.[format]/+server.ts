// Download of the funded projects per département and pillar (the table and map of the page).
import { fundedDepartementTable } from '$lib/server/export/funded-national-export';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { departementProjects } from '$lib/server/queries/actions';
import { getProvenance, sourcesOfTables } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const [rows, provenance] = await Promise.all([departementProjects(), getProvenance()]);
	return exportResponse(
		{ filename: `projets-finances-par-departement.${format}`, format },
		[fundedDepartementTable(rows)],
		sourcesOfTables(provenance, ['funded_projects', 'funded_project_totals'])
	);
};
