// Projects funded per contrat de ville and pillar (ANCT GeoPackage cv_nb_themes_projets, year 2020
// inferred), reconciled with the per-contrat totals and with the contrats.
import {
	FUNDED_PROJECTS_YEAR,
	fundedProjectsTable,
	type FundedProject
} from '../../src/lib/schemas/actions';
import { cleanFundedRows, contratNamesOf, FUNDED_DIR } from '../lib/funded-projects';
import { readRawGpkg } from '../lib/geopackage';
import type { BuildContext, Step } from '../lib/step';

export const PILLARS_FILE = `${FUNDED_DIR}/cv_nb_themes_projets.gpkg`;
const REQUIRED = ['fid', 'code_cv', 'lib_cv', 'theme', 'nb_projets'];

export const fundedProjectsStep: Step = {
	table: fundedProjectsTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(fundedProjectsTable);
		const { rows, ledger } = await readRawGpkg(ctx, PILLARS_FILE, 'cv_nb_themes_projets', REQUIRED);
		const clean = cleanFundedRows(rows, true, await contratNamesOf(ctx), ledger);
		const out: FundedProject[] = clean.kept.map((r) => ({
			contrat_code: r.code,
			pillar: r.pillar!,
			theme: r.theme!,
			projects: r.projects,
			data_year: FUNDED_PROJECTS_YEAR,
			published_name: r.name,
			source_path: PILLARS_FILE,
			source_line: r.fid
		}));
		ledger.loaded(fundedProjectsTable.name, out.length);
		await ctx.db.insert(fundedProjectsTable, out);
		ctx.report[fundedProjectsTable.name] = {
			rows: rows.length,
			codes_with_cr_lf: clean.codesWithLayout,
			projects_as_published: clean.publishedSum,
			projects_loaded: out.reduce((s, r) => s + r.projects, 0),
			reconciliation: await reconcile(ctx)
		};
	}
};

/** Pillar sums against the totals file, and contrat codes against `contrats`. */
async function reconcile(ctx: BuildContext): Promise<Record<string, unknown>> {
	const names = ctx.db.tableNames();
	const out: Record<string, unknown> = {};
	if (names.includes('funded_project_totals')) {
		out.totals_differing_from_pillar_sum = await ctx.db.query(
			`SELECT coalesce(t.contrat_code, p.contrat_code) AS contrat, t.projects AS total, p.projects AS pillars
			 FROM funded_project_totals t FULL JOIN
			   (SELECT contrat_code, sum(projects)::INTEGER AS projects FROM funded_projects GROUP BY 1) p
			   ON p.contrat_code = t.contrat_code
			 WHERE t.projects IS DISTINCT FROM p.projects ORDER BY 1`
		);
	}
	if (names.includes('contrats')) {
		const codes = async (sql: string) =>
			(await ctx.db.query<{ code: string }>(sql)).map((r) => r.code);
		out.codes_not_in_contrats = await codes(
			`SELECT DISTINCT contrat_code AS code FROM funded_projects
			 WHERE contrat_code NOT IN (SELECT code FROM contrats) ORDER BY 1`
		);
		out.contrats_without_projects = await codes(
			`SELECT code FROM contrats WHERE code NOT IN (SELECT contrat_code FROM funded_projects) ORDER BY 1`
		);
	}
	return out;
}
