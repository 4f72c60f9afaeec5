// Shared by the printable fiches (contrat and quartier): headline picking, the evolution arrow and
// its words, the generation date, the vintages line and the small maps.
import { franceContratsMap, qpvBoundaryMap } from '$lib/charts/maps';
import { isMetropolitan, parseGeometry, prepareGeometry } from '$lib/charts/geo';
import { verdictFor, type Evolution, type Verdict } from '$lib/domain/evolution';
import type { Indicator } from '$lib/schemas/indicators';
import { contratShapes } from '$lib/server/queries/overview';

/** A fiche holds at most this many indicators to stay on one A4 page. */
export const HEADLINE_MAX = 8;

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

/**
 * Up to `max` items taken from each group in turn (pillar after pillar, so that every pillar is
 * shown), returned group by group in their original order.
 */
export function pickHeadline<T>(groups: T[][], max = HEADLINE_MAX): T[] {
	const counts = groups.map(() => 0);
	let taken = 0;
	for (let round = 0; taken < max && groups.some((g) => round < g.length); round++) {
		groups.forEach((g, i) => {
			if (round < g.length && taken < max) {
				counts[i]!++;
				taken++;
			}
		});
	}
	return groups.flatMap((g, i) => g.slice(0, counts[i]));
}

/**
 * Which way the value moved since the baseline (not whether it is good: the verdict says that).
 * Same thresholds as the verdict; no arrow when the evolution cannot be read (one year only,
 * changed definition or source).
 */
export function evolutionArrow(
	indicator: Pick<Indicator, 'unit'>,
	evolution: Pick<Evolution, 'change' | 'relativeChange' | 'comparability'> | null
): Arrow {
	if (!evolution || evolution.change === null || evolution.comparability?.comparable === false) {
		return { symbol: '–', label: 'évolution non mesurable' };
	}
	const movement = verdictFor('up', indicator.unit, evolution.change, evolution.relativeChange);
	if (movement === 'stable') return { symbol: '→', label: 'quasi stable depuis la référence' };
	return movement === 'amelioration'
		? { symbol: '↗', label: 'en hausse depuis la référence' }
		: { symbol: '↘', label: 'en baisse depuis la référence' };
}

/**
 * The note under an indicator: why its verdict is 'non interprétable' (one year only, changed
 * source or definition, no desirable direction), or null when the verdict stands.
 */
export function verdictNote(
	indicator: Pick<Indicator, 'direction'>,
	evolution: Pick<Evolution, 'verdict' | 'change' | 'comparability' | 'warnings'> | null
): string | null {
	if (!evolution || evolution.verdict !== 'indetermine') return null;
	if (evolution.change === null) return evolution.warnings.at(-1) ?? null;
	if (evolution.comparability && !evolution.comparability.comparable) {
		return evolution.comparability.reasons[0] ?? null;
	}
	if (indicator.direction === 'neutral') {
		return 'Sans sens d’amélioration : l’évolution est décrite, pas jugée.';
	}
	return null;
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

/** « Millésimes des chiffres : 2017, 2021 et 2022. » from the vintages actually shown. */
export function vintagesLine(vintages: number[]): string {
	const list = [...new Set(vintages)].sort((a, b) => a - b).map(String);
	if (list.length === 0) return 'Aucun chiffre millésimé sur cette fiche.';
	const text = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} et ${list.at(-1)}`;
	return `Millésime${list.length > 1 ? 's' : ''} des chiffres : ${text}.`;
}

/** Path coordinates rounded to `digits` decimals: a 200-pixel map needs no thousandths. */
export function roundSvgPaths(svg: string, digits = 1): string {
	return svg.replace(/ d="([^"]*)"/g, (_, d: string) => {
		const rounded = d.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(digits))));
		return ` d="${rounded}"`;
	});
}

/** Vertex thinning for the fiche maps: ≈ 10 km on the France map, ≈ 20 m on a QPV boundary. */
export const FRANCE_TOLERANCE = 0.1;
export const BOUNDARY_TOLERANCE = 0.0002;
const MAP_SIZE = 200;

/** One area drawn on its own extent (a QPV boundary, or an overseas contrat), thinned first. */
export function areaMap(
	row: { code: string; name: string; geometry: string | null },
	title: string,
	description?: string
): string | null {
	const g = parseGeometry(row.geometry);
	if (!g) return null;
	const thin = JSON.stringify(prepareGeometry(g, BOUNDARY_TOLERANCE));
	return roundSvgPaths(
		qpvBoundaryMap(
			{ ...row, geometry: thin },
			{ title, description, width: MAP_SIZE, height: MAP_SIZE }
		)
	);
}

/** The contrats of metropolitan France with one highlighted; null when it is not among them. */
export async function contratLocatorMap(code: string, name: string): Promise<string | null> {
	const shapes = await contratShapes();
	const geometry = shapes.find((s) => s.code === code)?.geometry ?? null;
	const own = parseGeometry(geometry);
	if (!own) return null;
	if (!isMetropolitan(own)) {
		return areaMap(
			{ code, name, geometry },
			`Périmètre du contrat ${name}`,
			`Périmètre du contrat de ville ${name} (${code}).`
		);
	}
	return roundSvgPaths(
		franceContratsMap(shapes, {
			title: `Situation du contrat ${name} en France métropolitaine`,
			highlightCode: code,
			tolerance: FRANCE_TOLERANCE,
			width: MAP_SIZE,
			height: MAP_SIZE
		})
	);
}
