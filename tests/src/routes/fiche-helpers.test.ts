// Unit tests of the printable fiches' pure helpers (src/routes/contrats/[code]/fiche/fiche.ts).
import { describe, expect, it } from 'vitest';
import {
	evolutionArrow,
	generatedOn,
	pickHeadline,
	roundSvgPaths,
	verdictNote,
	vintagesLine
} from '../../../src/routes/contrats/[code]/fiche/fiche';

describe('pickHeadline', () => {
	it('takes pillars in turn and returns them grouped in their order', () => {
		const groups = [
			['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
			['b1', 'b2'],
			['c1', 'c2', 'c3', 'c4']
		];
		expect(pickHeadline(groups, 8)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'c3']);
	});

	it('returns everything when there are fewer items than the maximum', () => {
		expect(pickHeadline([['a'], [], ['c']], 8)).toEqual(['a', 'c']);
	});
});

describe('evolutionArrow', () => {
	const rate = { unit: '%' };
	const count = { unit: 'personnes' };
	const ok = { comparable: true } as never;

	it('points up, down or flat with the thresholds of the verdict', () => {
		expect(
			evolutionArrow(count, { change: 19, relativeChange: 7.6, comparability: ok }).symbol
		).toBe('↗');
		expect(evolutionArrow(rate, { change: -8.9, relativeChange: null, comparability: ok })).toEqual(
			{
				symbol: '↘',
				label: 'en baisse depuis la référence'
			}
		);
		expect(
			evolutionArrow(rate, { change: 0.4, relativeChange: null, comparability: ok }).symbol
		).toBe('→');
		expect(
			evolutionArrow(count, { change: 2, relativeChange: 0.5, comparability: ok }).symbol
		).toBe('→');
	});

	it('draws no arrow without a comparable change', () => {
		expect(evolutionArrow(count, null).symbol).toBe('–');
		expect(
			evolutionArrow(count, { change: null, relativeChange: null, comparability: null }).label
		).toBe('évolution non mesurable');
		expect(
			evolutionArrow(rate, {
				change: 2.8,
				relativeChange: null,
				comparability: { comparable: false } as never
			}).symbol
		).toBe('–');
	});
});

describe('verdictNote', () => {
	const base = { comparability: null, warnings: [] as string[] };

	it('explains a non-interpretable verdict, and says nothing on a real one', () => {
		expect(
			verdictNote({ direction: 'down' }, { ...base, verdict: 'degradation', change: 19 })
		).toBeNull();
		expect(
			verdictNote(
				{ direction: 'down' },
				{
					...base,
					verdict: 'indetermine',
					change: null,
					warnings: ['Autre source', 'Une seule année disponible : pas d’évolution mesurable.']
				}
			)
		).toBe('Une seule année disponible : pas d’évolution mesurable.');
		expect(
			verdictNote(
				{ direction: 'down' },
				{
					...base,
					verdict: 'indetermine',
					change: 2.8,
					comparability: { comparable: false, reasons: ['Filosofi : à ne pas comparer.'] } as never
				}
			)
		).toBe('Filosofi : à ne pas comparer.');
		expect(
			verdictNote({ direction: 'neutral' }, { ...base, verdict: 'indetermine', change: 434 })
		).toContain('Sans sens d’amélioration');
	});
});

describe('generatedOn', () => {
	it('writes the Paris date in French, with 1er for the first of the month', () => {
		expect(generatedOn(new Date('2025-03-01T10:00:00Z'))).toBe('Fiche générée le 1er mars 2025');
		expect(generatedOn(new Date('2025-12-15T10:00:00Z'))).toBe('Fiche générée le 15 décembre 2025');
		// 23:30 UTC on 31 May is already 1 June in Paris.
		expect(generatedOn(new Date('2025-05-31T23:30:00Z'))).toBe('Fiche générée le 1er juin 2025');
	});
});

describe('vintagesLine', () => {
	it('lists the distinct vintages in order', () => {
		expect(vintagesLine([2022, 2017, 2022, 2019])).toBe(
			'Millésimes des chiffres : 2017, 2019 et 2022.'
		);
		expect(vintagesLine([2022])).toBe('Millésime des chiffres : 2022.');
		expect(vintagesLine([])).toBe('Aucun chiffre millésimé sur cette fiche.');
	});
});

describe('roundSvgPaths', () => {
	it('rounds path coordinates only', () => {
		const svg = '<svg width="200.5"><path d="M132.801,110.261L-0.04,9Z" /></svg>';
		expect(roundSvgPaths(svg)).toBe('<svg width="200.5"><path d="M132.8,110.3L0,9Z" /></svg>');
	});
});
