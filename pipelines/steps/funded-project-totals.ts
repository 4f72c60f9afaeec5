// Projects funded by the politique de la ville credits per contrat de ville (ANCT GeoPackage
// cv_nb_projets, year 2020 inferred from the source's build script): one row per contrat.
import {
	FUNDED_PROJECTS_YEAR,
	fundedProjectTotalsTable,
	type FundedProjectTotal
} from '../../src/lib/schemas/actions';
import { cleanFundedRows, contratNamesOf, FUNDED_DIR } from '../lib/funded-projects';
import { readRawGpkg } from '../lib/geopackage';
import type { BuildContext, Step } from '../lib/step';

export const TOTALS_FILE = `${FUNDED_DIR}/cv_nb_projets.gpkg`;
const REQUIRED = ['fid', 'code_cv', 'lib_cv', 'nb_projets'];

export const fundedProjectTotalsStep: Step = {
	table: fundedProjectTotalsTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(fundedProjectTotalsTable);
		const { rows, ledger } = await readRawGpkg(ctx, TOTALS_FILE, 'cv_nb_projets', REQUIRED);
		const clean = cleanFundedRows(rows, false, await contratNamesOf(ctx), ledger);
		const out: FundedProjectTotal[] = clean.kept.map((r) => ({
			contrat_code: r.code,
			projects: r.projects,
			data_year: FUNDED_PROJECTS_YEAR,
			published_name: r.name,
			source_path: TOTALS_FILE,
			source_line: r.fid
		}));
		ledger.loaded(fundedProjectTotalsTable.name, out.length);
		await ctx.db.insert(fundedProjectTotalsTable, out);
		ctx.report[fundedProjectTotalsTable.name] = {
			rows: rows.length,
			codes_with_cr_lf: clean.codesWithLayout,
			projects_as_published: clean.publishedSum,
			projects_loaded: out.reduce((s, r) => s + r.projects, 0),
			contrats_loaded: out.length
		};
	}
};
