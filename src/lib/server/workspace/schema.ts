// Workspace tables (PostgreSQL, embedded PGlite or a server): accounts and sessions, each contrat's
// evaluation per campaign and its items, working-group feedback, and the audit log. Every editable
// row carries a `version` for optimistic concurrency. Migrations are generated from this file.
import {
	bigserial,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

const stamps = {
	version: integer('version').notNull().default(1),
	created_at: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
	updated_at: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
	created_by: uuid('created_by')
};

export const accounts = pgTable('accounts', {
	id: uuid('id').primaryKey(),
	email: text('email').notNull().unique(),
	role: text('role').notNull(),
	password_hash: text('password_hash').notNull(),
	created_at: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
	/** Set by an admin: the account can no longer sign in, its sessions are ended. */
	disabled_at: timestamp('disabled_at', { withTimezone: true, mode: 'string' }),
	version: integer('version').notNull().default(1)
});

export const accountContrats = pgTable(
	'account_contrats',
	{
		account_id: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		contrat_code: text('contrat_code').notNull()
	},
	(t) => [primaryKey({ columns: [t.account_id, t.contrat_code] })]
);

export const sessions = pgTable('sessions', {
	token_hash: text('token_hash').primaryKey(),
	account_id: uuid('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' }),
	expires_at: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull()
});

export const signInAttempts = pgTable(
	'sign_in_attempts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		client: text('client').notNull(),
		at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull()
	},
	(t) => [index('sign_in_attempts_email').on(t.email, t.at)]
);

export const evaluations = pgTable(
	'evaluations',
	{
		id: uuid('id').primaryKey(),
		contrat_code: text('contrat_code').notNull(),
		campaign: integer('campaign').notNull(),
		status: text('status').notNull().default('brouillon'),
		...stamps
	},
	(t) => [uniqueIndex('evaluations_contrat_campaign').on(t.contrat_code, t.campaign)]
);

const evaluationId = () =>
	uuid('evaluation_id')
		.notNull()
		.references(() => evaluations.id, { onDelete: 'cascade' });

export const objectives = pgTable(
	'objectives',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		pillar: text('pillar').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		...stamps
	},
	(t) => [index('objectives_evaluation').on(t.evaluation_id)]
);

export const questions = pgTable(
	'questions',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		objective_id: uuid('objective_id')
			.notNull()
			.references(() => objectives.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		...stamps
	},
	(t) => [index('questions_evaluation').on(t.evaluation_id)]
);

export const criteria = pgTable(
	'criteria',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		question_id: uuid('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		...stamps
	},
	(t) => [index('criteria_evaluation').on(t.evaluation_id)]
);

export const indicatorLinks = pgTable(
	'indicator_links',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		criterion_id: uuid('criterion_id')
			.notNull()
			.references(() => criteria.id, { onDelete: 'cascade' }),
		indicator_id: text('indicator_id').notNull(),
		/** What the indicator showed when linked (values, data year, source): see PinnedFigure. */
		pinned: jsonb('pinned').notNull(),
		pinned_at: timestamp('pinned_at', { withTimezone: true, mode: 'string' }).notNull(),
		...stamps
	},
	(t) => [index('indicator_links_evaluation').on(t.evaluation_id)]
);

export const findings = pgTable(
	'findings',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		question_id: uuid('question_id')
			.notNull()
			.unique()
			.references(() => questions.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		judgment: text('judgment').notNull(),
		justification: text('justification'),
		...stamps
	},
	(t) => [index('findings_evaluation').on(t.evaluation_id)]
);

export const contributions = pgTable(
	'contributions',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		author: text('author').notNull(),
		author_kind: text('author_kind').notNull(),
		contributed_on: date('contributed_on', { mode: 'string' }).notNull(),
		text: text('text').notNull(),
		question_id: uuid('question_id').references(() => questions.id, { onDelete: 'set null' }),
		theme: text('theme').notNull(),
		...stamps
	},
	(t) => [index('contributions_evaluation').on(t.evaluation_id)]
);

export const recommendations = pgTable(
	'recommendations',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		text: text('text').notNull(),
		signatory: text('signatory').notNull(),
		measure_id: text('measure_id'),
		pacte_domain_id: text('pacte_domain_id'),
		paqte_axis_id: text('paqte_axis_id'),
		deadline: date('deadline', { mode: 'string' }),
		status: text('status').notNull(),
		...stamps
	},
	(t) => [index('recommendations_evaluation').on(t.evaluation_id)]
);

export const feedback = pgTable(
	'feedback',
	{
		id: uuid('id').primaryKey(),
		evaluation_id: evaluationId(),
		measure_id: text('measure_id').notNull(),
		appreciation: text('appreciation').notNull(),
		text: text('text').notNull(),
		...stamps
	},
	(t) => [
		index('feedback_measure').on(t.measure_id),
		index('feedback_evaluation').on(t.evaluation_id)
	]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
		account_id: uuid('account_id'),
		account_email: text('account_email').notNull(),
		contrat_code: text('contrat_code'),
		entity: text('entity').notNull(),
		entity_id: text('entity_id').notNull(),
		action: text('action').notNull(),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [index('audit_log_contrat').on(t.contrat_code, t.id)]
);

/** Item kind → table (all share id, evaluation_id, version and stamps). */
export const itemTables = {
	objective: objectives,
	question: questions,
	criterion: criteria,
	indicator_link: indicatorLinks,
	finding: findings,
	contribution: contributions,
	recommendation: recommendations,
	feedback
} as const;
