// Password change for the signed-in account (the current password is asked again).
import { fail, redirect } from '@sveltejs/kit';
import { password as passwordSchema } from '$lib/schemas/workspace';
import { changePassword } from '$lib/server/workspace/accounts';
import { getWorkspace } from '$lib/server/workspace/db';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/connexion?suite=/compte');
	return { actor: locals.actor };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.actor || !locals.sessionToken) return fail(403, { message: 'Connectez-vous.' });
		const form = await request.formData();
		const next = passwordSchema.safeParse(String(form.get('nouveau') ?? ''));
		if (!next.success) return fail(400, { message: next.error.issues[0]!.message });
		if (next.data !== String(form.get('confirmation') ?? '')) {
			return fail(400, { message: 'Les deux saisies du nouveau mot de passe diffèrent.' });
		}
		const ok = await changePassword(
			await getWorkspace(),
			locals.actor,
			String(form.get('actuel') ?? ''),
			next.data,
			locals.sessionToken
		);
		if (!ok) return fail(400, { message: 'Mot de passe actuel incorrect.' });
		return { done: true };
	}
};
