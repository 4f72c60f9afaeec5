// The contrat page's pillar rows, built end to end from QPV evolutions as the build writes them
// (pipelines/steps/contrat-synthesis.ts) to the words on the page (routes/contrats/[code]/view.ts),
// with CV004's real canonical values: the pillar table reads the same data years as the synthesis.
import { describe, expect, it } from 'vitest';
import { synthesisRow } from '../../../pipelines/steps/contrat-synthesis';
import type { CanonicalPoint, QpvEvolution } from '../../../src/lib/schemas/evaluation';
import type { ContratIndicator } from '../../../src/lib/server/evaluation/contrat-scorecard';
import { toScorecardRow } from '../../../src/routes/contrats/[code]/view';
import { indicator } from '../../pipelines/steps/evaluation-fixtures';

const poverty = indicator('tx_pauvrete_60', '%', 'down');
const jobseekers = indicator('demandeurs_emploi_abc', 'personnes', 'down', 'sum', 'sig-ville/IPRO');
const NBSP = '\u00a0';

const evo = (
	qpv_code: string,
	indicator_id: string,
	[bp, bv]: [number, number | null],
	[lp, lv]: [number, number | null],
	source: string
): QpvEvolution => ({
	qpv_code,
	indicator_id,
	period_kind: 'annee_donnees',
	baseline_period: bv === null ? null : bp,
	baseline_value: bv,
	baseline_source: bv === null ? null : `${source} l.3`,
	latest_period: lv === null ? null : lp,
	latest_value: lv,
	latest_source: lv === null ? null : `${source} l.3`,
	change: bv !== null && lv !== null && bp !== lp ? lv - bv : null,
	verdict: 'indetermine',
	reason: null
});

function scorecardIndicator(
	ind: typeof poverty,
	codes: string[],
	evolutions: QpvEvolution[],
	population: Map<string, number>,
	allQpv: CanonicalPoint | null = null
): ContratIndicator {
	const row = synthesisRow('CV004', ind, codes, { evolutions, gaps: [], peers: [], population });
	const qpv = evolutions.map((e) => ({ ...e, name: e.qpv_code }));
	return {
		indicator: ind,
		row,
		qpv,
		furthestName: null,
		breaks: [],
		allQpv,
		sourcePaths: ['filosofi-qpv/data_filo19_qp_revdis.csv']
	};
}

describe('contrat pillar rows by data year', () => {
	it('reads CV004 poverty 2015 → 2019 like the synthesis, weighted by the 2013 population', () => {
		// canonical_series: QP001001 40.9 (2015, REVN_2019) → 41.9 (2019, data_filo19);
		// QP001002 50.1 → 48.2; weights POP_MUN 2013 6 056 and 1 830 (DEMO_2017–2020).
		// 2015: (40.9 × 6056 + 50.1 × 1830) / 7886 = 43.035; 2019: (41.9 × 6056 + 48.2 × 1830) / 7886 = 43.362.
		const ci = scorecardIndicator(
			poverty,
			['QP001001', 'QP001002'],
			[
				evo(
					'QP001001',
					poverty.id,
					[2015, 40.9],
					[2019, 41.9],
					'filosofi-qpv/data_filo19_qp_revdis.csv'
				),
				evo(
					'QP001002',
					poverty.id,
					[2015, 50.1],
					[2019, 48.2],
					'filosofi-qpv/data_filo19_qp_revdis.csv'
				)
			],
			new Map([
				['QP001001', 6056],
				['QP001002', 1830]
			]),
			{
				indicator_id: poverty.id,
				territory_type: 'ensemble_qpv',
				territory_code: 'ENSEMBLE_QPV',
				period: 2019,
				period_kind: 'annee_donnees',
				data_year: 2019,
				vintage: 2019,
				value: 43.6,
				status: 'ok',
				source_path: 'filosofi-qpv/data_filo19_qp_revdis.csv',
				source_line: 2,
				segment: 0,
				other_sources: null
			}
		);
		const row = toScorecardRow(ci, new Map());
		expect(row.latest).toBe(`43,4${NBSP}%`);
		expect(row.latestWhen).toBe('données 2019');
		expect(row.baseline).toBe(`43,0${NBSP}% (données 2015)`);
		// +0.33 pt: below the 0.5 pt threshold.
		expect(row.verdict).toBe('stable');
		expect(row.allQpv).toBe(`43,6${NBSP}%`);
		expect(row.rule).toBe('moyenne pondérée (approximation)');
		expect(row.notes.join(' ')).toContain('population municipale 2013');
		expect(row.distribution).toBe(`2 QPV, de 41,9${NBSP}% à 48,2${NBSP}%`);
	});

	it('sums job-seekers over the same QPV at both dates, never a partial sum (CV037-like)', () => {
		// A 400 → 380, B 300 → 250, C secret at the end: 700 → 630 over A and B, C named in a note.
		const ci = scorecardIndicator(
			jobseekers,
			['A', 'B', 'C'],
			[
				evo('A', jobseekers.id, [2017, 400], [2022, 380], 'sig-ville/IPRO_2022.csv'),
				evo('B', jobseekers.id, [2017, 300], [2022, 250], 'sig-ville/IPRO_2022.csv'),
				evo('C', jobseekers.id, [2017, 500], [2017, 500], 'sig-ville/IPRO_2017.csv')
			],
			new Map()
		);
		const row = toScorecardRow(ci, new Map());
		expect(row.latest).toBe('630');
		expect(row.baseline).toBe('700 (données 2017)');
		expect(row.change).toBe('−70');
		expect(row.verdict).toBe('amelioration');
		expect(row.distribution).toBeNull();
		expect(row.notes).toContain(
			'Chiffre du contrat calculé sur les 2 QPV publiés aux deux dates (1 QPV sans valeur comparable : secret, autre année ou rupture).'
		);
	});

	it('shows a level without a trend when a single data year is published since 2015', () => {
		// CV004 pop_mun: 2013 (before the contrats) and 2018 (after the census break): 6 490 + 1 926.
		const pop = indicator('pop_mun', 'habitants', 'neutral', 'sum', 'sig-ville/DEMO');
		const ci = scorecardIndicator(
			pop,
			['QP001001', 'QP001002'],
			[
				evo('QP001001', pop.id, [2018, 6490], [2018, 6490], 'sig-ville/DEMO_2022.csv'),
				evo('QP001002', pop.id, [2018, 1926], [2018, 1926], 'sig-ville/DEMO_2022.csv')
			],
			new Map()
		);
		const row = toScorecardRow(ci, new Map());
		expect(row.latest).toBe('8\u202f416');
		expect(row.latestWhen).toBe('données 2018');
		expect(row.baseline).toBe('—');
		expect(row.change).toBe('—');
		expect(row.verdictLabel).toBe('pas d’évolution');
	});
});
