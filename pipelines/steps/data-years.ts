// data_years: for each file and indicator, the year its figures describe and how that was
// established; "année des données non publiée" where neither the file nor a check can say.
import { dataYearsTable, UNPUBLISHED_DATA_YEAR } from '../../src/lib/schemas/evaluation';
import type { Step } from '../lib/step';

/** How a data year is known, by file family (checked against the files by canonical_series). */
export const DATA_YEAR_METHODS: { prefix: string; method: string }[] = [
	{
		prefix: 'filosofi-qpv/',
		method: 'publiée par l’INSEE : année du nom de fichier (data_filoAA) et des colonnes (_AAA)'
	},
	{
		prefix: 'filosofi-references/',
		method: 'publiée par l’INSEE : année du nom de fichier (FILOAAAA) et des colonnes'
	},
	{
		prefix: 'sig-ville/REVN_',
		method:
			'millésime − 4 : les valeurs Filosofi de REVN_2021 et REVN_2022 sont celles de data_filo17 et data_filo18 (contrôle de la construction)'
	},
	{
		prefix: 'sig-ville/DEMO_',
		method:
			'recensement : POP_MUN identique de DEMO_2017 à DEMO_2020 et égale à pop_2013 de qpv_evolution_population.csv, puis égale à pop_2018 dans DEMO_2021 et 2022'
	},
	{ prefix: 'qpv-2015/panel', method: 'colonne « annee » du panel dérivé' }
];

export function dataYearMethodSql(): string {
	const whens = DATA_YEAR_METHODS.map(
		(m) => `WHEN starts_with(source_path, '${m.prefix}') THEN '${m.method.replaceAll("'", "''")}'`
	);
	return `CASE WHEN reference_year IS NULL THEN '${UNPUBLISHED_DATA_YEAR}' ${whens.join(' ')} ELSE 'indiquée par le fichier' END`;
}

export const dataYearsStep: Step = {
	table: dataYearsTable.name,
	async run(ctx) {
		// Written in its final order: an INSERT of its own would be sorted again at the end.
		await ctx.db.insertSorted(
			dataYearsTable,
			`SELECT source_path, indicator_id, vintage, reference_year AS data_year, ${dataYearMethodSql()} AS method
			FROM (SELECT DISTINCT source_path, indicator_id, vintage, reference_year FROM observations)`
		);
	}
};
