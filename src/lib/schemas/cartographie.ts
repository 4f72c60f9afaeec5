// Département outlines used by the choropleths (ANCT cartographie, overseas drawn in insets).
import { z } from 'zod';
import { defineTable } from './table';

export const departementShapesTable = defineTable({
	name: 'departement_shapes',
	schema: z.object({
		code: z.string().regex(/^(\d{2}|2[AB]|97\d)$/, 'code département invalide'),
		name: z.string().min(1),
		/** Polygons of the département in geom_dep.json (several for islands). */
		features: z.number().int().positive(),
		/** Drawn in an inset circle west of Brittany (overseas), not at its true position. */
		inset: z.boolean()
	}),
	columns: { code: 'VARCHAR', name: 'VARCHAR', features: 'INTEGER', inset: 'BOOLEAN' },
	orderBy: ['code']
});

export type DepartementShapeRow = z.infer<typeof departementShapesTable.schema>;
