// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/domain/workspace-rights';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in account on workspace pages; null for anonymous visitors. */
			actor: Actor | null;
			sessionToken: string | null;
		}
	}
}

export {};
