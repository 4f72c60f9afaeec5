import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/indicateurs', () => {
	it('shows each indicator with definition, aggregation, direction, vintages and sources', async () => {
		const { status, body } = await get('/indicateurs');
		expect(status).toBe(200);
		const start = body.indexOf('id="tx_pauvrete_60"');
		expect(start).toBeGreaterThan(0);
		const article = textOf(body.slice(start, body.indexOf('</details>', start)));
		expect(article).toContain('Non agrégeable');
		expect(article).toContain('Une baisse est favorable');
		expect(article).toMatch(/fichier 2022 \(données 2018\)/);
		expect(article).toContain('ANCT – SIG Ville / INSEE');
		// Column codes and file names stay in the download and the API.
		expect(article).not.toMatch(/\.csv|TP60/);
		expect(article).toContain('Licence Ouverte');
	});

	it('explains the sum rule in plain French', async () => {
		const text = textOf((await get('/indicateurs')).body);
		expect(text).toMatch(/Somme : la valeur d’un ensemble de quartiers/);
	});

	it('filters by pillar through the URL', async () => {
		const { status, body } = await get('/indicateurs?pilier=cadre_de_vie');
		expect(status).toBe(200);
		expect(body).toContain('id="logements_sociaux"');
		expect(body).not.toContain('id="tx_pauvrete_60"');
		expect(body).toMatch(/<option value="cadre_de_vie" selected/);
	});

	it('answers 400 in French for an unknown pillar', async () => {
		const { status, body } = await get('/indicateurs?pilier=logement');
		expect(status).toBe(400);
		expect(textOf(body)).toContain('pilier inconnu');
	});
});
