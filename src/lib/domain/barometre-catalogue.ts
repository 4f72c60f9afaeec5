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
	if (reading.base === 'rate') return 'part déjà rapportée à sa base (classes ou élèves concernés)';
	if (reading.base === 'qpv_population') return `pour ${per} habitants des QPV`;
	return `pour ${per} habitants`;
}
