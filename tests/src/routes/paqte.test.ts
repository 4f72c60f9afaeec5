// Server tests: /paqte from the real build, checked against data/reference.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

const facts = Papa.parse<Record<string, string>>(
	readFileSync('data/reference/faits-attestes.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

describe('/paqte', () => {
	it('lists the four axes in the order of the sources', async () => {
		const { status, body } = await get('/paqte');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(body).toMatch(/<h1>[^<]*PaQte/);
		const order = ['Sensibiliser', 'Former', 'Recruter', 'Acheter'].map((a) =>
			text.indexOf(` ${a} `)
		);
		expect(order.every((i) => i > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(text).toContain('non précisé par les sources');
	});

	it('shows every PaQte fact with its figure formatted the French way', async () => {
		const text = textOf((await get('/paqte')).body);
		const paqte = facts.filter((f) => f.subject === 'paqte');
		expect(paqte.length).toBeGreaterThan(0);
		for (const f of paqte) expect(text).toContain(f.statement!.replaceAll("'", '’'));
		expect(text).toContain('81\u202f700 jeunes');
		expect(text).toContain('04/2021');
		expect(text).toContain('Offres de stages de 3e pourvues via le PaQte');
	});

	it('links the measure M10 and the sources with https://', async () => {
		const { body } = await get('/paqte');
		expect(body).toContain('href="/mesures/M10"');
		expect(body).toContain('href="https://banquedesterritoires.fr"');
	});
});
