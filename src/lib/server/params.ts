// Route parameters validated once for every page, download and PDF of a contrat or a QPV: a
// malformed code is a 400 with a French message (the bad value shortened), never a 500.
import { error } from '@sveltejs/kit';
import { contratCode, qpvCode } from '$lib/schemas/table';

const shown = (raw: string) => raw.slice(0, 40);

export function requireContratCode(raw: string): string {
	const parsed = contratCode.safeParse(raw);
	if (!parsed.success) {
		error(400, `Code de contrat invalide : « ${shown(raw)} » (attendu CVnnn, par exemple CV001).`);
	}
	return parsed.data;
}

export function requireQpvCode(raw: string): string {
	const parsed = qpvCode.safeParse(raw);
	if (!parsed.success) {
		error(
			400,
			`Code de quartier invalide : « ${shown(raw)} » (attendu QPdddnnn, par exemple QP001001).`
		);
	}
	return parsed.data;
}
