// Whether a text passes a zod schema, asked once per distinct text: territory codes repeat on
// most rows of a file, and a schema's answer for a given value never changes.
import type { z } from 'zod';

const answers = new WeakMap<z.ZodType, Map<string, boolean>>();

export function passes(schema: z.ZodType, value: string): boolean {
	let known = answers.get(schema);
	if (!known) answers.set(schema, (known = new Map()));
	let ok = known.get(value);
	if (ok === undefined) known.set(value, (ok = schema.safeParse(value).success));
	return ok;
}
