import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../pipelines/lib/csv';
import { parseReferenceCsv, requireUnique } from '../../../pipelines/lib/reference-csv';
import { faitsAttestesTable, programmesTable } from '../../../src/lib/schemas/referentiels';

const parse = (text: string) => parseCsvText(text, 'reference/essai.csv', { delimiter: ',' });

describe('parseReferenceCsv', () => {
	it('turns empty cells into null and parses numbers when the lines are valid', () => {
		const rows = parseReferenceCsv(
			parse(
				'id,subject,date,statement,value,unit,source_urls,note\nF01,paqte,2021-04,Essai,2 200,entreprises,a.fr/b;c.fr,\n'
			),
			faitsAttestesTable
		);
		expect(rows).toEqual([
			{
				line: 2,
				row: {
					id: 'F01',
					subject: 'paqte',
					date: '2021-04',
					statement: 'Essai',
					value: 2200,
					unit: 'entreprises',
					source_urls: 'a.fr/b;c.fr',
					note: null
				}
			}
		]);
	});

	it('lists every bad cell with its line, column and value in one error', () => {
		const text = 'id,label,source_urls\nsecurite,,weka.fr/x\nEmploi,Emploi,https://weka.fr/x\n';
		expect(() => parseReferenceCsv(parse(text), programmesTable)).toThrow(
			'reference/essai.csv : 3 erreurs :\n' +
				'  ligne 2, colonne « label » : (vide) — libellé manquant\n' +
				'  ligne 3, colonne « id » : « Emploi » — identifiant de programme invalide (minuscules, chiffres, _)\n' +
				'  ligne 3, colonne « source_urls » : « https://weka.fr/x » — adresse de source invalide'
		);
	});

	it('rejects an unreadable number, a value without unit and a cell beyond the header', () => {
		const text =
			'id,subject,date,statement,value,unit,source_urls,note,\nF01,paqte,,Essai,beaucoup,x,a.fr,,\nF02,paqte,,Essai,3,,a.fr,,en trop\n';
		const error = (() => {
			try {
				parseReferenceCsv(parse(text), faitsAttestesTable);
			} catch (e) {
				return (e as Error).message;
			}
		})();
		expect(error).toContain('ligne 2, colonne « value » : « beaucoup » — nombre illisible');
		expect(error).toContain('ligne 3, colonne « unit » : (vide) — valeur sans unité');
		expect(error).toContain('ligne 3, colonne « #9 » : « en trop »');
	});

	it('fails naming the missing and unexpected columns when the header is wrong', () => {
		expect(() =>
			parseReferenceCsv(parse('id,label\nsecurite,Sécurité\n'), programmesTable)
		).toThrow(/colonnes manquantes : source_urls/);
		expect(() => parseReferenceCsv(parse('id,label,source_urls,extra\n'), programmesTable)).toThrow(
			/colonnes inattendues : extra/
		);
	});
});

describe('requireUnique', () => {
	it('names the repeated key and its first line', () => {
		const rows = [
			{ line: 2, row: { id: 'a' } },
			{ line: 3, row: { id: 'b' } },
			{ line: 4, row: { id: 'a' } }
		];
		expect(() => requireUnique('reference/essai.csv', rows, ['id'])).toThrow(
			'ligne 4, colonne « id » : « a » — doublon (déjà en ligne 2)'
		);
	});
});
