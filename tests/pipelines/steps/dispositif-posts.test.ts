import { describe, expect, it } from 'vitest';
import {
	dispositifPostsStep,
	employerOf,
	parseContratCode,
	toPostRow
} from '../../../pipelines/steps/dispositif-posts';
import type { Step } from '../../../pipelines/lib/step';
import { contratsTable } from '../../../src/lib/schemas/territories';
import { fixtureDir, runSteps } from './memory-context';

describe('employerOf', () => {
	it('takes the SIRET from code_tiers for an adulte-relais post', () => {
		expect(
			employerOf('adulte_relais', { code_tiers: '77554402601284', raison_sociale: 'ALFA 3A' })
		).toEqual({
			siret: '77554402601284',
			name: 'ALFA 3A',
			badSiret: null
		});
	});

	it('never reads a SIRET from a FONJEP code_tiers, which holds the organisation name', () => {
		const employer = employerOf('fonjep', { code_tiers: 'CENTRE SOCIAL', raison_sociale: '' });
		expect(employer).toEqual({ siret: null, name: 'CENTRE SOCIAL', badSiret: null });
	});

	it('flags an adulte-relais code_tiers that is not 14 digits', () => {
		expect(employerOf('adulte_relais', { code_tiers: '1234', raison_sociale: 'X' }).badSiret).toBe(
			'1234'
		);
	});
});

describe('parseContratCode', () => {
	it('keeps a single CVnnn code', () => {
		expect(parseContratCode('CV002')).toEqual({ code: 'CV002', codes: ['CV002'], problem: null });
	});

	it('lists every contrat of a code naming several, without a single contrat_code', () => {
		expect(parseContratCode('CV384CV380')).toEqual({
			code: null,
			codes: ['CV380', 'CV384'],
			problem: null
		});
	});

	it('returns null without problem when the code is absent', () => {
		expect(parseContratCode(undefined)).toEqual({ code: null, codes: [], problem: null });
	});

	it('flags a code that is not CVnnn', () => {
		expect(parseContratCode('CV12')).toEqual({
			code: null,
			codes: [],
			problem: 'code contrat invalide'
		});
	});
});

describe('toPostRow', () => {
	it('rejects a non-numeric montant naming the field and its value', () => {
		const element = { id_poste: 'P', code_tiers: '12345678900011', annee: 2020, montant: 'abc' };
		const outcome = toPostRow('adulte_relais', 2020, element, 7, 'x.json');
		expect(outcome).toEqual({
			ok: false,
			column: 'montant',
			value: '"abc"',
			reason: 'montant non numérique'
		});
	});

	it('accepts a year written as text and uses the array position as source line', () => {
		const element = {
			id_poste: 'D1',
			code_tiers: 'MJC',
			annee: '2023',
			montant: 7164,
			code_cv: 'CV049'
		};
		const outcome = toPostRow('fonjep', 2023, element, 3, 'x.json');
		expect(outcome.ok && outcome.row).toMatchObject({
			year: 2023,
			source_line: 3,
			employer_siret: null
		});
	});
});

describe('dispositifPostsStep', () => {
	it('loads the fixture posts, rejects the malformed one and balances each ledger', async () => {
		const ctx = await runSteps(fixtureDir('dispositifs'), [dispositifPostsStep]);
		const rows = await ctx.db.query<{
			post_id: string;
			source_line: number;
			contrat_code: string | null;
		}>(
			'SELECT post_id, source_line, contrat_code FROM dispositif_posts ORDER BY kind, source_path, source_line'
		);
		expect(rows.map((r) => `${r.post_id}@${r.source_line}:${r.contrat_code}`)).toEqual([
			'AR-1@1:CV002',
			'AR-1@3:CV002',
			'AR-3@4:null',
			'AR-4@5:CV415',
			'D00001@1:CV049',
			'D00002@2:null'
		]);
		const ar = ctx.ledgers.for('contrats-de-ville/adulte-relais-2020.json');
		expect(ar.rejects).toContainEqual(
			expect.objectContaining({ line: 2, column: 'montant', value: '"abc"' })
		);
		// The two-contrat code is no longer a reject: it is attached to both (see post_contrats).
		expect(ar.rejects.map((r) => r.column)).toEqual(['montant']);
		expect([ar.rowsRead, ar.rowsLoaded, ar.rowsRejected, ar.balanced]).toEqual([5, 4, 1, true]);
		const fonjep = ctx.ledgers.for('contrats-de-ville/postes-fonjep-2023.json');
		expect([fonjep.rowsRead, fonjep.rowsLoaded, fonjep.balanced]).toEqual([2, 2, true]);
		const report = ctx.report.dispositif_posts as {
			files: Record<string, { duplicated_ids: number }>;
		};
		expect(report.files['contrats-de-ville/adulte-relais-2020.json']!.duplicated_ids).toBe(1);
	});
});

describe('dispositifPostsStep with contrats', () => {
	it('reports the contrat codes of posts missing from contrats without rejecting them', async () => {
		const contrats: Step = {
			table: contratsTable.name,
			async run(ctx) {
				const base = { perimeter: 'commune' as const, commune_count: 1, epci2015_siren: null };
				const place = {
					commune_code: null,
					departement_code: '01',
					population_qpv_published: null
				};
				const geo = { longitude: null, latitude: null, geometry: null };
				await ctx.db.insert(contratsTable, [
					{ code: 'CV002', name: 'Contrat test', ...base, ...place, ...geo }
				]);
			}
		};
		const ctx = await runSteps(fixtureDir('dispositifs'), [contrats, dispositifPostsStep]);
		const report = ctx.report.dispositif_posts as { contrats_not_found: Record<string, number> };
		expect(report.contrats_not_found).toEqual({ CV049: 1, CV415: 1 });
		const counts = await ctx.db.query<{ n: number }>(
			'SELECT count(*)::INTEGER AS n FROM dispositif_posts'
		);
		expect(counts).toEqual([{ n: 6 }]);
	});
});
