import initSqlJs from 'sql.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../pipelines/lib/step';
import { parseFundedCodes, pillarOfTheme } from '../../../pipelines/lib/funded-projects';
import { fundedProjectTotalsStep } from '../../../pipelines/steps/funded-project-totals';
import { fundedProjectsStep } from '../../../pipelines/steps/funded-projects';
import { contratsTable } from '../../../src/lib/schemas/territories';
import { runSteps } from './memory-context';

type Cell = string | number | null;
const COLUMNS =
	'fid INTEGER PRIMARY KEY, geom BLOB, code_cv TEXT, lib_cv TEXT, nb_projets MEDIUMINT';

/** A GeoPackage-like SQLite file written by sql.js: the traps of the real files, in small. */
async function writeGpkg(path: string, table: string, withTheme: boolean, rows: Cell[][]) {
	const SQL = await initSqlJs();
	const db = new SQL.Database();
	db.run(`CREATE TABLE ${table} (${COLUMNS}${withTheme ? ', theme TEXT' : ''})`);
	const marks = withTheme ? '?, ?, ?, ?, ?' : '?, ?, ?, ?';
	const cols = withTheme
		? 'fid, code_cv, lib_cv, nb_projets, theme'
		: 'fid, code_cv, lib_cv, nb_projets';
	for (const r of rows) db.run(`INSERT INTO ${table} (${cols}) VALUES (${marks})`, r);
	writeFileSync(path, db.export());
	db.close();
}

let rawDir: string;
beforeAll(async () => {
	rawDir = mkdtempSync(join(tmpdir(), 'funded-'));
	mkdirSync(join(rawDir, 'actions-financees'));
	await writeGpkg(join(rawDir, 'actions-financees/cv_nb_projets.gpkg'), 'cv_nb_projets', false, [
		[1, 'CV001\r\n', 'Ville Une', 12],
		[2, 'CV002', 'Autre Agglo', 7], // CV002 listed twice: this name is not the contrat's
		[3, 'CV002', 'CA Deux', 7],
		[4, 'CV003\r\nCV004\r\n', 'Agglo Trois', null], // two codes, no count
		[5, 'CV005\r\n', 'Ville Cinq', null] // no project
	]);
	await writeGpkg(
		join(rawDir, 'actions-financees/cv_nb_themes_projets.gpkg'),
		'cv_nb_themes_projets',
		true,
		[
			[1, 'CV001\r\n', 'Ville Une', 10, '1 - Pilier cohésion sociale'],
			[2, 'CV001\r\n', 'Ville Une', 2, '4-Pilotage, ingénierie, ressources et évaluations'],
			[3, 'CV002', 'Autre Agglo', 7, '2- Pilier développement économique et emploi'],
			[4, 'CV002', 'CA Deux', 7, '2- Pilier développement économique et emploi'],
			[5, 'CV005\r\n', 'Ville Cinq', null, null]
		]
	);
});

const contrats: Step = {
	table: contratsTable.name,
	async run(ctx) {
		const rest = {
			perimeter: 'commune' as const,
			commune_count: 1,
			epci2015_siren: null,
			commune_code: null,
			departement_code: '01',
			population_qpv_published: null,
			longitude: null,
			latitude: null,
			geometry: null
		};
		await ctx.db.insert(contratsTable, [
			{ code: 'CV001', name: 'Ville Une', ...rest },
			{ code: 'CV002', name: 'CA Deux', ...rest },
			{ code: 'CV005', name: 'Ville Cinq', ...rest },
			{ code: 'CV006', name: 'Ville Six', ...rest }
		]);
	}
};

describe('funded-project cleaning rules', () => {
	it('reads codes through CR/LF and sees two codes in one cell', () => {
		expect(parseFundedCodes('CV046\r\nCV137\r\n')).toEqual({
			codes: ['CV046', 'CV137'],
			invalid: false
		});
		expect(parseFundedCodes('CV072\r\nCV072\r\n')).toEqual({ codes: ['CV072'], invalid: false });
		expect(parseFundedCodes('X12').invalid).toBe(true);
	});

	it('maps the published themes to pillars by their number', () => {
		expect(pillarOfTheme('3-Pilier cadre de vie et renouvellement urbain')).toBe('cadre_de_vie');
		expect(pillarOfTheme('2- Pilier développement économique et emploi')).toBe(
			'emploi_developpement_economique'
		);
		expect(pillarOfTheme('')).toBeNull();
	});
});

describe('funded project steps on a GeoPackage fixture', () => {
	it('loads one row per contrat, keeps the duplicate whose name is the contrat’s, rejects the rest', async () => {
		const ctx = await runSteps(rawDir, [contrats, fundedProjectTotalsStep, fundedProjectsStep]);
		const totals = await ctx.db.query<{ c: string; n: number; line: number; year: number }>(
			'SELECT contrat_code AS c, projects AS n, source_line AS line, data_year AS year FROM funded_project_totals ORDER BY 1'
		);
		expect(totals).toEqual([
			{ c: 'CV001', n: 12, line: 1, year: 2020 },
			{ c: 'CV002', n: 7, line: 3, year: 2020 }
		]);
		const ledger = ctx.ledgers.for('actions-financees/cv_nb_projets.gpkg');
		expect(ledger.rejects.map((r) => [r.line, r.column])).toEqual([
			[4, 'nb_projets'],
			[5, 'nb_projets'],
			[2, 'code_cv']
		]);
		expect(ledger.rejects[0]!.reason).toContain('cellule à 2 codes (CV003, CV004)');
		expect(ledger.rejects[2]!.reason).toContain('contrat en double (gardé : fid 3)');
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.rowsRejected, ledger.balanced]).toEqual([
			5,
			2,
			3,
			true
		]);
		const report = ctx.report.funded_project_totals as Record<string, number>;
		// 12 + 7 + 7 published; 19 loaded (CV002 counted once); 3 codes carry CR/LF.
		expect([report.projects_as_published, report.projects_loaded, report.codes_with_cr_lf]).toEqual(
			[26, 19, 3]
		);
	});

	it('loads pillars and reconciles them with totals and contrats', async () => {
		const ctx = await runSteps(rawDir, [contrats, fundedProjectTotalsStep, fundedProjectsStep]);
		const pillars = await ctx.db.query<{ k: string }>(
			`SELECT contrat_code || ':' || pillar || ':' || projects AS k FROM funded_projects ORDER BY 1`
		);
		expect(pillars.map((r) => r.k)).toEqual([
			'CV001:cohesion_sociale:10',
			'CV001:pilotage:2',
			'CV002:emploi_developpement_economique:7'
		]);
		const ledger = ctx.ledgers.for('actions-financees/cv_nb_themes_projets.gpkg');
		expect(ledger.rejects.find((r) => r.line === 5)!.reason).toBe(
			'sans ni thème ni nombre de projets : rien à compter'
		);
		const report = ctx.report.funded_projects as { reconciliation: Record<string, unknown> };
		expect(report.reconciliation).toEqual({
			totals_differing_from_pillar_sum: [],
			codes_not_in_contrats: [],
			contrats_without_projects: ['CV005', 'CV006']
		});
	});

	it('stops with the file name when a required column is missing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'funded-bad-'));
		mkdirSync(join(dir, 'actions-financees'));
		const SQL = await initSqlJs();
		const db = new SQL.Database();
		db.run('CREATE TABLE cv_nb_projets (fid INTEGER, code_cv TEXT)');
		writeFileSync(join(dir, 'actions-financees/cv_nb_projets.gpkg'), db.export());
		await expect(runSteps(dir, [fundedProjectTotalsStep])).rejects.toThrow(
			'actions-financees/cv_nb_projets.gpkg : colonnes absentes : lib_cv, nb_projets'
		);
	});
});
