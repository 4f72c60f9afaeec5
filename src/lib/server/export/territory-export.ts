// Export tables of a QPV or a contrat: canonical series streamed one QPV at a time (never more than
// one contrat in memory), the QPV list and the dispositifs, with their source files.
import { pillarLabels, pillars, type Indicator, type Pillar } from '$lib/schemas/indicators';
import type { ContratQpvRow } from '../queries/contrats';
import type { ContratArticulation } from '../evaluation/contrat-articulation';
import type { PostsByYear } from '../queries/dispositifs';
import type { CanonicalPoint } from '$lib/schemas/evaluation';
import { getCanonicalSeries } from '../queries/evaluation';
import { listIndicators } from '../queries/observations';
import { getProvenance, sourcesOfTables } from '../queries/sources';
import { exportTable, type ExportColumn, type ExportSource, type ExportTable } from './columns';

/** One point of a QPV's canonical series (one value per data year), as exported. */
export interface ObservationExportRow extends CanonicalPoint {
	qpv_name: string | null;
	label: string;
	unit: string;
}

const observationColumns: ExportColumn<ObservationExportRow>[] = [
	{ key: 'territory_code', header: 'Code QPV', type: 'text' },
	{ key: 'qpv_name', header: 'Quartier', type: 'text', width: 30 },
	{ key: 'indicator_id', header: 'Identifiant indicateur', type: 'text' },
	{ key: 'label', header: 'Indicateur', type: 'text', width: 40 },
	{ key: 'unit', header: 'Unité', type: 'text' },
	{ key: 'data_year', header: 'Année des données (vide : non publiée)', type: 'integer' },
	{ key: 'vintage', header: 'Millésime', type: 'integer' },
	{ key: 'value', header: 'Valeur', type: 'number', decimals: 1 },
	{ key: 'status', header: 'Statut (ok / secret / missing)', type: 'text' },
	{ key: 'source_path', header: 'Fichier source', type: 'text', width: 36 },
	{ key: 'source_line', header: 'Ligne source', type: 'integer' },
	{ key: 'other_sources', header: 'Autres fichiers, même année', type: 'text', width: 36 },
	{ key: 'segment', header: 'Segment comparable (change à chaque rupture)', type: 'integer' }
];

async function* observationRows(
	qpv: { code: string; name: string | null }[],
	indicators: Map<string, Indicator>,
	pillar?: Pillar
): AsyncGenerator<ObservationExportRow> {
	for (const q of qpv) {
		const rows = await getCanonicalSeries([{ type: 'qpv', code: q.code }]);
		for (const row of rows) {
			const indicator = indicators.get(row.indicator_id);
			if (!indicator || (pillar && indicator.pillar !== pillar)) continue;
			yield { ...row, qpv_name: q.name, label: indicator.label, unit: indicator.unit };
		}
	}
}

export async function observationTables(
	qpv: { code: string; name: string | null }[],
	byPillar: boolean
): Promise<{ tables: ExportTable[]; sources: ExportSource[] }> {
	const indicators = new Map((await listIndicators()).map((i) => [i.id, i]));
	const provenance = await getProvenance();
	const source = (row: ObservationExportRow) => provenance.get(row.source_path) ?? null;
	const tables = byPillar
		? pillars.map((p) =>
				exportTable({
					name: pillarLabels[p],
					columns: observationColumns,
					rows: observationRows(qpv, indicators, p),
					source
				})
			)
		: [
				exportTable({
					name: 'Indicateurs',
					columns: observationColumns,
					rows: observationRows(qpv, indicators),
					source
				})
			];
	const sources = sourcesOfTables(provenance, ['observations', 'qpv']);
	return { tables, sources };
}

export function qpvListTable(rows: ContratQpvRow[]): ExportTable {
	return exportTable({
		name: 'QPV',
		columns: [
			{ key: 'code', header: 'Code QPV', type: 'text' },
			{ key: 'name', header: 'Quartier', type: 'text', width: 30 },
			{ key: 'communes', header: 'Communes', type: 'text', width: 30 },
			{ key: 'population_2013', header: 'Population municipale 2013', type: 'integer' },
			{ key: 'population_2018', header: 'Population municipale 2018', type: 'integer' },
			{ key: 'method', header: 'Méthode de rattachement', type: 'text' }
		],
		rows
	});
}

export function postsTable(rows: PostsByYear[]): ExportTable {
	return exportTable({
		name: 'Dispositifs',
		columns: [
			{ key: 'kind', header: 'Dispositif', type: 'text' },
			{ key: 'year', header: 'Année', type: 'integer' },
			{ key: 'posts', header: 'Postes financés', type: 'integer' },
			{ key: 'amount_eur', header: 'Montant (€)', type: 'number', decimals: 0 },
			{ key: 'source_path', header: 'Fichier source', type: 'text' }
		],
		rows
	});
}

interface ArticulationExportRow {
	framework: string;
	group_id: string;
	group: string;
	series: string;
	local: string;
	national: string;
	sources: string;
}

/** The contrat's "Articulation avec la feuille de route" section as a sheet. */
export function articulationTable(articulation: ContratArticulation): ExportTable {
	const rows: ArticulationExportRow[] = [
		...articulation.measures.map((g) => ({ g, framework: 'Feuille de route 2018' })),
		...articulation.domains.map((g) => ({ g, framework: 'Pacte de Dijon' }))
	].flatMap(({ g, framework }) =>
		g.rows.map((r) => ({
			framework,
			group_id: g.id,
			group: g.title,
			series: r.label,
			local: r.local,
			national: r.national,
			sources: r.sources
		}))
	);
	return exportTable({
		name: 'Articulation',
		columns: [
			{ key: 'framework', header: 'Cadre', type: 'text' },
			{ key: 'group_id', header: 'Mesure ou domaine', type: 'text' },
			{ key: 'group', header: 'Intitulé', type: 'text', width: 40 },
			{ key: 'series', header: 'Série suivie', type: 'text', width: 40 },
			{ key: 'local', header: 'Dans ce contrat', type: 'text', width: 40 },
			{ key: 'national', header: 'Référence nationale', type: 'text', width: 40 },
			{ key: 'sources', header: 'Sources', type: 'text', width: 60 }
		],
		rows
	});
}
