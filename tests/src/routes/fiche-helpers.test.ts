// Unit tests of the printable fiches' pure helpers: the date, the maps' rounding, and the headline
// figures read from the contrat synthesis and from a QPV's evolutions and gaps.
import { describe, expect, it } from 'vitest';
import type { SynthesisIndicator } from '../../../src/lib/server/evaluation/contrat-synthesis';
import type { QpvGap } from '../../../src/lib/schemas/evaluation';
import { dataYearsSentence } from '../../../src/lib/domain/headline';
import { generatedOn, roundSvgPaths } from '../../../src/routes/contrats/[code]/fiche/fiche';
import {
	countsLine,
	figureVerdict,
	gapLine,
	headlineFigure
} from '../../../src/routes/contrats/[code]/fiche/headline';
import { gapLine as qpvGapLine } from '../../../src/routes/quartiers/[code]/fiche/headline';

type Row = SynthesisIndicator['row'];
const row = (over: Partial<Row>): Row =>
	({
		contrat_code: 'CV004',
		indicator_id: 'tx_pauvrete_60',
		period_kind: 'annee_donnees',
		n_qpv: 2,
		n_improved: 1,
		n_worsened: 1,
		n_stable: 0,
		n_not_comparable: 0,
		baseline_period: 2015,
		latest_period: 2019,
		figure_kind: 'moyenne_ponderee',
		figure_label: '',
		figure_baseline: 43.03,
		figure_latest: 43.36,
		figure_n_qpv: 2,
		gap_measure: null,
		gap_baseline: null,
		gap_latest: null,
		...over
	}) as Row;
const item = (over: Partial<Row>, direction: 'up' | 'down' | 'neutral' = 'down', unit = '%') =>
	({
		indicator: { id: 'x', label: 'X', unit, direction },
		row: row(over),
		qpv: [],
		furthestName: null,
		breaks: []
	}) as unknown as SynthesisIndicator;

describe('figureVerdict', () => {
	it('reads the contrat figure with the thresholds of each QPV', () => {
		// +0,33 pt on a rate: under 0,5 pt, stable.
		expect(figureVerdict(item({}))).toBe('stable');
		// 51,3 % against 52,1 %: −0,8 pt of poverty, better.
		expect(figureVerdict(item({ figure_baseline: 52.1, figure_latest: 51.3 }))).toBe(
			'amelioration'
		);
		// 1 262 → 1 244 job-seekers: −1,4 %, beyond 1 %, better.
		const abc = { figure_baseline: 1262, figure_latest: 1244 };
		expect(figureVerdict(item(abc, 'down', 'personnes'))).toBe('amelioration');
		expect(figureVerdict(item(abc, 'neutral', 'personnes'))).toBe('indetermine');
		expect(figureVerdict(item({ figure_baseline: null }))).toBe('non_comparable');
		expect(figureVerdict(item({ baseline_period: 2019 }))).toBe('non_comparable');
	});

	it('gives the arrow, the change and the plain verdict of a headline row', () => {
		const f = headlineFigure(item({ figure_baseline: 52.1, figure_latest: 51.3 }));
		expect(f.arrow.symbol).toBe('↘');
		expect(f.change).toBe('−0,8\u00a0pt');
		expect(f.verdictLabel).toBe('en amélioration');
		expect(f.when).toBe('données 2019');
		expect(headlineFigure(item({ figure_baseline: null })).verdictLabel).toBe('non comparable');
		// No EPCI value for a rate: said; a count has no gap at all.
		expect(headlineFigure(item({})).comparisons[0]).toBe(
			'Écart à l’EPCI : valeur de l’EPCI non publiée'
		);
		expect(headlineFigure(item({}, 'down', 'personnes')).comparisons).toEqual([
			'2\u00a0QPV : 1 en amélioration, 1 en dégradation'
		]);
	});
});

describe('countsLine and gapLine', () => {
	it('counts the QPV by verdict, zero counts left out', () => {
		expect(countsLine(row({}))).toBe('2\u00a0QPV : 1 en amélioration, 1 en dégradation');
		expect(countsLine(row({ n_qpv: 37, n_improved: 0, n_worsened: 0, n_not_comparable: 37 }))).toBe(
			'37\u00a0QPV : 37 non comparables'
		);
	});

	it('writes a rate gap in points and an amount as a share of the EPCI, once if unchanged', () => {
		expect(gapLine(row({ gap_measure: 'points', gap_baseline: 16.95, gap_latest: 18 }))).toBe(
			'Écart à l’EPCI : +17,0 → +18,0\u00a0pts'
		);
		expect(gapLine(row({ gap_measure: 'ratio', gap_baseline: 62.83, gap_latest: 61.75 }))).toBe(
			'Niveau des QPV : 63\u00a0% → 62\u00a0% de celui de l’EPCI'
		);
		expect(gapLine(row({ gap_measure: 'ratio', gap_baseline: 62.1, gap_latest: 61.9 }))).toBe(
			'Niveau des QPV : 62\u00a0% de celui de l’EPCI'
		);
		expect(gapLine(row({}))).toBeNull();
	});

	it('says the data years once, and what a millésime is when only that is known', () => {
		const items = [
			item({}),
			item({ period_kind: 'millesime', baseline_period: 2017, latest_period: 2022 })
		];
		expect(dataYearsSentence(items.map((s) => s.row))).toBe(
			'Années des données : 2015 à 2019. « Millésime » : année de publication (2017 à 2022), l’année des données n’étant pas publiée.'
		);
		expect(dataYearsSentence([item({}).row])).toBe('Années des données : 2015 à 2019.');
	});
});

describe('the QPV gap line', () => {
	it('names the commune, the reference value, the gap and its trend', () => {
		// QP001001 median income 14 190 against Bourg-en-Bresse 19 290: 73,6 % → 74 %.
		const gap = {
			reference_kind: 'commune',
			reference_code: '01053',
			reference_name: 'Bourg-en-Bresse',
			measure: 'ratio',
			baseline_year: 2015,
			latest_year: 2019,
			latest_reference: 19290,
			latest_gap: 73.56,
			trend: 'stable'
		} as QpvGap & { reference_name: string };
		expect(qpvGapLine(gap, '€')).toBe(
			'Bourg-en-Bresse (commune) : 19\u202f290\u00a0€ · quartier à 74\u00a0% · écart stable depuis 2015'
		);
		expect(
			qpvGapLine(
				{ ...gap, measure: 'points', latest_reference: 9, latest_gap: 11.7, trend: 'creuse' },
				'%'
			)
		).toBe(
			'Bourg-en-Bresse (commune) : 9,0\u00a0% · écart +11,7\u00a0pts · écart creusé depuis 2015'
		);
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

describe('roundSvgPaths', () => {
	it('rounds path coordinates only', () => {
		const svg = '<svg width="200.5"><path d="M132.801,110.261L-0.04,9Z" /></svg>';
		expect(roundSvgPaths(svg)).toBe('<svg width="200.5"><path d="M132.8,110.3L0,9Z" /></svg>');
	});
});
