// Plain-word source notes for readers: producer and data years, never file paths (kept on /methodologie).
import type { Provenance } from '$lib/schemas/provenance';

/** 'Licence Ouverte / Open Licence 2.0 (Etalab)' → 'Licence Ouverte'. */
function shortLicence(licence: string): string {
	return /licence ouverte/i.test(licence) ? 'Licence Ouverte' : licence;
}

/** [2017, 2018, 2019, 2021] → '2017 à 2019, 2021'; consecutive years read as a range. */
export function yearRanges(years: number[]): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
		parts.push(j - i >= 2 ? `${sorted[i]} à ${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
		i = j;
	}
	return parts.join(', ');
}

/**
 * « Source : INSEE – Filosofi, fichiers 2016 à 2019 ; ANCT – SIG Ville / INSEE, fichiers 2017 à
 * 2022 · Licence Ouverte ». One group per producer; the years are the files' publication years
 * (millésimes), which is what the producer calls them; files are named on /methodologie.
 */
export function sourceNote(paths: string[], provenance: Map<string, Provenance>): string {
	const groups = new Map<string, { years: number[]; undated: boolean; count: number }>();
	const licences = new Set<string>();
	for (const path of new Set(paths)) {
		const p = provenance.get(path);
		const producer = p?.producer ?? 'producteur non renseigné';
		const group = groups.get(producer) ?? { years: [], undated: false, count: 0 };
		group.count++;
		const years = (p?.vintage.match(/\b(19|20)\d{2}\b/g) ?? []).map(Number);
		if (years.length === 0) group.undated = true;
		// '2012–2021' is a span: both ends read as a range.
		if (p && /\d{4}\s*[–-]\s*\d{4}/.test(p.vintage) && years.length === 2)
			for (let y = years[0]!; y <= years[1]!; y++) group.years.push(y);
		else group.years.push(...years);
		groups.set(producer, group);
		if (p?.licence) licences.add(shortLicence(p.licence));
	}
	if (groups.size === 0) return 'Source non renseignée';
	const parts = [...groups].map(([producer, g]) => {
		const n = new Set(g.years).size;
		if (n === 0) return producer;
		return `${producer}, ${n > 1 ? 'millésimes' : 'millésime'} ${yearRanges(g.years)}`;
	});
	const label = groups.size > 1 ? 'Sources' : 'Source';
	return `${label} : ${parts.join(' ; ')}${licences.size ? ` · ${[...licences].join(', ')}` : ''}`;
}
