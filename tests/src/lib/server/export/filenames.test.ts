import { describe, expect, it } from 'vitest';
import {
	asciiSlug,
	contentDisposition,
	exportFilename,
	exportHeaders
} from '$lib/server/export/filenames';

describe('asciiSlug', () => {
	it('drops accents and ligatures and keeps the case of codes', () => {
		expect(asciiSlug('Annexe évaluation')).toBe('Annexe-evaluation');
		expect(asciiSlug('Cœur de ville — Île')).toBe('Coeur-de-ville-Ile');
		expect(asciiSlug('  CV001 / 2A  ')).toBe('CV001-2A');
	});
});

describe('exportFilename', () => {
	it('says what the file holds', () => {
		expect(
			exportFilename({
				scope: 'contrat',
				code: 'CV001',
				subject: 'indicateurs',
				vintage: 2022,
				format: 'xlsx'
			})
		).toBe('contrat-CV001-indicateurs-2022.xlsx');
		expect(
			exportFilename({ scope: 'quartier', code: 'QP001001', subject: 'indicateurs', format: 'csv' })
		).toBe('quartier-QP001001-indicateurs.csv');
		expect(
			exportFilename({
				scope: 'contrat',
				code: 'CV001',
				subject: 'Annexe évaluation',
				format: 'xlsx'
			})
		).toBe('contrat-CV001-annexe-evaluation.xlsx');
		expect(
			exportFilename({ scope: 'quartier', code: 'QP02A001', subject: 'indicateurs', format: 'csv' })
		).toBe('quartier-QP02A001-indicateurs.csv');
	});

	it('rejects a code that does not fit the scope', () => {
		expect(() =>
			exportFilename({ scope: 'contrat', code: 'QP001001', subject: 'indicateurs', format: 'csv' })
		).toThrow(/code "QP001001" invalide pour « contrat »/);
		expect(() =>
			exportFilename({ scope: 'quartier', code: '../etc', subject: 'indicateurs', format: 'csv' })
		).toThrow(/invalide/);
	});
});

describe('contentDisposition', () => {
	it('gives an ASCII name and an RFC 8187 UTF-8 name', () => {
		expect(contentDisposition('contrat-CV001-indicateurs-2022.xlsx')).toBe(
			'attachment; filename="contrat-CV001-indicateurs-2022.xlsx"; filename*=UTF-8\'\'contrat-CV001-indicateurs-2022.xlsx'
		);
		expect(contentDisposition('évaluation (l\'annexe) "v2".csv')).toBe(
			'attachment; filename="evaluation-l-annexe-v2.csv"; filename*=UTF-8\'\'%C3%A9valuation%20%28l%27annexe%29%20%22v2%22.csv'
		);
	});
});

describe('exportHeaders', () => {
	it('sets the content type from the extension', () => {
		expect(exportHeaders('a.csv')['content-type']).toBe('text/csv; charset=utf-8');
		expect(exportHeaders('a.xlsx')['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(exportHeaders('a.xlsx')['content-disposition']).toContain('filename="a.xlsx"');
		expect(() => exportHeaders('a.txt')).toThrow(/extension/);
	});
});
