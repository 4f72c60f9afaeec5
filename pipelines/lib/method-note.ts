// Reads a DITP method note of the Baromètre (markdown): its title, and for each indicator its name,
// definition, production notes and metadata (frequency, coverage, finest geographic level).
import type { BarometreDocumentation } from '../../src/lib/schemas/barometre';

type Note = Omit<BarometreDocumentation, 'file'>;

/** Splits a section on its `**Indicateur N**` markers; key 0 holds text before any marker. */
function byIndicator(section: string): Map<number, string> {
	const parts = new Map<number, string>();
	const marker = /^\*\*Indicateur\s*(\d*)\s*\*\*\s*:?/gm;
	let last = 0;
	let current = 0;
	for (const m of section.matchAll(marker)) {
		parts.set(current, (parts.get(current) ?? '') + section.slice(last, m.index));
		current = m[1] ? Number(m[1]) : 1;
		last = m.index! + m[0].length;
	}
	parts.set(current, (parts.get(current) ?? '') + section.slice(last));
	return parts;
}

const clean = (text: string | undefined): string | null => {
	const t = (text ?? '')
		.replace(/[*_]/g, '')
		.replace(/^\s*[-–]\s*/gm, '')
		.replace(/\s+/g, ' ')
		.trim();
	return t === '' ? null : t;
};

function sections(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const block of text.split(/^## /m).slice(1)) {
		const newline = block.indexOf('\n');
		out.set(block.slice(0, newline).trim().toLowerCase(), block.slice(newline + 1));
	}
	return out;
}

function find(all: Map<string, string>, prefix: string): string {
	for (const [title, body] of all) if (title.startsWith(prefix)) return body;
	return '';
}

function metadata(block: string, key: string): string | null {
	const m = new RegExp(`${key}\\s*:\\s*(.+)`, 'i').exec(block);
	return m ? m[1]!.trim() : null;
}

/** One row per indicator the note describes; throws with the reason when it has no title. */
export function parseMethodNote(text: string): Note[] {
	const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
	if (!title) throw new Error('titre « # … » absent');
	const all = sections(text);
	const general = byIndicator(find(all, 'description générale'));
	const production = byIndicator(find(all, 'description du mode de production'));
	const meta = byIndicator(find(all, 'description des métadonnées'));
	const numbers = [...general.keys()].filter((n) => n > 0);
	return (numbers.length ? numbers : [1]).map((n) => {
		const body = general.get(n) ?? '';
		const firstLine = body.trim().split('\n')[0] ?? '';
		const metaBlock = meta.get(n) ?? meta.get(0) ?? '';
		return {
			indicator: n,
			title,
			name: clean(firstLine),
			definition: clean(body.trim().split('\n').slice(1).join(' ')),
			production: clean(production.get(n) ?? production.get(0)),
			frequency: metadata(metaBlock, 'Fréquence de mise à jour'),
			temporal_coverage: metadata(metaBlock, 'Couverture temporelle'),
			spatial_coverage: metadata(metaBlock, 'Couverture spatiale'),
			granularity: metadata(metaBlock, 'Granularité spatiale')
		};
	});
}
