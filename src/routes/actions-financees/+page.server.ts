// National view of the projects funded by the politique de la ville credits (2020, inferred).
import { error } from '@sveltejs/kit';
import { typographic } from '$lib/french';
import { z } from 'zod';
import { fundedPillars } from '$lib/schemas/actions';
import { loadFundedNational } from '$lib/server/evaluation/funded-national';
import type { PageServerLoad } from './$types';

export const csr = false;

const pillarParam = z.enum([...fundedPillars, 'total']).default('total');

export const load: PageServerLoad = async ({ url }) => {
	const parsed = pillarParam.safeParse(url.searchParams.get('pilier') ?? undefined);
	if (!parsed.success)
		error(400, `Pilier inconnu : « ${(url.searchParams.get('pilier') ?? '').slice(0, 40)} ».`);
	return typographic(await loadFundedNational(parsed.data));
};
