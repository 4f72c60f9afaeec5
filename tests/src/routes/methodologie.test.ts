import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('/methodologie', () => {
	it('explains the guardrails: reference years, secret, INSEE advice', async () => {
		const { status, body } = await get('/methodologie');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('millésime moins 4');
		expect(text).toContain('secret statistique');
		expect(text).toContain('L’INSEE déconseille');
		expect(text).toMatch(/sig-ville\/REVN_2022\.csv 2022 2018/);
	});

	it('gives the QPV → contrat method counts read from the database', async () => {
		const text = textOf((await get('/methodologie')).body);
		expect(text).toMatch(
			/[\d\u202f]+ QPV sur 1\u202f514 \(\d+,\d\u00a0%\) sont rattachés à exactement un contrat/
		);
		expect(text).toContain('(commune_epci2015)');
	});

	it('lists every source file with producer, vintage, licence and row counts under #sources', async () => {
		const { body } = await get('/methodologie');
		const sources = body.slice(body.indexOf('id="sources"'));
		const text = textOf(sources);
		expect(text).toMatch(/contrats-de-ville\/cv\.topojson CGET \/ ANCT 2018 Licence Ouverte/);
		expect(text).toContain('geographie-2015/epcicom2015.csv');
		expect(text).toMatch(/[\d\u202f]+ lignes lues, [\d\u202f]+ chargées, [\d\u202f]+ rejetées/);
	});
});
