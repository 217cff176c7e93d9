import { describe, expect, it } from 'vitest';
import { errors } from '../../../src/index.js';
import { manifestPackage } from '../../../src/webhooks/generated/load.js';

describe('the manifest loader', () => {
  it('refuses a package the index does not list with a typed error naming the index file', () => {
    let caught: unknown;
    try {
      manifestPackage('no_such_package');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(errors.ManifestLoadError);
    expect(caught).toBeInstanceOf(errors.WixhookError);
    const error = caught as InstanceType<typeof errors.ManifestLoadError>;
    expect(error.code).toBe('ERR_MANIFEST_LOAD');
    expect(error.name).toBe('ManifestLoadError');
    expect(error.file).toMatch(/manifest\/index\.json$/);
    expect(error.message).toContain('it lists no package no_such_package');
  });
});
