// The headline rules shared by the contrat and QPV fiches, on hand-computed cases.
import { describe, expect, it } from 'vitest';
import {
	dataYearsSentence,
	movementArrow,
	periodWhen,
	verdictWords,
	type DatedPair
} from '../../../../src/lib/domain/headline';

describe('movementArrow', () => {
	it('reads a rate in points: under 0.5 point is quasi stable', () => {
		// 43.03 → 43.36 %: +0.33 pt.
		expect(movementArrow('%', 43.03, 43.36)).toEqual({
			symbol: '→',
			label: 'quasi stable depuis le départ'
		});
		// 52.1 → 51.3 %: −0.8 pt.
		expect(movementArrow('%', 52.1, 51.3).symbol).toBe('↘');
	});

	it('reads an amount or a count relatively: under 1 % is quasi stable', () => {
		// 12 839 → 12 900 €: +0.48 %, stable; 12 839 → 13 745 €: +7.1 %, up.
		expect(movementArrow('€', 12839, 12900).symbol).toBe('→');
		expect(movementArrow('€', 12839, 13745)).toEqual({
			symbol: '↗',
			label: 'en hausse depuis le départ'
		});
		// 1 262 → 1 244 job-seekers: −1.4 %, down.
		expect(movementArrow('personnes', 1262, 1244).symbol).toBe('↘');
	});

	it('says when no movement can be measured', () => {
		expect(movementArrow('%', null, 40)).toEqual({
			symbol: '–',
			label: 'évolution non mesurable'
		});
	});
});

describe('periodWhen and verdictWords', () => {
	it('dates a figure by its data year, or by its vintage when that is all that is known', () => {
		expect(periodWhen(2019, 'annee_donnees')).toBe('données 2019');
		expect(periodWhen(2022, 'millesime')).toBe('millésime 2022');
		expect(periodWhen(null, 'millesime')).toBe('');
	});

	it('puts a verdict in words', () => {
		expect(verdictWords('amelioration', true)).toBe('en amélioration');
		expect(verdictWords('indetermine', true)).toBe('décrit, pas jugé');
		expect(verdictWords('indetermine', false)).toBe('non comparable');
	});
});

describe('dataYearsSentence', () => {
	it('gives the data years once, and the vintages only when some figure has no data year', () => {
		const data: DatedPair = {
			period_kind: 'annee_donnees',
			baseline_period: 2015,
			latest_period: 2019
		};
		const vintage: DatedPair = {
			period_kind: 'millesime',
			baseline_period: 2017,
			latest_period: 2022
		};
		expect(dataYearsSentence([data])).toBe('Années des données : 2015 à 2019.');
		expect(dataYearsSentence([data, vintage])).toBe(
			'Années des données : 2015 à 2019. « Millésime » : année de publication (2017 à 2022), l’année des données n’étant pas publiée.'
		);
		expect(dataYearsSentence([])).toBe('Aucun chiffre publié sur cette fiche.');
	});
});
