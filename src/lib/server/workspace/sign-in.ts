// Sign-in form handling shared by /connexion: validation, rate limit, cookie, safe redirect target.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { email as emailSchema } from '$lib/schemas/workspace';
import { signIn } from './accounts';
import { getWorkspace } from './db';
import { setSessionCookie } from './session-handle';

const refusals = {
	rate_limited: [429, 'Trop de tentatives de connexion : réessayez dans 15 minutes.'],
	invalid: [400, 'Adresse ou mot de passe incorrect.'],
	disabled: [403, 'Ce compte est désactivé : adressez-vous à un administrateur national.']
} as const;

/** Only a path of this site: never `//host` or an absolute URL (open redirect). */
export function safeNext(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
	return raw;
}

function clientOf(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'inconnu';
	}
}

export async function signInAction(event: RequestEvent) {
	const form = await event.request.formData();
	const email = emailSchema.safeParse(String(form.get('email') ?? ''));
	const password = String(form.get('password') ?? '');
	const next = safeNext(String(form.get('suite') ?? ''));
	if (!email.success || !password) {
		return fail(400, {
			email: String(form.get('email') ?? ''),
			message: 'Adresse ou mot de passe manquant.'
		});
	}
	const result = await signIn(await getWorkspace(), email.data, password, clientOf(event));
	if (!result.ok) {
		const [status, message] = refusals[result.reason];
		return fail(status, { email: email.data, message });
	}
	setSessionCookie(event, result.token);
	redirect(303, next);
}
