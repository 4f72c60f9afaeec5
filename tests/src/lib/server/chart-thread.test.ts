// The chart thread draws what the main thread would, each answer to its own request, and passes
// a chart's error back; here it runs the TypeScript sources through tsx, as in dev.
import { describe, expect, it } from 'vitest';
import { indicatorSeriesChart, type SeriesRow } from '../../../../src/lib/charts/indicator-series';
import { qpvBoundaryMap } from '../../../../src/lib/charts/maps';
import { ChartBatch, startChartThread } from '../../../../src/lib/server/chart-thread';

const rows: SeriesRow[] = [
	{ series: 'Grande Reyssouze', year: 2016, value: 44.3, status: 'ok' },
	{ series: 'Grande Reyssouze', year: 2018, value: 41.4, status: 'ok' },
	{ series: 'France métropolitaine', year: 2016, value: 14.7, status: 'ok' },
	{ series: 'France métropolitaine', year: 2018, value: 14.8, status: 'secret' }
];
const options = (title: string) => ({
	title,
	unit: '%',
	indicatorLabel: 'Taux de pauvreté',
	xLabel: 'Année des données',
	width: 440,
	height: 280,
	fontSize: 14
});

describe('chart thread', () => {
	it('starts a worker and draws the same SVG as the main thread, each to its own request', async () => {
		expect(await startChartThread()).toBe(true);
		const titles = ['Taux A', 'Taux B', 'Taux C', 'Taux D'];
		const drawn = await Promise.all(
			titles.map((t) => new ChartBatch().draw('indicatorSeries', rows, options(t)))
		);
		drawn.forEach((svg, i) => {
			expect(svg).toBe(indicatorSeriesChart(rows, options(titles[i]!)));
			expect(svg).toContain(`<title>${titles[i]}</title>`);
		});
	});
	it('draws a QPV boundary map as the main thread does, and rejects an unreadable one', async () => {
		const area = {
			code: 'QP031001',
			name: 'Les « Izards »',
			geometry: JSON.stringify({
				type: 'Polygon',
				coordinates: [
					[
						[1.43, 43.63],
						[1.45, 43.63],
						[1.45, 43.65],
						[1.43, 43.63]
					]
				]
			})
		};
		const map = { title: 'Contour du quartier Les « Izards »', width: 320, height: 320 };
		const svg = await new ChartBatch().draw('qpvBoundaryMap', area, map);
		expect(svg).toBe(qpvBoundaryMap(area, map));
		expect(svg).toContain('<path');
		await expect(
			new ChartBatch().draw('qpvBoundaryMap', { ...area, geometry: '{' }, map)
		).rejects.toThrow(/Contour illisible pour QP031001/);
	});
	it('passes a chart’s error back as a rejection, and keeps drawing after it', async () => {
		await expect(
			new ChartBatch().draw(
				'indicatorSeries',
				rows,
				undefined as unknown as ReturnType<typeof options>
			)
		).rejects.toThrow(/TypeError/);
		expect(await new ChartBatch().draw('indicatorSeries', rows, options('Après'))).toBe(
			indicatorSeriesChart(rows, options('Après'))
		);
	});
	it('draws here the jobs of a batch the thread has not started, the same SVG, ahead of its own', async () => {
		expect(await startChartThread()).toBe(true);
		// Ten years of 400 series keep the thread busy while the batch is posted behind it.
		const long: SeriesRow[] = Array.from({ length: 4000 }, (_, i) => ({
			series: `Série ${i % 400}`,
			year: 2013 + Math.floor(i / 400),
			value: i,
			status: 'ok'
		}));
		const busy = new ChartBatch().draw('indicatorSeries', long, options('Longue'));
		const batch = new ChartBatch();
		const titles = ['Taux E', 'Taux F', 'Taux G'];
		const order: string[] = [];
		const drawn = titles.map((t) =>
			batch.draw('indicatorSeries', rows, options(t)).then((svg) => (order.push(t), svg))
		);
		void busy.then(() => order.push('Longue'));
		batch.drawWaiting();
		expect(await Promise.all(drawn)).toEqual(
			titles.map((t) => indicatorSeriesChart(rows, options(t)))
		);
		await busy;
		// Drawn here while the thread drew the long chart: they are answered before it.
		expect(order).toEqual(['Taux E', 'Taux F', 'Taux G', 'Longue']);
		// Jobs already answered are not drawn again; the thread still draws the next ones.
		batch.drawWaiting();
		expect(await new ChartBatch().draw('indicatorSeries', rows, options('Ensuite'))).toBe(
			indicatorSeriesChart(rows, options('Ensuite'))
		);
	});
	it('rejects a job of a batch that fails when drawn here', async () => {
		const batch = new ChartBatch();
		const failed = batch.draw(
			'indicatorSeries',
			rows,
			undefined as unknown as ReturnType<typeof options>
		);
		batch.drawWaiting();
		await expect(failed).rejects.toThrow(TypeError);
	});
});
