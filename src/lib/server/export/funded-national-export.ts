// Download of the national view of funded projects: one row per département and pillar (or all
// pillars), with the base of the rate. The year 2020 is inferred, and the sheet name says so.
import { fundedPillarLabels, FUNDED_PROJECTS_YEAR } from '$lib/schemas/actions';
import type { DepartementProjects } from '../queries/actions';
import { exportTable, type ExportColumn } from './columns';

interface FundedDepartementRow {
	departement_code: string;
	departement: string | null;
	pillar: string;
	contrats: number;
	projects: number;
	population: number;
	per_1000: number;
}

export const fundedDepartementColumns: ExportColumn<FundedDepartementRow>[] = [
	{ key: 'departement_code', header: 'Code département', type: 'text' },
	{ key: 'departement', header: 'Département', type: 'text', width: 28 },
	{ key: 'pillar', header: 'Pilier', type: 'text', width: 40 },
	{ key: 'contrats', header: 'Contrats ayant un nombre de projets', type: 'integer' },
	{
		key: 'projects',
		header: `Projets financés (${FUNDED_PROJECTS_YEAR}, année déduite)`,
		type: 'integer'
	},
	{ key: 'population', header: 'Habitants des QPV de ces contrats (2018)', type: 'integer' },
	{ key: 'per_1000', header: 'Projets pour 1 000 habitants des QPV', type: 'number', decimals: 2 }
];

export function fundedDepartementTable(rows: DepartementProjects[]) {
	return exportTable<FundedDepartementRow>({
		name: `Projets ${FUNDED_PROJECTS_YEAR} par département`,
		columns: fundedDepartementColumns,
		rows: rows.map((r) => ({
			...r,
			population: Math.round(r.population),
			pillar: r.pillar === 'total' ? 'Tous piliers' : fundedPillarLabels[r.pillar]
		}))
	});
}
