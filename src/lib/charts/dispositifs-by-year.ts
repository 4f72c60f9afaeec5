// Adultes-relais and FONJEP posts by year: grouped bars with their counts written above.
import * as Plot from '@observablehq/plot';
import { formatNumber, tickFormatter } from '../format';
import { lightDocument, renderPlot, SERIES, yearTick, type ChartText } from './render';

export const dispositifLabels = {
	adulte_relais: 'Adultes-relais',
	fonjep: 'Postes FONJEP'
} as const;

export interface DispositifYearRow {
	kind: keyof typeof dispositifLabels;
	year: number;
	/** Number of funded posts that year (counted from the source rows by the caller). */
	count: number;
}

export function dispositifsByYearChart(rows: DispositifYearRow[], options: ChartText): string {
	const data = [...rows]
		.sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
		.map((r) => ({ ...r, label: dispositifLabels[r.kind] }));
	const years = [...new Set(data.map((r) => r.year))];
	// Only the kinds present: a legend never lists a series without a bar.
	const labels = Object.values(dispositifLabels).filter((l) => data.some((r) => r.label === l));
	const description =
		options.description ??
		(data.length === 0
			? 'Aucun poste financé dans les données.'
			: `Nombre de postes financés par année, ${years[0]} à ${years.at(-1)} : ` +
				data.map((r) => `${r.label} ${r.year} : ${formatNumber(r.count)}`).join(' ; ') +
				'.');
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 280,
			marginLeft: 56,
			fx: { label: 'Année', tickFormat: yearTick, padding: 0.15 },
			x: { axis: null, domain: labels, padding: 0.1 },
			y: { label: 'Nombre de postes', tickFormat: tickFormatter('postes'), grid: true },
			color: { domain: labels, range: [...SERIES], legend: true },
			marks: [
				Plot.barY(data, { fx: 'year', x: 'label', y: 'count', fill: 'label' }),
				Plot.text(data, {
					fx: 'year',
					x: 'label',
					y: 'count',
					dy: -6,
					text: (r: DispositifYearRow) => formatNumber(r.count)
				}),
				Plot.ruleY([0])
			]
		},
		{ title: options.title, description, fontSize: options.fontSize },
		lightDocument()
	);
}
