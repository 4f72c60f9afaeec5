// Shared by the printable fiches (contrat and quartier): the row type of the headline table, the
// generation date and the small maps (a QPV boundary, a contrat's perimeter on its own extent).
import {
	qpvBoundaryMap,
	qpvInContratMap,
	type QpvInContratDrawn,
	type QpvPlace
} from '$lib/charts/maps';
import { parseGeometry, prepareGeometry } from '$lib/charts/geo';
import type { Verdict } from '$lib/domain/evolution';
import type { Arrow } from '$lib/domain/headline';
import { contratShapes } from '$lib/server/queries/overview';
import { getContratQpvPlaces } from '$lib/server/queries/qpv-places';
import { plural } from '$lib/french';

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

export type { Arrow };

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

export interface LocatorMap {
	svg: string;
	/** The legend in words: what blue, grey and the outline are. */
	caption: string;
	/** Whether the QPV is drawn by its boundary (else by its commune's point). */
	boundary: boolean;
}

/** Where a QPV sits in its contrat: the map and its legend in words; null when nothing places it. */
export async function qpvLocatorMap(
	qpvCode: string,
	contrat: { code: string; name: string }
): Promise<LocatorMap | null> {
	const [shapes, places] = await Promise.all([contratShapes(), getContratQpvPlaces(contrat.code)]);
	const perimeter = shapes.find((s) => s.code === contrat.code)?.geometry ?? null;
	const toPlace = (p: (typeof places)[number]): QpvPlace => ({
		code: p.code,
		name: p.name ?? p.code,
		geometry: p.geometry,
		point: p.longitude !== null && p.latitude !== null ? [p.longitude, p.latitude] : null
	});
	const own = places.find((p) => p.code === qpvCode);
	if (!own) return null;
	const qpv = toPlace(own);
	const others = places.filter((p) => p.code !== qpvCode).map(toPlace);
	const drawn = qpvInContratMap(
		{ contrat: perimeter ? { ...contrat, geometry: perimeter } : null, qpv, others },
		{
			title: `Le quartier ${qpv.name} dans le contrat ${contrat.name}`,
			width: MAP_SIZE,
			height: MAP_SIZE,
			tolerance: BOUNDARY_TOLERANCE,
			contratTolerance: CONTRAT_TOLERANCE
		}
	);
	if (!drawn) return null;
	return {
		svg: roundSvgPaths(drawn.svg),
		caption: locatorLegend(drawn, own.commune, others.length, contrat.name),
		boundary: drawn.boundary
	};
}

/** The locator map's legend in words, from what it drew. */
export function locatorLegend(
	drawn: Omit<QpvInContratDrawn, 'svg'>,
	commune: string | null,
	otherCount: number,
	contratName: string
): string {
	const placed = drawn.boundary
		? 'En bleu : le quartier (limites 2015)'
		: `Point bleu : ${commune ? `la commune de ${commune}` : 'sa commune'}, où se situe le quartier, dont le contour n’est pas publié`;
	const many = plural(otherCount, 'autre quartier', 'autres quartiers');
	const rest =
		otherCount === 0
			? 'seul quartier du contrat'
			: drawn.otherShapes > 0
				? `en gris : ${drawn.otherShapes === otherCount ? (otherCount === 1 ? 'l’autre quartier' : `les ${many}`) : `${plural(drawn.otherShapes, 'autre quartier', 'autres quartiers')} sur ${otherCount}`} du contrat`
				: drawn.otherPoints > 0
					? `points gris : ${plural(drawn.otherPoints, 'autre commune', 'autres communes')} du contrat ayant un quartier`
					: `${otherCount === 1 ? 'l’autre quartier du contrat est' : `les ${many} du contrat sont`} dans la même commune`;
	const outline = drawn.perimeter ? ` ; trait gris : périmètre du contrat ${contratName}` : '';
	return `${placed} ; ${rest}${outline}. Contours simplifiés.`;
}
