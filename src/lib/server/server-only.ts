// Page data that only the server's render reads. Reading pages ship no JavaScript (`csr = false`),
// yet SvelteKit still serialises every `load` result (devalue's uneval) for a hydration that never
// happens, then drops the text: on a contrat or QPV page, tens of kilobytes of chart SVG and rows
// walked and escaped for nothing. A value behind a non-enumerable property is skipped by that walk
// (devalue reads `Object.keys`) and stays readable by the page component.

/** `{ value }` whose `value` the serialiser does not see (`__data.json` answers `{}` for it). */
export interface ServerOnly<T> {
	readonly value: T;
}

export function serverOnly<T>(value: T): ServerOnly<T> {
	return Object.defineProperty({}, 'value', { value, enumerable: false }) as ServerOnly<T>;
}
