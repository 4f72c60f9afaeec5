// Sign-out: ends the session on the server and clears the cookie.
import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/workspace/accounts';
import { getWorkspace } from '$lib/server/workspace/db';
import { clearSessionCookie } from '$lib/server/workspace/session-handle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/connexion');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.sessionToken) await signOut(await getWorkspace(), event.locals.sessionToken);
		clearSessionCookie(event);
		redirect(303, '/connexion');
	}
};
