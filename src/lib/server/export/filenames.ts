// Export file names that say what the file holds (`contrat-CV001-indicateurs-2022.xlsx`) and the
// HTTP headers that deliver them (RFC 6266 Content-Disposition with an RFC 8187 UTF-8 name).
import {
	communeCode,
	contratCode,
	departementCode,
	qpvCode,
	regionCode,
	sirenCode
} from '$lib/schemas/table';
import { measureId } from '$lib/schemas/referentiels';

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** Territory kinds with their French file-name word and the code format they accept. */
const scopes = {
	contrat: contratCode,
	quartier: qpvCode,
	commune: communeCode,
	epci: sirenCode,
	departement: departementCode,
	region: regionCode,
	/** A measure slot of the 2018 feuille de route (M01…M40, the project's numbering). */
	mesure: measureId
} as const;
export type ExportScope = keyof typeof scopes;

/** Ligatures NFKD does not decompose. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** ASCII letters, digits and single dashes; accents dropped (`Évaluation` → `Evaluation`), case kept. */
export function asciiSlug(text: string): string {
	return text
		.replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export interface ExportName {
	scope: ExportScope;
	code: string;
	/** What the file holds, e.g. `indicateurs`, `annexe évaluation`. */
	subject: string;
	/** Millésime when the file holds a single one. */
	vintage?: number | string;
	format: ExportFormat;
}

/** `contrat-CV001-indicateurs-2022.xlsx`; throws on a code that does not fit the scope. */
export function exportFilename(name: ExportName): string {
	const check = scopes[name.scope].safeParse(name.code);
	if (!check.success) {
		throw new Error(
			`nom de fichier d'export : code ${JSON.stringify(name.code)} invalide pour « ${name.scope} »`
		);
	}
	const parts = [name.scope, name.code, asciiSlug(name.subject).toLowerCase()];
	if (name.vintage !== undefined) parts.push(asciiSlug(String(name.vintage)));
	if (parts.some((p) => p === ''))
		throw new Error(`nom de fichier d'export vide : ${parts.join('-')}`);
	return `${parts.join('-')}.${name.format}`;
}

/** RFC 8187 `value-chars`: everything outside `attr-char` is percent-encoded from UTF-8. */
function encodeExtValue(text: string): string {
	return encodeURIComponent(text).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** ASCII `filename="…"` for old clients: each dot-separated part slugged, extension kept. */
function asciiFallback(filename: string): string {
	const fallback = filename
		.split('.')
		.map(asciiSlug)
		.filter((p) => p !== '')
		.join('.');
	return fallback || 'export';
}

export function contentDisposition(
	filename: string,
	type: 'attachment' | 'inline' = 'attachment'
): string {
	return `${type}; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** Headers for `new Response(stream, { headers: exportHeaders(name) })`. */
export function exportHeaders(filename: string): Record<string, string> {
	const format = /\.(csv|xlsx)$/.exec(filename)?.[1] as ExportFormat | undefined;
	if (!format)
		throw new Error(`nom de fichier d'export sans extension .csv ou .xlsx : ${filename}`);
	return {
		'content-type': CONTENT_TYPES[format],
		'content-disposition': contentDisposition(filename),
		'x-content-type-options': 'nosniff'
	};
}
