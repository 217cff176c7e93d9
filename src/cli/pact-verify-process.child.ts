import { verifyWixPacts, type VerifyWixPactsOptions } from '../pact/verify.js';
import type { ChildOutcome } from './pact-verify-process.js';

// The child side of verifyInChildProcess: one verification per process, its outcome sent back over IPC.
process.once('message', (options) => {
  void verifyWixPacts(options as VerifyWixPactsOptions).then(
    (result): ChildOutcome => ({ ok: true, result }),
    (error: unknown): ChildOutcome => {
      const caught = error as { name?: string; message?: string; code?: string; failures?: unknown; report?: string };
      return { ok: false, error: { name: caught?.name ?? 'Error', message: caught?.message ?? String(error), ...(typeof caught?.code === 'string' ? { code: caught.code } : {}), ...(Array.isArray(caught?.failures) ? { failures: caught.failures } : {}), ...(typeof caught?.report === 'string' ? { report: caught.report } : {}) } };
    },
  ).then((outcome) => process.send!(outcome, () => process.disconnect()));
});
