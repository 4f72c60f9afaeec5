// ARIA roles of a table marked .stack-on-phone. Redundant on a table shown as a table, needed when
// a phone shows its rows as blocks (browsers then drop the implicit roles). Spread on the element,
// as the Svelte compiler takes them for redundant when written out.
export const stackRoles = { table: { role: 'table' }, row: { role: 'row' } } as const;
