// Shared by the printable fiches (contrat and quartier): the row type of the headline table, the
// generation date and the small maps (a QPV boundary, a contrat's perimeter on its own extent).
import { qpvBoundaryMap } from '$lib/charts/maps';
import { parseGeometry, prepareGeometry } from '$lib/charts/geo';
import type { Verdict } from '$lib/domain/evolution';
import { contratShapes } from '$lib/server/queries/overview';

export interface FicheIndicator {
	id: string;
	/** Pillar label: the table groups its rows under it. */
	pillar: string;
	label: string;
	/** Latest figure, French formatted (or the distribution across QPV for a contrat). */
	value: string;
	when: string;
	/** Baseline figure and its vintage; '—' when the latest year is the only one. */
	baseline: string;
	baselineWhen: string;
	change: string;
	arrow: Arrow;
	verdict: Verdict;
	verdictLabel: string;
	/** Comparisons (gap to France métropolitaine, to the commune, ensemble des QPV…). */
	comparisons: string[];
	note: string | null;
}

export interface Arrow {
	symbol: '↗' | '↘' | '→' | '–';
	/** Text alternative of the symbol. */
	label: string;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Paris'
});

/** « Fiche générée le 1er mars 2025 » (Paris time; French ordinal for the first of the month). */
export function generatedOn(date: Date): string {
	return `Fiche générée le ${dayFormat.format(date).replace(/^1 /, '1er ')}`;
}

/** Path coordinates rounded to `digits` decimals: a 200-pixel map needs no thousandths. */
export function roundSvgPaths(svg: string, digits = 1): string {
	return svg.replace(/ d="([^"]*)"/g, (_, d: string) => {
		const rounded = d.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(digits))));
		return ` d="${rounded}"`;
	});
}

/** Vertex thinning for a QPV boundary: ≈ 20 m. */
export const BOUNDARY_TOLERANCE = 0.0002;
const MAP_SIZE = 200;

/** One area drawn on its own extent (a QPV boundary, or an overseas contrat), thinned first. */
export function areaMap(
	row: { code: string; name: string; geometry: string | null },
	title: string,
	description?: string,
	tolerance = BOUNDARY_TOLERANCE
): string | null {
	const g = parseGeometry(row.geometry);
	if (!g) return null;
	const thin = JSON.stringify(prepareGeometry(g, tolerance));
	return roundSvgPaths(
		qpvBoundaryMap(
			{ ...row, geometry: thin },
			{ title, description, width: MAP_SIZE, height: MAP_SIZE }
		)
	);
}

/** ≈ 200 m: a contrat's perimeter drawn on its own extent stays a few kilobytes. */
export const CONTRAT_TOLERANCE = 0.002;

/** The contrat's perimeter zoomed on its own extent; null when no perimeter is published. */
export async function contratAreaMap(code: string, name: string): Promise<string | null> {
	const shapes = await contratShapes();
	const geometry = shapes.find((s) => s.code === code)?.geometry ?? null;
	return areaMap(
		{ code, name, geometry },
		`Périmètre du contrat ${name}`,
		`Périmètre du contrat de ville ${name} (${code}), contours simplifiés.`,
		CONTRAT_TOLERANCE
	);
}
