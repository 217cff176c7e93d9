import type * as NodeCrypto from 'node:crypto';

/**
 * node:crypto, loaded on first use rather than when the package is imported: loading it takes
 * ~2 ms, a sixth of what `import('wix-webhook-testkit')` costs beyond zod and faker (README,
 * "Import time"), and a test that only builds payloads never signs or verifies. Node caches it.
 */
export const nodeCrypto = (): typeof NodeCrypto => process.getBuiltinModule('node:crypto');
