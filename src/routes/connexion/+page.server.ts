// Sign-in page of the evaluation workspace (form fields `email`, `password`).
import { signInAction, safeNext } from '$lib/server/workspace/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = ({ locals, url }) => ({
	actor: locals.actor,
	suite: safeNext(url.searchParams.get('suite'))
});

export const actions: Actions = { default: signInAction };
