// The columns of the contrats list, shared by /contrats and its CSV/XLSX download.
import { formatNumber, formatValue } from '$lib/format';
import type { ContratListRow } from '$lib/server/queries/contrats';
import type { TableColumn } from './columns';

const percent = (v: number | null) => (v === null ? 'non disponible' : formatValue(v, '%'));

export const contratsListColumns: TableColumn<ContratListRow>[] = [
	{ key: 'code', header: 'Code contrat', type: 'text', onPage: false },
	{
		key: 'name',
		header: 'Contrat de ville',
		type: 'text',
		width: 40,
		sort: 'name',
		href: (r) => `/contrats/${r.code}`
	},
	{ key: 'departement_code', header: 'Code département', type: 'text', onPage: false },
	{
		key: 'departement',
		header: 'Département',
		type: 'text',
		sort: 'departement',
		display: (r) => r.departement ?? r.departement_code ?? 'non renseigné'
	},
	{ key: 'region', header: 'Région', type: 'text', sort: 'region', onPage: false },
	{ key: 'qpv_count', header: 'Nombre de QPV', type: 'integer', sort: 'qpv_count' },
	{
		key: 'population',
		header: 'Population des QPV (RP 2018)',
		type: 'integer',
		sort: 'population',
		display: (r) => (r.population === null ? 'non disponible' : formatNumber(r.population))
	},
	{
		key: 'adultes_relais',
		header: 'Postes adultes-relais (dernière année)',
		type: 'integer',
		sort: 'adultes_relais'
	},
	{ key: 'adultes_relais_year', header: 'Année des postes', type: 'integer', onPage: false },
	{
		key: 'poverty_min',
		header: 'Taux de pauvreté min. des QPV (%)',
		type: 'number',
		display: (r) => percent(r.poverty_min)
	},
	{
		key: 'poverty_max',
		header: 'Taux de pauvreté max. des QPV (%)',
		type: 'number',
		sort: 'pauvrete',
		display: (r) => percent(r.poverty_max)
	}
];
