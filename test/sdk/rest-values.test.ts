/**
 * The shared REST→SDK value transformations against `@wix/sdk-runtime`'s own (the package every
 * `@wix/auto_sdk_*` dev dependency runs on), on ordinary values and on the corners a
 * schema-breaking override can reach: both envelopes (curated and generated) use these.
 */
import { describe, expect, it } from 'vitest';
import { transformRESTAddressToSDKAddress } from '@wix/sdk-runtime/transformations/address';
import { transformRESTFloatToSDKFloat } from '@wix/sdk-runtime/transformations/float';
import { transformRESTPageURLToSDKPageURL } from '@wix/sdk-runtime/transformations/page-url';
import { transformRESTTimestampToSDKTimestamp } from '@wix/sdk-runtime/transformations/timestamp';
import { restAddressToSdk, restFloatToSdk, restPageUrlToSdk, restTimestampToSdk } from '../../src/sdk/rest-values.js';

const address = {
  formattedAddress: '1 Main St, Springfield',
  geocode: { latitude: 1, longitude: 2 },
  addressLine: '1 Main St',
  streetAddress: { name: 'Main St', number: '1', apt: '', extra: 'dropped' },
  city: 'Springfield',
  country: 'US',
  subdivisions: [{ code: 'IL' }],
};

describe('REST→SDK value transformations agree with @wix/sdk-runtime', () => {
  it.each([address, { ...address, streetAddress: null }, { city: 'Only' }, {}, 'not an address', null, undefined, 0, ''])('address %j', (value) => {
    expect(restAddressToSdk(value)).toEqual(transformRESTAddressToSDKAddress(value as never));
  });

  it.each(['NaN', 'Infinity', '-Infinity', 1.5, '2.5', null, undefined])('float %j', (value) => {
    expect(restFloatToSdk(value)).toEqual(transformRESTFloatToSDKFloat(value as never));
  });

  it.each(['2024-10-14T09:28:48.693Z', '', null, undefined])('timestamp %j', (value) => {
    expect(restTimestampToSdk(value)).toEqual(transformRESTTimestampToSDKTimestamp(value as never));
  });

  it.each([{ base: 'mysite.wixsite.com/mysite', path: '/p' }, { base: 'https://example.com', path: '/a' }, { base: 'http://x.io', path: '' }, { path: '/only' }, null, undefined])('page URL %j', (value) => {
    expect(restPageUrlToSdk(value)).toEqual(transformRESTPageURLToSDKPageURL(value as never));
  });
});
