import { describe, expect, it } from 'vitest';
import { createWixMock } from '../../src/msw/index.js';
import { InvalidMockOptionError } from '../../src/msw/option-errors.js';

describe('createWixMock refuses ids Wix never sends, up front', () => {
  it.each([
    ['appId', { appId: 'my-app-id' }],
    ['instanceId', { appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', instanceId: 'my-site' }],
  ])('a non-GUID %s is a typed error naming the option', (option, ids) => {
    let caught: unknown;
    try {
      createWixMock({ ...ids, webhookUrl: 'http://127.0.0.1:3000/webhooks/wix' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidMockOptionError);
    expect((caught as InvalidMockOptionError).code).toBe('ERR_INVALID_MOCK_OPTION');
    expect((caught as InvalidMockOptionError).option).toBe(option);
    expect((caught as Error).message).toMatch(new RegExp(`^${option}: .*GUID`));
  });
});
