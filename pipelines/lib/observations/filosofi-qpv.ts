// INSEE Filosofi files by QPV (reference years 2016–2019): lower-case headers with `_a16` in 2016–17,
// upper-case `DISP_MED_A18` in 2018–19; the first row `Ensemble` is all QPV together.
import { qpvTerritory, type WideSpec } from './wide';

export const filosofiQpvYears = [2016, 2017, 2018, 2019];

export function filosofiQpvPath(year: number): string {
	return `filosofi-qpv/data_filo${String(year).slice(2)}_qp_revdis.csv`;
}

export function filosofiQpvSpec(year: number, knownQpv?: Set<string>): WideSpec {
	const yy = String(year).slice(2);
	const required =
		year <= 2017
			? [
					`disp_q2_a${yy}`,
					`disp_q1_a${yy}`,
					`disp_d1_a${yy}`,
					`disp_gini_a${yy}`,
					`tp60_a${yy}`,
					'note'
				]
			: [
					`DISP_MED_A${yy}`,
					`DISP_Q1_A${yy}`,
					`DISP_D1_A${yy}`,
					`DISP_GINI_A${yy}`,
					`DISP_TP60_A${yy}`,
					`DISP_NOTE_A${yy}`
				];
	return {
		family: 'filosofi-qpv',
		// INSEE's own files: the file year is the income year.
		vintage: year,
		codeColumn: 'codgeo',
		required,
		notes: /^(note|DISP_NOTE_A\d\d)$/i,
		territory: qpvTerritory(knownQpv),
		referenceYear: () => year,
		blanks: 'store'
	};
}
