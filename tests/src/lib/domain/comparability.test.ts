import { describe, expect, it } from 'vitest';
import {
	compareVintages,
	normalizeColumn,
	noteForbidsComparison,
	noteSentences,
	readNote,
	sourceFamily
} from '../../../../src/lib/domain/comparability';
import { medianIncome, povertyRate } from '../../../fixtures/domain/indicators';

describe('sourceFamily', () => {
	it('removes the year from source file names', () => {
		expect(sourceFamily('sig-ville/REVN_2019.csv')).toBe('sig-ville/REVN');
		expect(sourceFamily('filosofi-qpv/data_filo16_qp_revdis.csv')).toBe(
			'filosofi-qpv/data_filo_qp_revdis'
		);
		expect(sourceFamily('filosofi-references/FILO2016_DISP_COM.csv')).toBe(
			'filosofi-references/FILO_DISP_COM'
		);
		expect(sourceFamily('qpv-2015/rpls_qpv.csv')).toBe('qpv-2015/rpls_qpv');
	});
});

describe('normalizeColumn', () => {
	it('ignores case and year suffixes', () => {
		expect(normalizeColumn('disp_q2_a16')).toBe(normalizeColumn('DISP_Q2_A17'));
		expect(normalizeColumn('DISP_Q2')).not.toBe(normalizeColumn('DISP_MED_A18'));
	});
});

describe('noteForbidsComparison', () => {
	it('applies a below-commune caveat to QPV only', () => {
		const note = medianIncome.comparability_note;
		expect(noteForbidsComparison(note, 'qpv')).toBe(true);
		expect(noteForbidsComparison(note, 'commune')).toBe(false);
		expect(noteForbidsComparison('Données provisoires.', 'qpv')).toBe(false);
		expect(noteForbidsComparison(null, 'qpv')).toBe(false);
	});
});

const filosofiNote =
	"Filosofi : l'INSEE déconseille de comparer une même statistique d'une année sur l'autre sous le niveau communal (QPV). " +
	"Dans SIG Ville (REVN), l'année de référence est le millésime moins 4. " +
	'Communes, EPCI, départements et régions : chaque année est sur sa propre géographie.';

describe('noteSentences', () => {
	it('splits a note at full stops followed by a capital', () => {
		expect(noteSentences(filosofiNote)).toHaveLength(3);
		expect(noteSentences('Note (NOTE_FILO, note) conservée. Voir 2.5 ci-dessus.')).toHaveLength(2);
	});
});

describe('readNote', () => {
	it('turns the INSEE advice into a reason for QPV and keeps the other sentences as warnings', () => {
		const q = readNote(filosofiNote, 'qpv');
		expect(q.reasons).toHaveLength(1);
		expect(q.reasons[0]).toContain('déconseille');
		expect(q.warnings).toHaveLength(2);
		const c = readNote(filosofiNote, 'commune');
		expect(c.reasons).toEqual([]);
		expect(c.warnings[1]).toContain('propre géographie');
	});
	it('does not read "ne pas raccorder les deux séries" as advice against comparing one series', () => {
		expect(
			readNote('Remplace TX_TOT_EPREC : ne pas raccorder les deux séries.', 'qpv').reasons
		).toEqual([]);
	});
});

describe('compareVintages', () => {
	it('compares two vintages of the same file family', () => {
		const c = compareVintages(
			povertyRate,
			{ vintage: 2017, source_path: 'sig-ville/REVN_2017.csv' },
			{ vintage: 2021, source_path: 'sig-ville/REVN_2021.csv' }
		);
		expect(c).toEqual({ comparable: true, reasons: [], warnings: [] });
	});
	it('refuses when the source family changed', () => {
		const c = compareVintages(
			povertyRate,
			{ vintage: 2017, source_path: 'sig-ville/REVN_2017.csv' },
			{ vintage: 2021, source_path: 'qpv-2015/panel_qpv_complet_v2.csv' }
		);
		expect(c.comparable).toBe(false);
		expect(c.reasons[0]).toContain(
			'Source différente entre 2017 (sig-ville/REVN) et 2021 (qpv-2015/panel_qpv_complet_v2)'
		);
	});
	it('refuses when the source column changed', () => {
		const c = compareVintages(
			povertyRate,
			{ vintage: 2018, source_path: 'a/F_2018.csv', source_column: 'TX_TOT_EPREC' },
			{ vintage: 2021, source_path: 'a/F_2021.csv', source_column: 'TX_TOT_EDLIM' }
		);
		expect(c.comparable).toBe(false);
		expect(c.reasons[0]).toContain('TX_TOT_EDLIM');
	});
	it('refuses Filosofi QPV values with the INSEE advice and ignores it for a commune', () => {
		const a = { vintage: 2017, source_path: 'filosofi-qpv/data_filo16_qp_revdis.csv' };
		const b = { vintage: 2020, source_path: 'filosofi-qpv/data_filo19_qp_revdis.csv' };
		const qpv = compareVintages(
			medianIncome,
			{ ...a, territory_type: 'qpv' },
			{ ...b, territory_type: 'qpv' }
		);
		expect(qpv.comparable).toBe(false);
		expect(qpv.reasons).toEqual([medianIncome.comparability_note]);
		const commune = compareVintages(
			medianIncome,
			{ ...a, territory_type: 'commune' },
			{ ...b, territory_type: 'commune' }
		);
		expect(commune).toEqual({ comparable: true, reasons: [], warnings: [] });
	});
	it('keeps a caveat that does not forbid the comparison as a warning', () => {
		const ind = { comparability_note: 'Champ élargi aux DOM en 2020.' };
		const c = compareVintages(
			ind,
			{ vintage: 2019, source_path: 'x/A_2019.csv' },
			{ vintage: 2021, source_path: 'x/A_2021.csv' }
		);
		expect(c.comparable).toBe(true);
		expect(c.warnings).toEqual(['Champ élargi aux DOM en 2020.']);
	});
});
