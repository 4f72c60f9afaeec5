// Parses numbers as French public files write them: `6 490` (space, no-break or narrow no-break
// space as thousands separator), `55,3` (decimal comma), and plain `13748.0`.

export type ParsedNumber =
	{ kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; reason: string };

const THOUSANDS = /(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g;
const PLAIN = /^[-+]?\d+(\.\d+)?$/;

export function parseFrenchNumber(raw: string | undefined | null): ParsedNumber {
	const text = (raw ?? '').trim();
	if (text === '') return { kind: 'empty' };
	// Most cells are plain numbers (`13748.0`): the separators below cannot change them.
	if (PLAIN.test(text)) return { kind: 'number', value: Number(text) };
	const compact = text.replace(THOUSANDS, '');
	if (compact.includes(',') && compact.includes('.')) {
		return { kind: 'invalid', reason: `nombre ambigu (virgule et point) : « ${text} »` };
	}
	const normalised = compact.replace(',', '.');
	if (!PLAIN.test(normalised)) {
		return { kind: 'invalid', reason: `nombre illisible : « ${text} »` };
	}
	return { kind: 'number', value: Number(normalised) };
}
