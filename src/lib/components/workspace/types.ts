// Shapes shared by the workspace form components.
export type Option = { id: string; label: string };

export interface Choices {
	indicators: { id: string; label: string; pillar: string }[];
	mesures: Option[];
	domaines: Option[];
	axes: Option[];
	questions: Option[];
}

/** What a form action answers (see $lib/server/workspace/page-actions). */
export interface FormResult {
	kind: string;
	id: string | null;
	message: string;
	values: Record<string, string>;
	current: Record<string, unknown> | null;
	ok?: boolean;
}
