// Account administration (national admins): list, create, role and contrats, disable, password.
import { loadAdminAccounts, runAdminAction } from '$lib/server/workspace/admin-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => loadAdminAccounts(locals.actor);

const action =
	(mode: Parameters<typeof runAdminAction>[0]) =>
	async ({ locals, request }: Parameters<Actions[string]>[0]) =>
		runAdminAction(mode, locals.actor, await request.formData());

export const actions: Actions = {
	create: action('create'),
	update: action('update'),
	disable: action('disable'),
	enable: action('enable'),
	password: action('password')
};
