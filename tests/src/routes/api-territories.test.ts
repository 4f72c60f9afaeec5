// JSON APIs for a contrat and a QPV, against the built server and the real database.
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../../helpers/server';

describe('/api/quartiers/[code]', () => {
	it('returns QP001001 with its POP_MUN 2022 observation and source', async () => {
		const response = await fetch(`${serverUrl()}/api/quartiers/QP001001`);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.quartier.contrat_code).toBe('CV004');
		const pop = body.observations.find(
			(o: { indicator_id: string; vintage: number }) =>
				o.indicator_id === 'pop_mun' && o.vintage === 2022
		);
		expect(pop.value).toBe(6490);
		expect(pop.source_path).toBe('sig-ville/DEMO_2022.csv');
	});

	it('answers 400 JSON for a malformed code', async () => {
		const response = await fetch(`${serverUrl()}/api/quartiers/QP1%27--`);
		expect(response.status).toBe(400);
		expect((await response.json()).erreur).toContain('Code de quartier invalide');
	});
});

describe('/api/contrats/[code]', () => {
	it('returns CV004 with QP001001 and the summed population of its QPV', async () => {
		const body = await (await fetch(`${serverUrl()}/api/contrats/CV004`)).json();
		expect(body.qpv.map((q: { code: string }) => q.code)).toContain('QP001001');
		const pop = body.indicateurs.find((i: { id: string }) => i.id === 'pop_mun');
		expect(pop.regle).toBe('sum');
	});

	it('answers 404 JSON for an unknown contrat', async () => {
		const response = await fetch(`${serverUrl()}/api/contrats/CV999`);
		expect(response.status).toBe(404);
	});
});
