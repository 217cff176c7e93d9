import { fork } from 'node:child_process';
import { WixhookError } from '../errors.js';
import { fromSource, packagePath } from '../package-root.js';
import { PactVerificationError, type PactFailure } from '../pact/errors.js';
import type { VerifyWixPactsOptions, WixPactVerification } from '../pact/verify.js';

/** What the child sends back: the verification, or the error it ended with. */
export type ChildOutcome =
  | { ok: true; result: WixPactVerification }
  | { ok: false; error: { name: string; message: string; code?: string; failures?: PactFailure[]; report?: string } };

/** An error of the child, rebuilt as the class the CLI reports by code. */
function rebuild(error: Extract<ChildOutcome, { ok: false }>['error']): Error {
  if (error.code === PactVerificationError.code) return new PactVerificationError(error.failures ?? [], error.report ?? '');
  if (error.code) return new WixhookError(error.code, error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/**
 * Runs {@link verifyWixPacts} in a child process. Pact's native verifier writes its report to the
 * process's own standard output, which Node cannot redirect in process; in a child, that output is
 * handed to `onOutput` (the CLI passes it to stderr) and stdout stays free for the JSON result.
 */
export function verifyInChildProcess(options: VerifyWixPactsOptions, onOutput: (text: string) => void): Promise<WixPactVerification> {
  // From source (tests, `npm run wixhook`) the child is TypeScript and runs through tsx, as the parent
  // does; built, it is its own entry of the bundle (scripts/build.mjs), as it runs in its own process.
  const entry = packagePath(fromSource() ? 'src/cli/pact-verify-process.child.ts' : 'dist/cli/pact-verify-process.child.js');
  const child = fork(entry, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: fromSource() ? ['--import', 'tsx'] : [] });
  child.stdout?.setEncoding('utf8').on('data', onOutput);
  child.stderr?.setEncoding('utf8').on('data', onOutput);
  return new Promise((resolve, reject) => {
    let outcome: ChildOutcome | undefined;
    child.on('message', (message) => (outcome = message as ChildOutcome));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!outcome) reject(new Error(`The Pact verifier process ended (${signal ?? `exit code ${code}`}) without a result.`));
      else if (outcome.ok) resolve(outcome.result);
      else reject(rebuild(outcome.error));
    });
    child.send(options);
  });
}
