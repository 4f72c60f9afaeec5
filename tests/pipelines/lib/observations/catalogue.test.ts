import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsv, SourceFileError } from '../../../../pipelines/lib/csv';
import { SourceLedger } from '../../../../pipelines/lib/ledger';
import { matchColumns, parseCatalogue } from '../../../../pipelines/lib/observations/catalogue';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../fixtures/traps/${name}`, import.meta.url));
const realCatalogue = fileURLToPath(
	new URL('../../../../data/reference/indicators.csv', import.meta.url)
);

describe('parseCatalogue', () => {
	it('rejects invalid rows with their reason and keeps the valid ones', () => {
		const ledger = new SourceLedger('reference/indicators.csv');
		const indicators = parseCatalogue(readCsv(fixture('catalogue-invalid.csv'), 'cat.csv'), ledger);
		expect(indicators.map((i) => i.id)).toEqual(['pop_mun', 'taux_ok']);
		const reasons = ledger.rejects.map((r) => `${r.line}:${r.column}:${r.reason}`);
		expect(reasons).toEqual([
			'3:id:identifiant en double',
			expect.stringMatching(/^4:pillar:indicateur invalide/),
			'5:source:famille de source inconnue : insee/inconnu',
			// 'ratio' is no longer an aggregation: no indicator used it (issue 9).
			expect.stringMatching(/^6:aggregation:indicateur invalide/)
		]);
		expect(ledger.rowsRead).toBe(6);
		expect(ledger.balanced).toBe(true);
	});

	it('loads the real catalogue without any reject', () => {
		const ledger = new SourceLedger('reference/indicators.csv');
		const indicators = parseCatalogue(readCsv(realCatalogue, 'reference/indicators.csv'), ledger);
		expect(ledger.rejects).toEqual([]);
		expect(indicators.length).toBeGreaterThanOrEqual(60);
		const median = indicators.find((i) => i.id === 'revenu_disponible_median')!;
		expect(median.source).toBe('sig-ville/REVN|filosofi-qpv|filosofi-references');
		expect(median.source_columns.split('|')).toContain('DISP_MED_A18');
		expect(indicators.some((i) => /^NOTE_/i.test(i.source_columns))).toBe(false);
	});
});

describe('matchColumns', () => {
	const ledger = new SourceLedger('x');
	const indicators = parseCatalogue(
		readCsv(fixture('reference/indicators.csv'), 'cat.csv'),
		ledger
	);

	it('maps columns of the family only, case-insensitively, and lists the rest', () => {
		const table = parseCsvText('CODGEO;POP_MUN;tx_f;A;DISP_Q2\n', 'demo.csv');
		const { matches, unmatched } = matchColumns(indicators, 'sig-ville/DEMO', table);
		expect(matches.map((m) => `${m.column}>${m.indicatorId}`)).toEqual([
			'POP_MUN>pop_mun',
			'tx_f>part_femmes',
			'A>allocataires_caf'
		]);
		// DISP_Q2 belongs to the REVN family, not DEMO.
		expect(unmatched).toEqual(['CODGEO', 'DISP_Q2']);
	});

	it('fails when one file holds two columns of the same indicator', () => {
		const table = parseCsvText('CODGEO;DISP_MED_A18;disp_med_a18\n', 'f.csv');
		expect(() => matchColumns(indicators, 'filosofi-qpv', table)).toThrow(SourceFileError);
	});
});
