// How each Baromètre series followed by a measure is read: the base its département values are
// divided by, the direction that counts as progress, the DITP method note that defines it, and the
// series of the other publication (Etalab ↔ DITP) that claims to measure the same thing.
import type { Direction } from './measure-progress';

export type BaseKind = 'rate' | 'population' | 'qpv_population';

export interface SeriesReading {
	base: BaseKind;
	/** Per how many units of the base (1,000 inhabitants, 100,000 inhabitants). */
	per: number;
	/** For Etalab series, which publish no direction; DITP series carry their own `tendance`. */
	direction: Direction;
	/** The same indicator in the other publication, when one exists. */
	pair?: string;
	/** Method note in data/raw/barometre-documentation/ and the number of the indicator in it. */
	doc?: { file: string; indicator: number };
}

const DEDOUBLER = 'mesures_1-education-jeunesse_1-dedoubler-classes-rep.md';
const SECURITE = 'mesures_5-securite_1-securite-quotidien.md';
const SANTE = 'mesures_7-sante-famille-handicap_4-maisons-sante.md';

export const SERIES_READINGS: Record<string, SeriesReading> = {
	'tx-classes-cp-ce1-rep': {
		base: 'rate',
		per: 100,
		direction: 'hausse',
		doc: { file: DEDOUBLER, indicator: 1 }
	},
	'tx-gs-rep': {
		base: 'rate',
		per: 100,
		direction: 'hausse',
		pair: 'IND-244',
		doc: { file: DEDOUBLER, indicator: 2 }
	},
	'IND-244': {
		base: 'rate',
		per: 100,
		direction: 'hausse',
		pair: 'tx-gs-rep',
		doc: { file: DEDOUBLER, indicator: 2 }
	},
	'IND-242': { base: 'population', per: 1000, direction: 'hausse' },
	'nb-formation-pic': {
		base: 'population',
		per: 1000,
		direction: 'hausse',
		doc: { file: 'mesures_2-economie-emploi_5-renforcer-competences-nation.md', indicator: 1 }
	},
	'nb-heures-patrouille': {
		base: 'population',
		per: 1000,
		direction: 'hausse',
		pair: 'IND-304',
		doc: { file: SECURITE, indicator: 1 }
	},
	'IND-304': {
		base: 'population',
		per: 1000,
		direction: 'hausse',
		pair: 'nb-heures-patrouille',
		doc: { file: SECURITE, indicator: 1 }
	},
	'nb-maisons-sante': {
		base: 'population',
		per: 100000,
		direction: 'hausse',
		pair: 'IND-311',
		doc: { file: SANTE, indicator: 1 }
	},
	'IND-311': {
		base: 'population',
		per: 100000,
		direction: 'hausse',
		pair: 'nb-maisons-sante',
		doc: { file: SANTE, indicator: 1 }
	},
	'nb-centres-sante': {
		base: 'population',
		per: 100000,
		direction: 'hausse',
		pair: 'IND-318',
		doc: { file: SANTE, indicator: 2 }
	},
	'IND-318': {
		base: 'population',
		per: 100000,
		direction: 'hausse',
		pair: 'nb-centres-sante',
		doc: { file: SANTE, indicator: 2 }
	}
};

/** A series not in the catalogue: per 1,000 inhabitants, a rate when its unit is a share. */
export function readingOf(id: string, unit: string | null): SeriesReading {
	const known = SERIES_READINGS[id];
	if (known) return known;
	const isShare = (unit ?? '').trim().startsWith('%');
	return { base: isShare ? 'rate' : 'population', per: isShare ? 100 : 1000, direction: 'hausse' };
}

export function baseLabel(reading: SeriesReading): string {
	const per = reading.per.toLocaleString('fr-FR');
	if (reading.base === 'rate') return 'part publiée, sa propre base (effectif éligible non publié)';
	if (reading.base === 'qpv_population') return `pour ${per} habitants des QPV`;
	return `pour ${per} habitants`;
}

/** Series of the dédoublement: their natural base, the eligible classes, is published nowhere. */
const ELIGIBLE_CLASSES = new Set(['tx-classes-cp-ce1-rep', 'tx-gs-rep', 'IND-244', 'IND-242']);

/** What the base of a series cannot be, said plainly when the data lacks it; null otherwise. */
export function baseNote(id: string, reading: SeriesReading): string | null {
	if (!ELIGIBLE_CLASSES.has(id)) return null;
	const missing =
		'Le nombre de classes éligibles (grande section, CP et CE1 en REP et REP+) par département ' +
		'n’est dans aucun fichier réuni ici';
	return reading.base === 'rate'
		? `${missing} : la part publiée est sa propre base ; la page ne peut ni la recalculer, ni la rapporter à une autre base « par classe éligible ».`
		: `${missing} : faute de mieux, les élèves sont rapportés aux habitants du département, ce qui dit la taille de l’éducation prioritaire plus que l’avancement de la mesure ; là où le DITP publie une cible, le classement suit l’avancement vers elle.`;
}
