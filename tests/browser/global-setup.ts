// Before any browser test: the first admin account of workspace.spec.ts, created with
// `npm run account` as the README says, before the server opens the workspace (a PGlite folder
// belongs to one process; reading pages such as the measure pages open it for their feedback).
import { execFileSync } from 'node:child_process';

export default function globalSetup() {
	const email = `admin-${Date.now().toString(36)}@exemple.fr`;
	execFileSync('npm', ['run', '-s', 'account', '--', 'add', '--email', email, '--role', 'admin'], {
		input: 'mot de passe du test navigateur\n',
		stdio: ['pipe', 'inherit', 'inherit'],
		timeout: 120_000
	});
	// Read by the workers (Playwright passes the setup's environment on to them).
	process.env.WORKSPACE_TEST_ADMIN = email;
}
