// Helpers to read rendered SVG/HTML strings in tests.

/** Decodes numeric entities (linkedom writes U+00A0 as &#160;) so French strings compare as is. */
export function decode(html: string): string {
	return html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

export function count(html: string, tag: string): number {
	return html.match(new RegExp(`<${tag}[\\s>/]`, 'g'))?.length ?? 0;
}

/** The markup of every <g data-mark="…"> group of a mark (with its facet subgroups). */
export function markGroups(html: string, ariaLabel: string): string {
	const parts: string[] = [];
	let start = html.indexOf(`data-mark="${ariaLabel}"`);
	while (start >= 0) {
		// Walk to the </g> that closes this group, past nested facet groups.
		const tags = /<g[\s>]|<\/g>/g;
		tags.lastIndex = start;
		let depth = 1;
		let end = html.length;
		for (let m = tags.exec(html); m; m = tags.exec(html)) {
			depth += m[0] === '</g>' ? -1 : 1;
			if (depth === 0) {
				end = m.index;
				break;
			}
		}
		parts.push(html.slice(start, end));
		start = html.indexOf(`data-mark="${ariaLabel}"`, end);
	}
	return parts.join('');
}
