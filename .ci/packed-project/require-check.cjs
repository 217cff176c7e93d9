// CommonJS consumers: Node 20.19+ require()s the package's ESM (no CJS build is shipped).
const assert = require('node:assert');
const root = require('wix-webhook-testkit');
assert.strictEqual(typeof root.build, 'function');
assert.strictEqual(typeof require('wix-webhook-testkit/msw').createWixMock, 'function');
assert.strictEqual(typeof require('wix-webhook-testkit/pact').verifyWixPacts, 'function');
assert.strictEqual(typeof require('wix-webhook-testkit/matchers').wixMatchers.toBeWixPayload, 'function');
console.log('require(): ., ./msw, ./pact, ./matchers resolve');
