// Turns export tables into a streamed HTTP response (CSV: first table only; XLSX: every table).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { ExportSource, ExportTable } from './columns';
import { csvStream } from './csv';
import { exportFilename, exportHeaders, type ExportName } from './filenames';
import { xlsxStream } from './xlsx';

export const exportFormat = z.enum(['csv', 'xlsx']);

export function parseFormat(raw: string): 'csv' | 'xlsx' {
	const parsed = exportFormat.safeParse(raw);
	if (!parsed.success)
		error(404, `Format d’export inconnu : « ${raw.slice(0, 20)} » (csv ou xlsx).`);
	return parsed.data;
}

/** `name` is a territory export name, or a plain file name for national tables. */
export function exportResponse(
	name: ExportName | { filename: string; format: 'csv' | 'xlsx' },
	tables: ExportTable[],
	sources: ExportSource[]
): Response {
	const filename = 'filename' in name ? name.filename : exportFilename(name);
	const body =
		name.format === 'csv'
			? csvStream(tables[0]!)
			: xlsxStream({
					sheets: tables,
					sources,
					exportedAt: new Date(),
					notes: ['Statut « secret » : valeur couverte par le secret statistique, jamais 0.']
				});
	return new Response(body, { headers: exportHeaders(filename) });
}
