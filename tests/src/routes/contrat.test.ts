// Server tests: the contrat scorecard rendered by the built server from the real database.
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/contrats/[code]', () => {
	it('renders CV001 with its QPV listed and the sources line', async () => {
		const { status, body } = await get('/contrats/CV001');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain("CC de la Plaine de l'Ain");
		expect(body).toMatch(/href="\/quartiers\/QP001\d{3}"/);
		expect(text).toMatch(/Sources? :/);
		// The national timeline is on /mesures, not repeated on each contrat; method codes in words.
		expect(text).not.toContain('Calendrier 2015 → 2022');
		expect(text).not.toMatch(/commune_epci2015|\.csv/);
	});

	it('lists the QPV of CV004 with their 2018 population formatted the French way', async () => {
		const text = textOf((await get('/contrats/CV004')).body);
		expect(text).toContain('QP001001');
		expect(text).toContain('Croix Blanche');
		expect(text).toContain('1\u202f926');
	});

	it('answers 400 for a malformed code and 404 for an unknown one', async () => {
		expect((await get('/contrats/cv001')).status).toBe(400);
		expect((await get('/contrats/CV999')).status).toBe(404);
	});
});
