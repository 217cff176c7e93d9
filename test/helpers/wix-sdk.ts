import { generateKeyPairSync } from 'node:crypto';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { SignJWT, importPKCS8 } from 'jose';

/**
 * A minimal signer in Wix's wire format, for tests of the schema and SDK layers only; the
 * toolkit's own signing module is tested against the SDK separately.
 */
export const testKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export const appId = '2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21';

export async function signLikeWix(eventType: string, payload: unknown, context: { instanceId: string; identity: unknown; accountInfo?: unknown }) {
  const data = JSON.stringify({
    eventType,
    instanceId: context.instanceId,
    data: JSON.stringify(payload),
    identity: JSON.stringify(context.identity),
    ...(context.accountInfo ? { accountInfo: context.accountInfo } : {}),
  });
  return new SignJWT({ data })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(await importPKCS8(testKeys.privateKey, 'RS256'));
}

export function sdkClient<Modules extends Record<string, unknown>>(modules: Modules) {
  return createClient({ auth: AppStrategy({ appId, publicKey: testKeys.publicKey }), modules });
}

export { EventDefinition };
