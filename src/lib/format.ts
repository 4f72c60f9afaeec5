// French display of figures: Intl 'fr-FR' (narrow no-break space U+202F between thousands, comma
// decimals, no-break space before % and €), a real minus sign, points for changes of a rate, and
// explicit words for secret or missing values, which must never read as 0.
import { defaultDigits, unitKind } from './domain/units';

export const MINUS = '\u2212';
export const NBSP = '\u00a0';

/** One Intl formatter per option set, and the texts it already wrote (see formatNumber). */
interface Formatter {
	intl: Intl.NumberFormat;
	written: Map<number, string>;
}
const formatters = new Map<number, Formatter>();
/** Bound of each formatter's memo: a few megabytes at most, cleared when full. */
const MAX_WRITTEN = 20_000;

function formatter(minDigits: number, maxDigits: number, signed: boolean): Formatter {
	// Digits are integers from 0 to 100 (Intl's range): one number keys the three options.
	const key = (minDigits * 128 + maxDigits) * 2 + (signed ? 1 : 0);
	let f = formatters.get(key);
	if (!f) {
		const intl = new Intl.NumberFormat('fr-FR', {
			minimumFractionDigits: minDigits,
			maximumFractionDigits: maxDigits,
			signDisplay: signed ? 'exceptZero' : 'auto'
		});
		f = { intl, written: new Map() };
		formatters.set(key, f);
	}
	return f;
}

/**
 * `6490` → '6 490' (U+202F); negative numbers get a real minus sign (U+2212), never '-0'.
 * Each text is written once per process: Intl's `format` is the costly part, and the same figures
 * recur from page to page (reference territories, ranks and their totals, axis ticks).
 */
export function formatNumber(
	value: number,
	digits = 0,
	signed = false,
	minDigits = digits
): string {
	const f = formatter(minDigits, digits, signed);
	let text = f.written.get(value);
	if (text === undefined) {
		text = writeNumber(f.intl, value);
		if (f.written.size >= MAX_WRITTEN) f.written.clear();
		f.written.set(value, text);
	}
	return text;
}

function writeNumber(intl: Intl.NumberFormat, value: number): string {
	const text = intl.format(value === 0 ? 0 : value);
	const minus = text.replace('-', MINUS);
	// Only a text starting with the minus sign can be a negative zero ('−0', '−0,0').
	return minus.charCodeAt(0) === 0x2212 ? minus.replace(/^−(0(,0+)?)$/, '$1') : minus;
}

export interface FormatOptions {
	digits?: number;
	/** Append the unit word for counts ('6 490 habitants'); % and € are always shown. */
	withUnit?: boolean;
}

/** Formats a value in its unit: '38,9 %', '13 501 €', '6 490', '0,25'. */
export function formatValue(value: number | null, unit: string, opts: FormatOptions = {}): string {
	if (value === null || !Number.isFinite(value)) return formatStatus('missing');
	const digits = opts.digits ?? defaultDigits(unit);
	return withSuffix(formatNumber(value, digits), unit, opts.withUnit ?? false);
}

function withSuffix(number: string, unit: string, withUnit: boolean): string {
	const kind = unitKind(unit);
	if (kind === 'rate') return `${number}${NBSP}%`;
	if (kind === 'money') return `${number}${NBSP}${unit.trim()}`;
	if (withUnit && unit.trim() !== '') return `${number}${NBSP}${unit.trim()}`;
	return number;
}

/**
 * A signed change: `'pts'` for a change of a rate ('+2,3 pts', '−0,4 pt'), `'%'` for a relative
 * change ('−1,2 %'), or any indicator unit ('+434', '+1 200 €').
 */
export function formatSigned(value: number | null, unit: string, digits?: number): string {
	if (value === null || !Number.isFinite(value)) return formatStatus('missing');
	if (unit === 'pts') {
		const d = digits ?? 1;
		const rounded = Math.abs(Number(value.toFixed(d)));
		// French plural starts at 2: '1,5 pt', '2,3 pts'.
		return `${formatNumber(value, d, true)}${NBSP}${rounded >= 2 ? 'pts' : 'pt'}`;
	}
	return withSuffix(formatNumber(value, digits ?? defaultDigits(unit), true), unit, false);
}

/** Absolute change of an indicator: points for a rate, its own unit otherwise. */
export function formatChange(change: number | null, unit: string): string {
	return unitKind(unit) === 'rate' ? formatSigned(change, 'pts') : formatSigned(change, unit);
}

/** Relative change in percent ('+7,2 %'). */
export function formatRelativeChange(percent: number | null): string {
	return formatSigned(percent, '%', 1);
}

const statusLabels: Record<string, string> = {
	secret: 'secret statistique',
	missing: 'non disponible'
};

/** Words for a value that cannot be shown; anything but 'secret' reads 'non disponible'. */
export function formatStatus(status: string): string {
	return statusLabels[status] ?? statusLabels.missing!;
}

/** An observation as displayed: its value when ok, otherwise the status words (never '0'). */
export function formatObservation(
	obs: { value: number | null; status: string },
	unit: string,
	opts: FormatOptions = {}
): string {
	if (obs.status !== 'ok' || obs.value === null) return formatStatus(obs.status);
	return formatValue(obs.value, unit, opts);
}

/** '2021-12-31' → '31/12/2021', '2021-04' → '04/2021', '2021' → '2021'; other text unchanged. */
export function formatDate(iso: string): string {
	const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso.trim());
	if (!m) return iso;
	return [m[3], m[2], m[1]].filter((p) => p !== undefined).join('/');
}

/** A tick formatter for chart axes in the indicator's unit, without trailing zeros ('40 %'). */
export function tickFormatter(unit: string): (d: number) => string {
	const max = Math.max(defaultDigits(unit), 1);
	return (d) => withSuffix(formatNumber(d, max, false, 0), unit, false);
}
