// A measure's national trajectory from 2017: one line per publication (Etalab, DITP), drawn as one
// when the two agree on their common dates, the join marked, the target as a ringed point.
import * as Plot from '@observablehq/plot';
import { formatDate, formatNumber } from '../format';
import { COLORS, renderPlot, type ChartText } from './render';

export interface TrajectoryPoint {
	date: string;
	value: number;
	/** The publication's name as the legend shows it, e.g. 'Etalab 2017–2022'. */
	series: string;
}

export interface TrajectoryOptions extends ChartText {
	/** Axis label: what is counted, with its unit. */
	label: string;
	/** Number format for axis ticks and labels (short, no unit). */
	format: (value: number) => string;
	target?: { date: string; value: number } | null;
	/** Date where the trajectory passes from one publication to the other. */
	joinDate?: string | null;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function measureTrajectoryChart(
	rows: TrajectoryPoint[],
	options: TrajectoryOptions
): string {
	const points = rows.map((r) => ({ ...r, at: asDate(r.date) }));
	const series = [...new Set(rows.map((r) => r.series))];
	const target = options.target ? [{ ...options.target, at: asDate(options.target.date) }] : [];
	const first = rows[0];
	const last = rows.at(-1);
	const description =
		options.description ??
		(first && last
			? `${options.label}, France : ${options.format(first.value)} au ${formatDate(first.date)}, ` +
				`${options.format(last.value)} au ${formatDate(last.date)} (${formatNumber(rows.length)} valeurs ; ${series.join(', ')})` +
				(options.target
					? `. Cible : ${options.format(options.target.value)} au ${formatDate(options.target.date)}.`
					: '.')
			: `${options.label} : aucune valeur nationale publiée.`);
	const palette = [COLORS.selected, COLORS.reference[2], COLORS.reference[3]];
	// Tick labels run to nine digits (95 452 843 patrol hours): the margin grows with the widest.
	const widest = Math.max(0, ...rows.map((r) => r.value), options.target?.value ?? 0);
	const fontSize = options.fontSize ?? 10;
	const marginLeft = Math.max(64, 16 + Math.ceil(0.62 * fontSize * options.format(widest).length));
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 280,
			marginLeft,
			marginRight: 24,
			x: { type: 'utc', label: null, grid: false },
			y: { label: options.label, tickFormat: options.format, grid: true, zero: true },
			color: {
				domain: series,
				range: palette.slice(0, series.length),
				legend: series.length > 1
			},
			marks: [
				options.joinDate
					? Plot.ruleX([asDate(options.joinDate)], { stroke: '#929292', strokeDasharray: '3,3' })
					: null,
				options.joinDate
					? Plot.text([asDate(options.joinDate)], {
							x: (d: Date) => d,
							frameAnchor: 'top',
							dy: 2,
							textAnchor: 'end',
							dx: -4,
							fill: '#3a3a3a',
							text: () => 'raccord des deux publications'
						})
					: null,
				Plot.line(points, { x: 'at', y: 'value', stroke: 'series', strokeWidth: 2 }),
				Plot.dot(points, {
					x: 'at',
					y: 'value',
					fill: 'series',
					r: 2.5,
					title: (p: TrajectoryPoint) =>
						`${formatDate(p.date)} : ${options.format(p.value)} (${p.series})`
				}),
				Plot.dot(target, {
					x: 'at',
					y: 'value',
					stroke: COLORS.reference[0],
					strokeWidth: 2,
					r: 6
				}),
				// Anchored at its end, left of the point: a long unit never runs off the chart.
				Plot.text(target, {
					x: 'at',
					y: 'value',
					dx: -10,
					textAnchor: 'end',
					fill: COLORS.reference[0],
					text: (t: { value: number; date: string }) =>
						`cible ${options.format(t.value)} (${formatDate(t.date)})`
				})
			]
		},
		{ title: options.title, description }
	);
}
