import { describe, expect, it } from 'vitest';
import {
	factView,
	formatBarometre,
	formatBarometreNumber,
	sourceHref
} from '../../../../../src/lib/server/evaluation/series-links';
import { exportFilename } from '../../../../../src/lib/server/export/filenames';

describe('formatBarometre', () => {
	it('writes integers without decimals and keeps the published unit', () => {
		expect(formatBarometre(2501, 'maisons de santé')).toBe('2\u202f501 maisons de santé');
		expect(formatBarometre(100, '% des classes')).toBe('100\u00a0% des classes');
		expect(formatBarometre(99.46, '% des classes')).toBe('99,5\u00a0% des classes');
	});

	it('drops the elision of DITP units written to follow « nombre »', () => {
		expect(formatBarometre(95452843, "d'heures de patrouille")).toBe(
			'95\u202f452\u202f843 heures de patrouille'
		);
	});

	it('never writes 0 for a missing value', () => {
		expect(formatBarometre(null, 'postes')).toBe('non disponible');
		expect(formatBarometreNumber(null)).toBe('—');
		expect(formatBarometreNumber(1.25)).toBe('1,25');
	});
});

describe('factView', () => {
	it('keeps the precision of the date and links every source with https://', () => {
		const view = factView({
			id: 'F22',
			subject: 'paqte',
			date: '2021-04',
			statement: 'Bilan',
			value: 2200,
			unit: 'entreprises',
			source_urls: 'banquedesterritoires.fr;prij.fr/a',
			note: null
		});
		expect(view.date).toBe('04/2021');
		expect(view.figure).toBe('2\u202f200 entreprises');
		expect(view.sources).toEqual([
			{ text: 'banquedesterritoires.fr', href: 'https://banquedesterritoires.fr' },
			{ text: 'prij.fr/a', href: 'https://prij.fr/a' }
		]);
		expect(
			factView({
				...view,
				subject: 'paqte',
				date: null,
				value: null,
				unit: null,
				source_urls: null,
				note: 'n'
			}).date
		).toBe('non daté');
	});

	it('builds source addresses with the scheme only once', () => {
		expect(sourceHref('weka.fr/x')).toBe('https://weka.fr/x');
	});
});

describe('exportFilename (mesure scope)', () => {
	it('names a measure export and refuses an id outside M01–M40', () => {
		expect(
			exportFilename({
				scope: 'mesure',
				code: 'M03',
				subject: 'IND-242 departements',
				format: 'csv'
			})
		).toBe('mesure-M03-ind-242-departements.csv');
		expect(() =>
			exportFilename({ scope: 'mesure', code: 'M41', subject: 'x', format: 'csv' })
		).toThrow(/invalide/);
	});
});
