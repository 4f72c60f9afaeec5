// Server tests of the evaluation core on the pages, against the real database: the contrat's pillar
// tables read the same data years as its synthesis, a multi-commune QPV is compared with each of
// its communes and its EPCI, an overseas QPV is never compared with France métropolitaine.
import { describe, expect, it } from 'vitest';
import { get, textOf } from '../../helpers/server';

describe('evaluation by data year on the pages', () => {
	it('CV004: poverty in the pillar table reads 2015 → 2019 like the synthesis', async () => {
		const text = textOf((await get('/contrats/CV004')).body);
		// QP001001 40.9 → 41.9, QP001002 50.1 → 48.2, weights 6 056 and 1 830 (RP 2013):
		// (40.9 × 6056 + 50.1 × 1830) / 7886 = 43.03; (41.9 × 6056 + 48.2 × 1830) / 7886 = 43.36.
		expect(text).toMatch(
			/Taux de pauvreté au seuil de 60\s% données 2015 → 2019 (?:Contrat, départ → arrivée\s: )?43,0\s% → 43,4\s%/
		);
		expect(text).toMatch(
			/Taux de pauvreté au seuil de 60\s% \d+ moyenne pondérée \(approximation\) (?:QPV du contrat\s: )?43,4\s% données 2019/
		);
		expect(text).toMatch(/départ\s:\s43,0\s% \(données 2015\)/);
	});

	it('QP062029 is compared with Lens, Liévin and Loos-en-Gohelle, and read against its EPCI', async () => {
		const text = textOf((await get('/quartiers/QP062029')).body);
		for (const c of ['Commune Lens', 'Commune Liévin', 'Commune Loos-en-Gohelle']) {
			expect(text).toContain(c);
		}
		// Median income 2019: 14 500 € (data_filo19) against the EPCI's 17 980 € = 80.6 %.
		expect(text).toMatch(/EPCI CA de Lens - Liévin 17\s980\s€ Écart\s:\s81\s%/);
	});

	it('an overseas QPV is compared with its commune, EPCI and département, never with France', async () => {
		const text = textOf((await get('/quartiers/QP972001')).body);
		expect(text).toContain('Département Martinique');
		expect(text).not.toContain('France métropolitaine');
	});
});
