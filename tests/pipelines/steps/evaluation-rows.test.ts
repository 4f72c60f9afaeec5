import { describe, expect, it } from 'vitest';
import { synthesisRow } from '../../../pipelines/steps/contrat-synthesis';
import { peerRows, type PeerQpv } from '../../../pipelines/steps/qpv-peers';
import type { QpvEvolution, QpvGap } from '../../../src/lib/schemas/evaluation';
import { indicator } from './evaluation-fixtures';

// qpv_gaps rows are tested in DuckDB: qpv-gaps.test.ts.
const income = indicator('revenu_disponible_median', '€', 'up');
const jobseekers = indicator('demandeurs_emploi_abc', 'personnes', 'down', 'sum', 'sig-ville/IPRO');

const evo = (
	qpv_code: string,
	indicator_id: string,
	baseline: number | null,
	latest: number | null,
	periods: [number, number] = [2017, 2022]
): QpvEvolution => ({
	qpv_code,
	indicator_id,
	period_kind: 'millesime',
	baseline_period: baseline === null ? null : periods[0],
	baseline_value: baseline,
	baseline_source: null,
	latest_period: latest === null ? null : periods[1],
	latest_value: latest,
	latest_source: null,
	change: baseline !== null && latest !== null ? latest - baseline : null,
	verdict:
		baseline !== null && latest !== null
			? latest < baseline
				? 'amelioration'
				: 'degradation'
			: 'indetermine',
	reason: null
});

describe('contrat_synthesis rows', () => {
	it('never sums a partial set: a QPV missing at the latest year leaves both sums', () => {
		// CV037-like: 5 QPV at the start, one secret at the end. Same-QPV sums: 1 500 → 1 400.
		const rows = [
			evo('A', jobseekers.id, 400, 380),
			evo('B', jobseekers.id, 300, 250),
			evo('C', jobseekers.id, 500, 480),
			evo('D', jobseekers.id, 300, 290),
			evo('E', jobseekers.id, 350, null)
		];
		const row = synthesisRow('CV037', jobseekers, ['A', 'B', 'C', 'D', 'E'], {
			evolutions: rows,
			gaps: [],
			peers: [],
			population: new Map()
		});
		expect(row).toMatchObject({
			figure_kind: 'somme_memes_qpv',
			figure_baseline: 1500,
			figure_latest: 1400,
			figure_n_qpv: 4,
			n_improved: 4,
			n_not_comparable: 1,
			baseline_period: 2017,
			latest_period: 2022,
			furthest_qpv_code: 'C'
		});
	});

	it('takes the median gap to the EPCI over QPV with a gap at both dates, and the QPV furthest behind', () => {
		const gap = (qpv_code: string, b: number | null, l: number): QpvGap => ({
			qpv_code,
			indicator_id: income.id,
			reference_kind: 'epci',
			reference_code: 'E',
			measure: 'ratio',
			baseline_year: 2015,
			baseline_qpv: null,
			baseline_reference: null,
			baseline_gap: b,
			latest_year: 2019,
			latest_qpv: l * 200,
			latest_reference: 20000,
			latest_gap: l,
			trend: 'stable',
			note: null
		});
		const row = synthesisRow('CV004', income, ['A', 'B', 'C'], {
			evolutions: [
				evo('A', income.id, 13000, 13500, [2015, 2019]),
				evo('B', income.id, 12000, 12500, [2015, 2019]),
				evo('C', income.id, 11000, 11800, [2015, 2019])
			],
			gaps: [gap('A', 66, 67), gap('B', 60, 62), gap('C', null, 55)],
			peers: [],
			population: new Map()
		});
		expect(row).toMatchObject({
			figure_kind: 'mediane',
			figure_baseline: 12000,
			figure_latest: 12500,
			gap_measure: 'ratio',
			gap_baseline: 63,
			gap_latest: 64.5,
			furthest_qpv_code: 'C',
			furthest_value: 55
		});
	});
});

describe('qpv_peers rows', () => {
	it('compares with QPV of the same bands outside the contrat', () => {
		// 40 metropolitan QPV of 3 000 inhabitants, incomes 10 000 … 49 000: first quartile cut at
		// 10 000 + 39 × 0.25 × 1 000 = 19 750, so Q0…Q9 share the first band.
		const qpv: PeerQpv[] = Array.from({ length: 40 }, (_, i) => ({
			code: `Q${i}`,
			contrat_code: i < 2 ? 'CV1' : `CV${i}`,
			departement_code: '01',
			population: 3000,
			baseline_income: 10000 + i * 1000
		}));
		// Changes: Q0 +8 %, Q1 0 % (same contrat as Q0: not a peer), Q2…Q9 +1 … +8 %.
		const pct = [8, 0, 1, 2, 3, 4, 5, 6, 7, 8];
		const rows = pct.map((c, i) => evo(`Q${i}`, income.id, 10000, 10000 + c * 100, [2015, 2019]));
		const q0 = peerRows([income], qpv, rows).find((p) => p.qpv_code === 'Q0')!;
		// Peers Q2…Q9: median of +1 … +8 % is +4.5 %; Q0's +8 % is 3.5 points above: more favourable.
		expect(q0).toMatchObject({ n_peers: 8, reading: 'plus_favorable' });
		expect(q0.qpv_change).toBeCloseTo(8, 10);
		expect(q0.peer_median_change).toBeCloseTo(4.5, 10);
		expect(q0.peer_group).toContain('1er quart');
		expect(q0.peer_group).toContain('2 000 à 4 999 habitants');
	});
});
