// The reference tables the project writes itself (catalogue labels, definitions, notes) use
// typographic apostrophes; text copied from a source (a dictionary definition checked against
// meta_qp.csv, measure titles and facts) stays as published and is made typographic at display.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const straight = /\p{L}'\p{L}/u;

function rows(file: string, delimiter: string): Record<string, string>[] {
	const text = readFileSync(`data/reference/${file}`, 'utf8');
	return Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true })
		.data;
}

/** « file:id:column: text » for each straight apostrophe in the given columns. */
function offenders(
	file: string,
	delimiter: string,
	columns: string[],
	skip = (_: Record<string, string>, __: string) => false
) {
	return rows(file, delimiter).flatMap((r) =>
		columns
			.filter((c) => straight.test(r[c] ?? '') && !skip(r, c))
			.map((c) => `${file}:${Object.values(r)[0]}:${c}: ${r[c]}`)
	);
}

describe('typographic apostrophes in the project’s own reference text', () => {
	it('the indicator catalogue: labels, definitions and notes', () => {
		// Occitanie dictionary definitions are compared with meta_qp.csv by the build: as published.
		const fromDictionary = (r: Record<string, string>, c: string) =>
			c !== 'label' && r.source!.includes('qpv-occitanie-hackaviz');
		expect(
			offenders(
				'indicators.csv',
				';',
				['label', 'definition', 'comparability_note'],
				fromDictionary
			)
		).toEqual([]);
		// The check reads the file: a label written with a straight apostrophe would be caught.
		expect(straight.test("Taux d'emploi")).toBe(true);
	});

	it('series breaks, links to measures and to the Pacte de Dijon, and QPV overrides', () => {
		expect([
			...offenders('series-breaks.csv', ',', ['reason']),
			...offenders('mesure-indicateurs.csv', ',', ['rationale']),
			...offenders('pacte-dijon-indicateurs.csv', ',', ['rationale']),
			...offenders('qpv-contrat-overrides.csv', ',', ['reason'])
		]).toEqual([]);
	});
});
