// Server-side rendering of Observable Plot charts: Plot needs a DOM, given here by linkedom, and
// the result is returned as HTML text for Svelte's {@html}. Fixed sizes: the server has no layout.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { LightDocument } from './light-document';

/** DSFR-like colours: selected territory in blue France, references in greys and a warm tone. */
export const COLORS = {
	selected: '#000091',
	reference: ['#e1000f', '#6a6a6a', '#009081', '#a558a0', '#b7a73f'],
	muted: '#c9c9c9'
} as const;

/**
 * One distinct colour per series, colour-blind safe (Okabe & Ito): blue, vermilion, bluish green,
 * reddish purple, orange, sky blue, black. The first goes to the territory the page is about.
 */
export const SERIES = [
	'#0072b2',
	'#d55e00',
	'#009e73',
	'#cc79a7',
	'#e69f00',
	'#56b4e9',
	'#000000'
] as const;

/** Chart text at 14 px of a chart drawn ≤ 400 px wide stays ≥ 11 px when a phone shrinks it. */
export const READABLE_FONT = 14;

export interface ChartText {
	/** Accessible name (aria-label and SVG <title>). */
	title: string;
	/** Descriptive text (aria-description and SVG <desc>); a default is built when absent. */
	description?: string;
	width?: number;
	height?: number;
	/** Text size in px at the chart's own width (Plot's default is 10). */
	fontSize?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * One document for every chart of the process: Plot only creates detached nodes with it (nothing
 * is appended to it), so a new document per chart was pure cost.
 */
let shared: Document | undefined;
function chartDocument(): Document {
	shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
	return shared;
}

/**
 * The lighter document (see light-document.ts) for the charts whose output it reproduces byte for
 * byte, checked by their committed snapshots: the contrat page's charts and the QPV page's series.
 */
let light: Document | undefined;
export function lightDocument(): Document {
	light ??= new LightDocument() as unknown as Document;
	return light;
}

/** Every element under `root` (itself included) that `keep` accepts, in document order. */
function descendants(root: Element, keep: (el: Element) => boolean): Element[] {
	const found: Element[] = [];
	const visit = (el: Element) => {
		if (keep(el)) found.push(el);
		for (const child of el.children) visit(child);
	};
	visit(root);
	return found;
}

/**
 * Renders a Plot chart to HTML: the <svg> alone, or the <figure> Plot wraps it in when a legend is
 * shown. The SVG gets role="img", a <title> and a <desc> for screen readers.
 */
export function renderPlot(
	options: Plot.PlotOptions,
	text: { title: string; description: string; fontSize?: number },
	document?: Document
): string {
	return drawPlot(options, text, document).outerHTML;
}

/** The chart's node before serialisation (its `scale(name)` gives the scales Plot chose). */
export function drawPlot(
	options: Plot.PlotOptions,
	text: { title: string; description: string; fontSize?: number },
	document: Document = chartDocument()
): Element & { scale(name: 'x' | 'y'): Plot.Scale } {
	const node = Plot.plot({
		...options,
		...(text.fontSize ? { style: { fontSize: `${text.fontSize}px` } } : {}),
		document,
		ariaLabel: text.title,
		ariaDescription: text.description
	}) as unknown as Element;
	// The chart's own <svg>: the node itself, or the figure's direct child (legend swatches are
	// nested svg elements too).
	const svg =
		node.tagName.toLowerCase() === 'svg'
			? node
			: [...node.children].find((c) => c.tagName.toLowerCase() === 'svg');
	// Plot labels each mark's <g>; inside an image those labels are prohibited ARIA (axe), and the
	// chart's own title and description already name it.
	// The mark's name is kept as data-mark, for tests and debugging.
	// A tree walk, not querySelectorAll: linkedom compiles the selector again at every call.
	const labelled = (el: Element) =>
		el.tagName.toLowerCase() === 'g' &&
		(el.hasAttribute('aria-label') || el.hasAttribute('aria-description'));
	for (const el of descendants(node, labelled)) {
		const mark = el.getAttribute('aria-label');
		if (mark) el.setAttribute('data-mark', mark);
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	}
	if (svg) {
		// A chart with links (a map whose areas open their page) stays a group, not an image.
		const hasLink = descendants(svg, (el) => el.tagName.toLowerCase() === 'a').length > 0;
		svg.setAttribute('role', hasLink ? 'group' : 'img');
		// SVG namespace: an HTML <title> would be serialised without escaping its text.
		const title = document.createElementNS(SVG_NS, 'title');
		title.textContent = text.title;
		const desc = document.createElementNS(SVG_NS, 'desc');
		desc.textContent = text.description;
		svg.insertBefore(desc, svg.firstChild);
		svg.insertBefore(title, desc);
	}
	return node as Element & { scale(name: 'x' | 'y'): Plot.Scale };
}

/** `value` written as the chart serialiser writes an attribute value (between double quotes). */
export function escapedAttribute(value: string): string {
	const el = chartDocument().createElementNS(SVG_NS, 'g');
	el.setAttribute('v', value);
	// `<g v="…" />`: quotes inside the value are escaped, so the last quote closes it.
	const html = el.outerHTML;
	return html.slice(html.indexOf('"') + 1, html.lastIndexOf('"'));
}

/** `value` written as the chart serialiser writes the text of an SVG element. */
export function escapedText(value: string): string {
	if (value === '') return '';
	const el = chartDocument().createElementNS(SVG_NS, 'desc');
	el.textContent = value;
	return el.outerHTML.slice('<desc>'.length, -'</desc>'.length);
}

/** Years as axis ticks: '2017', never '2 017'. */
export const yearTick = (d: number): string => String(d);
