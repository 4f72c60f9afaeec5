// Integration: the full build from the real data/raw into a temporary file, its headline counts,
// and atomicity (a failing build leaves the previous database untouched).
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase, type BuildReport } from '../../pipelines/build';
import { sha256 } from '../../pipelines/lib/files';
import { regionsStep } from '../../pipelines/steps/regions';

const dir = mkdtempSync(join(tmpdir(), 'build-test-'));
const outPath = join(dir, 'politique-ville.duckdb');
let report: BuildReport;

async function scalar(sql: string): Promise<unknown[]> {
	const instance = await DuckDBInstance.create(outPath, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
	conn.closeSync();
	instance.closeSync();
	return rows.map((r) => Object.values(r)[0]);
}

beforeAll(async () => {
	report = await buildDatabase({ rawDir: 'data/raw', referenceDir: 'data/reference', outPath });
}, 600_000);

afterAll(() => {
	// the temporary directory is left to the OS; nothing else to close
});

describe('buildDatabase', () => {
	it('loads the 1,514 QPV of the 2015 geography and every contrat code of the raw files', async () => {
		expect(report.tables.qpv).toBe(1514);
		const topo = readFileSync('data/raw/contrats-de-ville/cv.topojson', 'utf8');
		const centroids = readFileSync('data/raw/contrats-de-ville/geom_cv_ctr.json', 'utf8');
		const codes = new Set([...`${topo}${centroids}`.matchAll(/"(CV\d{3})"/g)].map((m) => m[1]));
		const loaded = new Set(await scalar('SELECT code FROM contrats'));
		expect([...codes].filter((c) => !loaded.has(c))).toEqual([]);
		expect(report.tables.contrats).toBe(codes.size);
	});

	it('links at least 98 % of the QPV to exactly one contrat and every contrat to a QPV', async () => {
		const [exactlyOne] = await scalar(
			'SELECT count(*) FROM (SELECT qpv_code FROM qpv_contrat GROUP BY 1 HAVING count(*) = 1)'
		);
		expect(Number(exactlyOne) / 1514).toBeGreaterThanOrEqual(0.98);
		const orphans = await scalar(
			'SELECT code FROM contrats WHERE code NOT IN (SELECT contrat_code FROM qpv_contrat)'
		);
		expect(orphans).toEqual([]);
	});

	it('has QPV observations for every SIG Ville vintage 2017–2022', async () => {
		const vintages = await scalar(
			`SELECT DISTINCT vintage FROM observations WHERE territory_type = 'qpv'
			 AND source_path LIKE 'sig-ville/%' ORDER BY 1`
		);
		expect(vintages).toEqual([2017, 2018, 2019, 2020, 2021, 2022]);
		const [ensemble] = await scalar(
			`SELECT count(*) FROM observations WHERE territory_type = 'ensemble_qpv'`
		);
		expect(Number(ensemble)).toBeGreaterThan(0);
	});

	it('builds the canonical series by data year, where Filosofi QPV and SIG Ville REVN agree', async () => {
		expect(report.details.source_agreement).toEqual([
			{ data_year: 2017, both_published: 16220, different: 0 },
			{ data_year: 2018, both_published: 16219, different: 0 }
		]);
		// QP001001 poverty rate: 38,6 is REVN_2017 line 3 (data year 2013); 41,9 is data_filo19.
		const poverty = await scalar(
			`SELECT period || ':' || value || ':' || source_path FROM canonical_series
			 WHERE territory_code = 'QP001001' AND indicator_id = 'tx_pauvrete_60' ORDER BY period`
		);
		expect(poverty).toEqual([
			'2013:38.6:sig-ville/REVN_2017.csv',
			'2014:38.8:sig-ville/REVN_2018.csv',
			'2015:40.9:sig-ville/REVN_2019.csv',
			'2016:40.0:filosofi-qpv/data_filo16_qp_revdis.csv',
			'2017:38.9:filosofi-qpv/data_filo17_qp_revdis.csv',
			'2018:41.4:filosofi-qpv/data_filo18_qp_revdis.csv',
			'2019:41.9:filosofi-qpv/data_filo19_qp_revdis.csv'
		]);
		const [evidence] = await scalar(
			`SELECT evidence FROM series_breaks WHERE indicator_id = 'taux_emploi'`
		);
		expect(evidence).toContain('valeurs identiques pour 1\u202f291 QPV sur 1\u202f291');
		expect(evidence).toContain('47,4 avant 2019, 44,6 à partir de 2019');
		// CV037 job-seekers: a sum over the same QPV at both dates, never 5 QPV against 4.
		const [figure] = await scalar(
			`SELECT figure_kind || ':' || figure_n_qpv || '/' || n_qpv FROM contrat_synthesis
			 WHERE contrat_code = 'CV037' AND indicator_id = 'demandeurs_emploi_abc'`
		);
		expect(figure).toBe('somme_memes_qpv:4/5');
	});

	it('accounts for every row of every file and reads every raw data file', () => {
		expect(report.unbalanced).toEqual([]);
		expect(report.unread).toEqual([]);
		for (const s of report.sources) {
			expect(s.rows_read, s.path).toBe(s.rows_loaded + s.rows_rejected + s.rows_aggregate);
		}
	});

	it('reconciles funded projects with the raw files and the contrats, counting each once', async () => {
		const d = report.details as Record<string, Record<string, unknown>>;
		// 30,585 as published; CV044, CV226, CV252, CV267 and CV337 are listed twice
		// (57 + 43 + 26 + 10 + 47 = 183 projects): 30,402 once each, in 415 contrats.
		expect(d.funded_project_totals).toMatchObject({
			rows: 435,
			projects_as_published: 30585,
			projects_loaded: 30402,
			contrats_loaded: 415
		});
		const reconciliation = d.funded_projects!.reconciliation as Record<string, string[]>;
		expect(reconciliation.totals_differing_from_pillar_sum).toEqual([]);
		expect(reconciliation.codes_not_in_contrats).toEqual([]);
		const [pillarSum] = await scalar('SELECT sum(projects) FROM funded_projects');
		expect(Number(pillarSum)).toBe(30402);
	});

	it('counts posts, not records: FONJEP 2020 has 1,455 records for 1,433 posts', async () => {
		const [posts] = await scalar(
			`SELECT count(DISTINCT post_id) FROM dispositif_posts WHERE kind = 'fonjep' AND year = 2020`
		);
		expect(Number(posts)).toBe(1433);
		const [rejected] = await scalar(
			`SELECT count(*) FROM rejects WHERE path = 'contrats-de-ville/postes-fonjep-2020.json' AND reason LIKE 'doublon%'`
		);
		expect(Number(rejected)).toBe(1455 - 1433);
		const [shared] = await scalar(
			`SELECT string_agg(contrat_code, ',' ORDER BY contrat_code) FROM post_contrats
			 WHERE post_id = '97420R049501' AND year = 2023`
		);
		expect(shared).toBe('CV386,CV390');
	});

	it('leaves the previous database intact when a build fails', async () => {
		const before = sha256(outPath);
		const failing = {
			table: 'broken',
			run: async () => Promise.reject(new Error('étape en échec'))
		};
		await expect(
			buildDatabase({
				rawDir: 'data/raw',
				referenceDir: 'data/reference',
				outPath,
				steps: [regionsStep, failing]
			})
		).rejects.toThrow('étape en échec');
		expect(sha256(outPath)).toBe(before);
		expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
		expect(existsSync(outPath)).toBe(true);
	});
});
