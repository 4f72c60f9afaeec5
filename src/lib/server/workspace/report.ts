// The evaluation report as one plain structure (sections of headings, paragraphs and pinned-figure
// tables, every string already formatted), rendered by the HTML page and by the DOCX generator
// alike, so that both say the same thing. Free text stays text: no renderer interprets it.
import { formatValue } from '$lib/format';
import { pillarLabels, pillars } from '$lib/schemas/indicators';
import {
	appreciationLabels,
	campaignLabels,
	contributorKindLabels,
	judgmentLabels,
	recommendationStatusLabels,
	signatoryLabels,
	themeLabels,
	type PinnedFigure
} from '$lib/schemas/workspace';
import type { EvaluationView } from './evaluation-view';

export type Block =
	| { type: 'heading'; level: 2 | 3 | 4; text: string }
	| { type: 'paragraph'; text: string; label?: string }
	| {
			type: 'figure';
			title: string;
			rows: [string, string, string][];
			source: string;
			note: string;
	  };

export interface Report {
	title: string;
	subtitle: string;
	status: string;
	blocks: Block[];
}

const day = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'UTC' });
const label = (map: Record<string, string>, key: string | null) => (key ? (map[key] ?? key) : '');

function figure(p: PinnedFigure, pinnedAt: string, changed: boolean): Block {
	return {
		type: 'figure',
		title: p.indicator_label,
		rows: p.values.map((v) => [
			v.reference_year === null ? 'non précisée' : String(v.reference_year),
			String(v.vintage),
			formatValue(v.value, p.unit)
		]),
		source: p.source,
		note:
			`Valeurs figées le ${day(pinnedAt)}.` +
			(changed ? ' Des données plus récentes ou corrigées existent depuis.' : '')
	};
}

export function buildReport(
	contrat: { code: string; name: string },
	view: EvaluationView,
	changed: Set<string>,
	names: { mesures: Map<string, string>; domaines: Map<string, string>; axes: Map<string, string> }
): Report {
	const blocks: Block[] = [];
	const p = (text: string, lbl?: string) => blocks.push({ type: 'paragraph', text, label: lbl });
	blocks.push({ type: 'heading', level: 2, text: '1. Référentiel, constats et jugements' });
	if (!view.objectives.length) p('Aucun objectif saisi.');
	for (const pillar of pillars) {
		const objectives = view.objectives.filter((o) => o.pillar === pillar);
		if (!objectives.length) continue;
		blocks.push({ type: 'heading', level: 3, text: pillarLabels[pillar] });
		for (const o of objectives) {
			blocks.push({ type: 'heading', level: 4, text: `Objectif : ${o.title}` });
			if (o.description) p(o.description);
			for (const q of o.questions) {
				p(q.text, 'Question évaluative');
				for (const c of q.criteria) {
					p(c.text, 'Critère');
					for (const l of c.indicators)
						blocks.push(figure(l.pinned, l.pinned_at, changed.has(l.indicator_id)));
				}
				if (q.finding) {
					p(q.finding.text, `Constat — ${label(judgmentLabels, q.finding.judgment)}`);
					if (q.finding.justification) p(q.finding.justification, 'Justification');
				} else p('Constat non encore écrit.', 'Constat');
			}
		}
	}
	blocks.push({
		type: 'heading',
		level: 2,
		text: '2. Contributions des conseils citoyens et des partenaires'
	});
	if (!view.contributions.length) p('Aucune contribution.');
	for (const c of view.contributions) {
		p(
			c.text,
			`${c.author} (${label(contributorKindLabels, c.author_kind)}), ${day(c.contributed_on)}, thème ${label(themeLabels, c.theme)}`
		);
	}
	blocks.push({
		type: 'heading',
		level: 2,
		text: '3. Recommandations et engagements pour la révision'
	});
	if (!view.recommendations.length) p('Aucune recommandation.');
	for (const r of view.recommendations) {
		const refs = [
			r.measure_id ? `mesure ${r.measure_id} (${names.mesures.get(r.measure_id) ?? ''})` : '',
			r.pacte_domain_id
				? `Pacte de Dijon : ${names.domaines.get(r.pacte_domain_id) ?? r.pacte_domain_id}`
				: '',
			r.paqte_axis_id ? `PaQte : ${names.axes.get(r.paqte_axis_id) ?? r.paqte_axis_id}` : '',
			r.deadline ? `échéance ${day(r.deadline)}` : ''
		].filter(Boolean);
		p(
			r.text,
			[
				label(signatoryLabels, r.signatory),
				label(recommendationStatusLabels, r.status),
				...refs
			].join(' · ')
		);
	}
	blocks.push({ type: 'heading', level: 2, text: '4. Retours aux groupes de travail nationaux' });
	if (!view.feedback.length) p('Aucun retour.');
	for (const f of view.feedback) {
		p(f.text, `Mesure ${f.measure_id} — ${label(appreciationLabels, f.appreciation)}`);
	}
	return {
		title: `Évaluation du contrat de ville ${contrat.name} (${contrat.code})`,
		subtitle: campaignLabels[view.campaign],
		status:
			view.evaluation?.status === 'publiee'
				? 'Évaluation publiée'
				: 'Brouillon (document de travail)',
		blocks
	};
}
