// CSV or XLSX of one table of a measure's page: départements ranking or national series of a Baromètre
// series and its comparison with the other publication, posts per contrat or per year of a
// dispositif (`?serie=<target_id>&tableau=…`).
import { error } from '@sveltejs/kit';
import { measureId } from '$lib/schemas/referentiels';
import {
	exportParams,
	loadSeriesPanel,
	panelExportTable,
	tablesOf
} from '$lib/server/evaluation/mesure-view';
import { barometreSiblings } from '$lib/server/evaluation/mesure-panels';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getMesure, listMesureLinks } from '$lib/server/queries/referentiels';
import { getProvenance } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const format = parseFormat(params.format);
	const id = measureId.safeParse(params.id);
	if (!id.success) error(400, `Identifiant de mesure invalide : « ${params.id.slice(0, 40)} ».`);
	const parsed = exportParams.safeParse({
		serie: url.searchParams.get('serie') ?? undefined,
		tableau: url.searchParams.get('tableau') || undefined
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		error(400, `Paramètre invalide (${String(issue.path[0])}) : ${issue.message}.`);
	}
	const mesure = await getMesure(id.data);
	if (!mesure) error(404, `Aucune mesure n’a l’identifiant ${id.data}.`);
	const links = await listMesureLinks(mesure.id);
	const link = links.find((l) => l.target_id === parsed.data.serie);
	if (!link)
		error(404, `La mesure ${mesure.id} n’est liée à aucune série « ${parsed.data.serie} ».`);
	const panel = await loadSeriesPanel(link, barometreSiblings(links));
	const tables = tablesOf(panel);
	const tableName = parsed.data.tableau ?? tables[0];
	const provenance = await getProvenance();
	const table = tableName ? panelExportTable(panel, tableName, provenance) : undefined;
	if (!table) {
		error(
			400,
			`Pas de tableau « ${tableName ?? ''} » pour la série ${link.target_id} (possibles : ${tables.join(', ') || 'aucun'}).`
		);
	}
	return exportResponse(
		{
			scope: 'mesure',
			code: mesure.id,
			subject: `${link.target_id} ${tableName}`,
			format
		},
		[table],
		[...provenance.values()].filter((p) =>
			/^(barometre-|contrats-de-ville\/|dispositifs\/|reference\/)/.test(p.path)
		)
	);
};
