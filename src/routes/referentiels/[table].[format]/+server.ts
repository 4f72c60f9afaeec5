// Download of a referential table (feuille de route, Pacte de Dijon, PaQte) exactly as loaded from
// data/reference/, with its columns typed from the shared schema.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import {
	faitsAttestesTable,
	mesureIndicateursTable,
	mesuresTable,
	pacteDijonDomainesTable,
	pacteDijonIndicateursTable,
	paqteAxesTable,
	programmesTable
} from '$lib/schemas/referentiels';
import type { TableDef } from '$lib/schemas/table';
import { query } from '$lib/server/db';
import { exportTable, type ColumnType } from '$lib/server/export/columns';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getProvenance, sourcesOfTables } from '$lib/server/queries/sources';
import type { RequestHandler } from './$types';

/** URL name → table; the URL never reaches the SQL, only this whitelist does. */
const tables = {
	programmes: programmesTable,
	mesures: mesuresTable,
	'pacte-de-dijon-domaines': pacteDijonDomainesTable,
	'paqte-axes': paqteAxesTable,
	'faits-attestes': faitsAttestesTable,
	'mesure-indicateurs': mesureIndicateursTable,
	'pacte-de-dijon-indicateurs': pacteDijonIndicateursTable
} as const satisfies Record<string, TableDef<z.ZodObject>>;

const tableName = z.enum(Object.keys(tables) as [keyof typeof tables, ...(keyof typeof tables)[]]);
const columnType = (sql: string): ColumnType =>
	sql === 'DOUBLE' ? 'number' : sql === 'INTEGER' || sql === 'BIGINT' ? 'integer' : 'text';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const name = tableName.safeParse(params.table);
	if (!name.success) {
		error(
			404,
			`Référentiel inconnu : « ${params.table.slice(0, 40)} » (${tableName.options.join(', ')}).`
		);
	}
	const def = tables[name.data] as TableDef<z.ZodObject>;
	const order = def.orderBy.map((c) => `"${c}"`).join(', ');
	const rows = await query<Record<string, unknown>>(
		`SELECT * FROM "${def.name}" ORDER BY ${order}`
	);
	const table = exportTable<Record<string, unknown>>({
		name: name.data,
		columns: Object.entries(def.columns).map(([key, sql]) => ({
			key,
			header: key,
			type: columnType(sql)
		})),
		rows
	});
	const provenance = await getProvenance();
	const sources = sourcesOfTables(provenance, [def.name]);
	return exportResponse(
		{ filename: `referentiel-${name.data}.${format}`, format },
		[table],
		sources
	);
};
