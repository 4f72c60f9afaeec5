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
		// The canonical series places it at its census year, 2018, with the vintage kept.
		const canonical = body.series.find(
			(p: { indicateur: string; annee: number }) => p.indicateur === 'pop_mun' && p.annee === 2018
		);
		expect(canonical).toMatchObject({ valeur: 6490, annee_des_donnees: 2018, millesime: 2022 });
	});

	it('gives QP062029 a gap to each of its three communes and to its EPCI of the year', async () => {
		const body = await (await fetch(`${serverUrl()}/api/quartiers/QP062029`)).json();
		type Gap = {
			indicator_id: string;
			reference_kind: string;
			reference_code: string;
			latest_year: number;
			latest_qpv: number;
			latest_reference: number;
			latest_gap: number;
		};
		const income = (body.ecarts as Gap[]).filter(
			(g) => g.indicator_id === 'revenu_disponible_median'
		);
		expect(
			income.filter((g) => g.reference_kind === 'commune').map((g) => g.reference_code)
		).toEqual(['62498', '62510', '62528']);
		// data_filo19 line 720: 14 500 €; FILO2019_DISP_EPCI line 1061 (CA de Lens - Liévin): 17 980 €.
		const epci = income.find((g) => g.reference_kind === 'epci')!;
		expect(epci).toMatchObject({
			reference_code: '246200364',
			latest_year: 2019,
			latest_qpv: 14500,
			latest_reference: 17980
		});
		expect(epci.latest_gap).toBeCloseTo((14500 / 17980) * 100, 6);
	});

	it('never compares an overseas QPV with France métropolitaine', async () => {
		const body = await (await fetch(`${serverUrl()}/api/quartiers/QP972001`)).json();
		const kinds = new Set(body.ecarts.map((g: { reference_kind: string }) => g.reference_kind));
		expect(kinds.has('departement')).toBe(true);
		expect(kinds.has('france_metropolitaine')).toBe(false);
	});

	it('answers 400 JSON for a malformed code', async () => {
		const response = await fetch(`${serverUrl()}/api/quartiers/QP1%27--`);
		expect(response.status).toBe(400);
		expect((await response.json()).erreur).toContain('Code de quartier invalide');
	});
});

describe('/api/contrats/[code]', () => {
	it('labels CV004 poverty rates by their true data year (REVN_2017 line 3 is Filosofi 2013)', async () => {
		const body = await (await fetch(`${serverUrl()}/api/contrats/CV004`)).json();
		expect(body.qpv.map((q: { code: string }) => q.code)).toContain('QP001001');
		type Point = {
			indicateur: string;
			territoire: string;
			annee: number;
			millesime: number;
			valeur: number;
			source: { fichier: string; ligne: number };
		};
		const poverty = (body.series as Point[]).filter(
			(p) => p.indicateur === 'tx_pauvrete_60' && p.territoire === 'qpv:QP001001'
		);
		// 38,6 in REVN_2017.csv line 3 describes 2013; 38,9 is Filosofi 2017 (data_filo17 line 3).
		expect(poverty.find((p) => p.annee === 2013)).toMatchObject({
			valeur: 38.6,
			millesime: 2017,
			source: { fichier: 'sig-ville/REVN_2017.csv', ligne: 3 }
		});
		expect(poverty.find((p) => p.annee === 2017)).toMatchObject({
			valeur: 38.9,
			source: { fichier: 'filosofi-qpv/data_filo17_qp_revdis.csv', ligne: 3 }
		});
		expect(poverty.find((p) => p.annee === 2019)).toMatchObject({ valeur: 41.9 });
		// Synthesis: QP001001 40,9 (2015) → 41,9 (2019); QP001002 50,1 → 48,2.
		const synth = body.synthese.find(
			(r: { indicator_id: string }) => r.indicator_id === 'tx_pauvrete_60'
		);
		expect(synth).toMatchObject({
			baseline_period: 2015,
			latest_period: 2019,
			n_improved: 1,
			n_worsened: 1
		});
		expect(body.ruptures.map((r: { indicator_id: string }) => r.indicator_id)).toContain(
			'taux_emploi'
		);
	});

	it('answers 404 JSON for an unknown contrat', async () => {
		const response = await fetch(`${serverUrl()}/api/contrats/CV999`);
		expect(response.status).toBe(404);
	});
});
