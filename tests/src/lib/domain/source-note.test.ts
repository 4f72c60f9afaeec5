import { describe, expect, it } from 'vitest';
import { sourceNote, yearRanges } from '../../../../src/lib/domain/source-note';
import type { Provenance } from '../../../../src/lib/schemas/provenance';

const licence = 'Licence Ouverte / Open Licence 2.0 (Etalab)';
const file = (path: string, producer: string, vintage: string) =>
	[path, { path, producer, vintage, licence } as unknown as Provenance] as const;
const provenance = new Map([
	file('sig-ville/REVN_2017.csv', 'ANCT – SIG Ville / INSEE', '2017'),
	file('sig-ville/REVN_2018.csv', 'ANCT – SIG Ville / INSEE', '2018'),
	file('sig-ville/REVN_2019.csv', 'ANCT – SIG Ville / INSEE', '2019'),
	file('sig-ville/REVN_2022.csv', 'ANCT – SIG Ville / INSEE', '2022'),
	file('filosofi-qpv/data_filo19_qp_revdis.csv', 'INSEE – Filosofi', '2019'),
	file('qpv-2015/panel.csv', 'INSEE – Filosofi (panel dérivé)', '2012–2021'),
	file('dispositifs/cde.geojson', 'ANCT', 'non daté')
]);

describe('yearRanges', () => {
	it('reads three or more consecutive years as a range', () => {
		expect(yearRanges([2019, 2017, 2018, 2022])).toBe('2017 à 2019, 2022');
		expect(yearRanges([2016, 2017])).toBe('2016, 2017');
		expect(yearRanges([])).toBe('');
	});
});

describe('sourceNote', () => {
	it('names producers and years in words, never a file path', () => {
		const text = sourceNote(
			[
				'sig-ville/REVN_2018.csv',
				'sig-ville/REVN_2017.csv',
				'sig-ville/REVN_2019.csv',
				'sig-ville/REVN_2022.csv',
				'filosofi-qpv/data_filo19_qp_revdis.csv'
			],
			provenance
		);
		expect(text).toBe(
			'Sources : ANCT – SIG Ville / INSEE, millésimes 2017 à 2019, 2022 ; INSEE – Filosofi, millésime 2019 · Licence Ouverte'
		);
		expect(text).not.toMatch(/\.csv|sig-ville/);
	});
	it('spreads a span of years and keeps undated files by producer only', () => {
		expect(sourceNote(['qpv-2015/panel.csv'], provenance)).toBe(
			'Source : INSEE – Filosofi (panel dérivé), millésimes 2012 à 2021 · Licence Ouverte'
		);
		expect(sourceNote(['dispositifs/cde.geojson'], provenance)).toBe(
			'Source : ANCT · Licence Ouverte'
		);
		expect(sourceNote([], provenance)).toBe('Source non renseignée');
	});
});
