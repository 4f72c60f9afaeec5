// Formats the QPV's indicator views into plain rows for the page (French numbers, labels).
import { describeVintage } from '$lib/domain/series';
import { formatChange, formatNumber, formatObservation, formatValue } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import type { IndicatorView } from '$lib/server/evaluation/indicator-view';
import type { QpvRankRow } from '$lib/server/queries/quartiers';
import { sourceLine } from '$lib/server/queries/sources';

export interface ChartBlock {
	title: string;
	svg: string;
	sources: string;
}

export interface GapCell {
	label: string;
	reference: string;
	gap: string;
	trend: string | null;
}

export interface IndicatorRow {
	id: string;
	label: string;
	unit: string;
	latest: string;
	latestWhen: string;
	baseline: string;
	baselineWhen: string;
	change: string;
	verdict: string;
	verdictLabel: string;
	gaps: GapCell[];
	rank: string;
	warnings: string[];
	secret: boolean;
	sources: string;
}

export function gapText(view: IndicatorView, i: number): string {
	const gap = view.references[i]?.gap;
	if (!gap || gap.value === null) return 'non calculable';
	return gap.measure === 'points'
		? formatChange(gap.difference, view.indicator.unit)
		: gap.ratioPercent === null
			? 'non calculable'
			: `${formatNumber(gap.ratioPercent, 0)} % de la référence`;
}

export function toIndicatorRows(
	views: IndicatorView[],
	ranks: Map<string, QpvRankRow>,
	provenance: Map<string, Provenance>
): IndicatorRow[] {
	return views.map((view) => {
		const { evolution, indicator } = view;
		const last = evolution.series[evolution.series.length - 1];
		const rank = ranks.get(indicator.id);
		return {
			id: indicator.id,
			label: indicator.label,
			unit: indicator.unit,
			latest: evolution.latest
				? formatValue(evolution.latest.value, indicator.unit)
				: last
					? formatObservation(last, indicator.unit)
					: 'non disponible',
			latestWhen: evolution.latest
				? describeVintage(evolution.latest)
				: last
					? describeVintage(last)
					: '',
			baseline: evolution.baseline ? formatValue(evolution.baseline.value, indicator.unit) : '—',
			baselineWhen: evolution.baseline ? describeVintage(evolution.baseline) : '',
			change: evolution.change === null ? '—' : formatChange(evolution.change, indicator.unit),
			verdict: evolution.verdict,
			verdictLabel: evolution.verdictLabel,
			gaps: view.references.map((r, i) => ({
				label: r.label,
				reference: r.latest ? formatObservation(r.latest, indicator.unit) : '—',
				gap: gapText(view, i),
				trend: r.trend ? r.trend.label : null
			})),
			rank: rank ? `${formatNumber(rank.rank)} sur ${formatNumber(rank.n)}` : '—',
			warnings: evolution.warnings,
			secret: evolution.series.some((o) => o.status === 'secret'),
			sources: sourceLine(view.sourcePaths, provenance)
		};
	});
}
