// The minimal DOM of the contrat charts and QPV series writes what linkedom writes: a tree built by
// hand with the cases Plot reaches (attribute order, empty style, escaping, raw <style>, text swaps),
// and a chart with a swatch legend.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { LightDocument } from '../../../../src/lib/charts/light-document';
import { lightDocument, renderPlot } from '../../../../src/lib/charts/render';

const SVG = 'http://www.w3.org/2000/svg';

/** The same operations on any document, returning the figure's HTML. */
function draw(document: Document): string {
	const figure = document.createElement('figure');
	figure.className = 'plot-figure';
	figure.style.maxWidth = 'initial';
	const div = document.createElement('div');
	div.style.setProperty('columns', 'auto');
	div.style.removeProperty('columns');
	div.setAttribute('class', 'swatches');
	const style = document.createElement('style');
	style.textContent = ':where(.swatch > svg) { margin: 0 }';
	div.append(style);
	div.insertBefore(document.createElement('span'), div.querySelector('*'));
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('width', '400');
	svg.setAttribute('aria-label', 'Taux « 10 % » & "cités" <écoles>');
	svg.setAttribute('width', '300');
	Object.assign(svg.style, { fontSize: '14px' });
	const g = document.createElementNS(SVG, 'g');
	g.setAttribute('aria-label', 'dot');
	g.removeAttribute('aria-label');
	const text = document.createElementNS(SVG, 'text');
	text.textContent = 'première';
	text.textContent = 'a < b & c\u00a0d';
	g.append(text, document.createElementNS(SVG, 'circle'));
	svg.append(g);
	figure.append(div, svg, document.createElement('br'));
	return (figure as Element).outerHTML;
}

describe('LightDocument', () => {
	it('serialises a chart tree exactly as linkedom does', () => {
		const linked = parseHTML('<!doctype html><html><body></body></html>').document;
		const light = draw(new LightDocument() as unknown as Document);
		expect(light).toBe(draw(linked as unknown as Document));
		expect(light).toBe(
			'<figure style="max-width:initial" class="plot-figure">' +
				'<div class="swatches"><span></span><style>:where(.swatch > svg) { margin: 0 }</style></div>' +
				'<svg style="font-size:14px" aria-label="Taux « 10 % » & &quot;cités&quot; <écoles>" width="300">' +
				'<g><text>a &lt; b &amp; c&#160;d</text><circle /></g></svg><br></figure>'
		);
	});

	it('draws a swatch legend (a QPV series with more than three lines) as linkedom does', () => {
		const names = ['QPV', 'Commune', 'EPCI', 'Département', 'France'];
		const rows = names.flatMap((name, i) =>
			[2015, 2016, 2017].map((year) => ({ name, year, value: 10 * i + year - 2015 }))
		);
		const options = {
			width: 440,
			height: 280,
			color: {
				domain: names,
				range: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'],
				legend: true
			},
			marks: [Plot.line(rows, { x: 'year', y: 'value', stroke: 'name' })]
		};
		const text = { title: 'Taux', description: 'Cinq séries', fontSize: 14 };
		const light = renderPlot(options, text, lightDocument());
		expect(light).toBe(renderPlot(options, text));
		// Five swatches, each with its name, before the chart's own <svg>.
		expect(light.match(/class="[^"]*-swatch"/g)).toHaveLength(5);
		expect(light.indexOf('>France<')).toBeLessThan(light.indexOf('role="img"'));
	});

	it('refuses a selector it does not implement rather than answer wrongly', () => {
		const el = new LightDocument().createElement('div');
		expect(() => el.querySelector('.domain')).toThrow('sélecteur non pris en charge : .domain');
	});
});
