// `npm run account -- add --email E --role R [--contrat CV004 …]` (password on standard input),
// `npm run account -- password --email E` (new password on standard input), `npm run account -- list`.
// Writes to the configured workspace: PGlite in data/workspace/ (server stopped) or DATABASE_URL.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { createAccount, listAccounts, setPassword } from '../src/lib/server/workspace/accounts';
import { openConfigured } from '../src/lib/server/workspace/db';
import {
	email as emailSchema,
	password as passwordSchema,
	roles
} from '../src/lib/schemas/workspace';
import type { Role } from '../src/lib/schemas/workspace';
import { parseArgs } from './lib/args';

const usage =
	'usage : npm run account -- add --email E --role (admin|evaluateur|contributeur|lecteur) [--contrat CV004 …]\n' +
	'        npm run account -- password --email E\n' +
	'        npm run account -- list\n' +
	'Le mot de passe est lu sur l’entrée standard (10 caractères au moins).';

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write('Mot de passe (puis Entrée, Ctrl-D) : ');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

/** Contrat codes must exist in the built reference database (when it is there). */
async function checkContrats(codes: string[]): Promise<void> {
	const path = 'data/build/politique-ville.duckdb';
	if (!codes.length || !existsSync(path)) return;
	const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	const reader = await conn.runAndReadAll('SELECT code FROM contrats');
	const known = new Set(reader.getRowObjectsJS().map((r) => String(r.code)));
	conn.closeSync();
	const unknown = codes.filter((c) => !known.has(c));
	if (unknown.length) throw new Error(`contrat(s) inconnu(s) : ${unknown.join(', ')}`);
}

async function main(): Promise<void> {
	const { command, options } = parseArgs(process.argv.slice(2));
	const one = (name: string) => {
		const values = options.get(name);
		if (!values || values.length !== 1) throw new Error(`--${name} attendu (une valeur)`);
		return values[0]!;
	};
	if (!['add', 'password', 'list'].includes(command)) throw new Error(usage);
	if (command === 'list') {
		const ws = await openConfigured();
		try {
			for (const a of await listAccounts(ws)) {
				const state = a.disabled ? '\tdésactivé' : '';
				console.log(`${a.email}\t${a.role}\t${a.contrats.join(' ')}${state}`);
			}
		} finally {
			await ws.close();
		}
		return;
	}
	const email = emailSchema.parse(one('email'));
	const password = passwordSchema.safeParse(await readStdin());
	if (!password.success) throw new Error(password.error.issues[0]!.message);
	if (command === 'add') {
		const role = one('role');
		if (!roles.includes(role as Role))
			throw new Error(`rôle inconnu : ${role} (${roles.join(', ')})`);
		const contrats = (options.get('contrat') ?? []).map((c) => c.toUpperCase());
		await checkContrats(contrats);
		const ws = await openConfigured();
		try {
			await createAccount(ws, { email, role: role as Role, contrats, password: password.data });
		} finally {
			await ws.close();
		}
		console.log(
			`compte créé : ${email} (${role}${contrats.length ? ' ' + contrats.join(' ') : ''})`
		);
	} else {
		const ws = await openConfigured();
		try {
			await setPassword(ws, email, password.data);
		} finally {
			await ws.close();
		}
		console.log(`mot de passe changé : ${email}`);
	}
}

main().catch((error: Error) => {
	console.error(`erreur : ${error.message}`);
	process.exit(1);
});
