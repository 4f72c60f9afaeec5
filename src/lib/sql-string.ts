// A SQL string literal, for the rules and pipeline steps that write SQL from code constants,
// catalogue values or file text: the one place that escapes a quote.
export function sqlString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}
