// Form actions of /contrats/[code]/evaluation, shared with the JSON API: each reads the item kind
// and fields from the form, calls the workspace service (rights, version, audit), and maps a refused
// change to a French message that keeps what the user typed.
import { fail, type ActionFailure } from '@sveltejs/kit';
import {
	campaignParam,
	itemKinds,
	itemRef,
	type Campaign,
	type ItemKind
} from '$lib/schemas/workspace';
import type { Actor } from '$lib/domain/workspace-rights';
import { listMesures, listPacteDomaines, listPaqteAxes } from '../queries/referentiels';
import { getWorkspace } from './db';
import { changeItem, createItem, setPublished, WorkspaceError, type Row } from './items';
import { pinFigure } from './pin';
import { forgetMeasurePages } from '../evaluation/measure-feedback-block';

export interface ActionResult {
	kind: string;
	id: string | null;
	message: string;
	values: Record<string, string>;
	current: Row | null;
	ok?: boolean;
}

function fieldsOf(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string' && !['kind', 'id', 'version', 'campagne'].includes(key)) {
			out[key] = value;
		}
	}
	return out;
}

/** Referenced measures, Pacte de Dijon domains and PaQte axes must exist in the referentials. */
export async function checkReferences(values: Record<string, string | null | undefined>) {
	const checks: [string, () => Promise<{ id: string }[]>][] = [
		['measure_id', () => listMesures()],
		['pacte_domain_id', listPacteDomaines],
		['paqte_axis_id', listPaqteAxes]
	];
	for (const [field, list] of checks) {
		const value = values[field];
		if (value && !(await list()).some((r) => r.id === value)) {
			throw new WorkspaceError(400, `Référence inconnue : ${field} = ${value.slice(0, 40)}.`);
		}
	}
}

export function toFailure(
	error: unknown,
	kind: string,
	id: string | null,
	values: Record<string, string>
): ActionFailure<ActionResult> {
	if (!(error instanceof WorkspaceError)) throw error;
	return fail(error.status, { kind, id, message: error.message, values, current: error.current });
}

function kindOf(form: FormData): ItemKind {
	const kind = String(form.get('kind') ?? '') as ItemKind;
	if (!itemKinds.includes(kind))
		throw new WorkspaceError(400, `Type d’élément inconnu : ${kind.slice(0, 30)}.`);
	return kind;
}

export function campaignOf(url: URL, form?: FormData): Campaign {
	const raw = form?.get('campagne') ?? url.searchParams.get('campagne') ?? '2019';
	const parsed = campaignParam.safeParse(raw);
	if (!parsed.success) throw new WorkspaceError(400, 'Campagne inconnue (2019 ou 2022).');
	return parsed.data as Campaign;
}

type Mode = 'create' | 'update' | 'delete' | 'publish';

export async function runAction(
	mode: Mode,
	contrat: string,
	actor: Actor | null,
	url: URL,
	form: FormData
) {
	const values = fieldsOf(form);
	let kind = String(form.get('kind') ?? '');
	const id = form.get('id') ? String(form.get('id')) : null;
	try {
		const campaign = campaignOf(url, form);
		const ws = await getWorkspace();
		if (mode === 'publish') {
			const ref = itemRef.pick({ version: true }).safeParse({ version: form.get('version') });
			if (!ref.success) throw new WorkspaceError(400, 'Version manquante.');
			await setPublished(
				ws,
				actor,
				contrat,
				campaign,
				ref.data.version,
				form.get('publier') === 'oui'
			);
			forgetMeasurePages();
			return {
				kind: 'evaluation',
				id: null,
				message: 'Statut enregistré.',
				values: {},
				current: null,
				ok: true
			};
		}
		const itemKind = kindOf(form);
		kind = itemKind;
		if (mode !== 'delete') await checkReferences(values);
		const target = { contrat, campaign, kind: itemKind };
		if (mode === 'create') {
			await createItem(ws, actor, target, values, pinFigure);
		} else {
			const ref = itemRef.safeParse({ id, version: form.get('version') });
			if (!ref.success) throw new WorkspaceError(400, 'Élément ou version manquant.');
			await changeItem(ws, actor, target, ref.data, mode === 'delete' ? null : values);
		}
		if (itemKind === 'feedback') forgetMeasurePages();
		return { kind, id, message: 'Enregistré.', values: {}, current: null, ok: true };
	} catch (error) {
		return toFailure(error, kind, id, values);
	}
}
