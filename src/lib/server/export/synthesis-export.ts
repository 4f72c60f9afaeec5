// The contrat synthesis as a sheet of the Excel annex: one row per headline indicator, typed
// numbers, with what each contrat figure is and its data years.
import type { ContratSynthesis } from '../evaluation/contrat-synthesis';
import { exportTable, type ExportTable } from './columns';

interface SynthesisExportRow {
	label: string;
	period_kind: string;
	baseline_period: number | null;
	latest_period: number | null;
	figure_baseline: number | null;
	figure_latest: number | null;
	figure_label: string;
	n_qpv: number;
	n_improved: number;
	n_worsened: number;
	n_stable: number;
	n_not_comparable: number;
	gap_measure: string | null;
	gap_baseline: number | null;
	gap_latest: number | null;
	furthest: string | null;
	n_peers_more: number;
	n_peers_less: number;
	n_peers_same: number;
}

export function synthesisTable(synthesis: ContratSynthesis): ExportTable {
	const rows: SynthesisExportRow[] = synthesis.indicators.map(
		({ indicator, row, furthestName }) => ({
			...row,
			label: `${indicator.label} (${indicator.unit})`,
			period_kind:
				row.period_kind === 'annee_donnees'
					? 'année des données'
					: 'millésime (année des données non publiée)',
			gap_measure:
				row.gap_measure === null
					? null
					: row.gap_measure === 'points'
						? 'écart en points'
						: 'QPV en % de l’EPCI',
			furthest: row.furthest_qpv_code ? `${furthestName ?? ''} (${row.furthest_qpv_code})` : null
		})
	);
	return exportTable({
		name: 'Synthèse',
		columns: [
			{ key: 'label', header: 'Indicateur', type: 'text', width: 40 },
			{ key: 'period_kind', header: 'Années lues', type: 'text', width: 24 },
			{ key: 'baseline_period', header: 'Départ', type: 'integer' },
			{ key: 'latest_period', header: 'Arrivée', type: 'integer' },
			{ key: 'figure_baseline', header: 'Contrat au départ', type: 'number' },
			{ key: 'figure_latest', header: 'Contrat à l’arrivée', type: 'number' },
			{ key: 'figure_label', header: 'Nature du chiffre du contrat', type: 'text', width: 50 },
			{ key: 'n_qpv', header: 'QPV du contrat', type: 'integer' },
			{ key: 'n_improved', header: 'QPV en amélioration', type: 'integer' },
			{ key: 'n_worsened', header: 'QPV en dégradation', type: 'integer' },
			{ key: 'n_stable', header: 'QPV stables', type: 'integer' },
			{ key: 'n_not_comparable', header: 'QPV non comparables', type: 'integer' },
			{ key: 'gap_measure', header: 'Écart à l’EPCI (mesure)', type: 'text' },
			{ key: 'gap_baseline', header: 'Écart médian au départ', type: 'number' },
			{ key: 'gap_latest', header: 'Écart médian à l’arrivée', type: 'number' },
			{ key: 'furthest', header: 'QPV le plus en retard', type: 'text', width: 30 },
			{ key: 'n_peers_more', header: 'QPV plus favorables que leurs pairs', type: 'integer' },
			{ key: 'n_peers_less', header: 'QPV moins favorables que leurs pairs', type: 'integer' },
			{ key: 'n_peers_same', header: 'QPV comme leurs pairs', type: 'integer' }
		],
		rows
	});
}
