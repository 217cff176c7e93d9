import * as bookingsBookings from '@wix/auto_sdk_bookings_bookings';
import * as bookingsServices from '@wix/auto_sdk_bookings_services';
import * as crmContacts from '@wix/auto_sdk_crm_contacts';
import * as crmTasks from '@wix/auto_sdk_crm_tasks';
import * as ecomCart from '@wix/auto_sdk_ecom_cart';
import * as ecomOrders from '@wix/auto_sdk_ecom_orders';
import * as eventsGuests from '@wix/auto_sdk_events_guests';
import * as eventsOrders from '@wix/auto_sdk_events_orders';
import * as eventsV2 from '@wix/auto_sdk_events_wix-events-v-2';
import * as formsSubmissions from '@wix/auto_sdk_forms_submissions';
import * as membersMembers from '@wix/auto_sdk_members_members';
import * as storesProducts from '@wix/auto_sdk_stores_products';
import { describe, expect, it } from 'vitest';
import { roundTrip } from '../../../scripts/sync-wix/round-trip.js';
import { listWebhooks } from '../../../src/catalog/catalog.js';
import { generatedEntries } from '../../../src/webhooks/generated/index.js';

/** Wix's packages pinned as devDependencies, at the versions the manifest was read from. */
export const oraclePackages: Record<string, Record<string, unknown>> = {
  '@wix/auto_sdk_bookings_bookings': bookingsBookings,
  '@wix/auto_sdk_bookings_services': bookingsServices,
  '@wix/auto_sdk_crm_contacts': crmContacts,
  '@wix/auto_sdk_crm_tasks': crmTasks,
  '@wix/auto_sdk_ecom_cart': ecomCart,
  '@wix/auto_sdk_ecom_orders': ecomOrders,
  '@wix/auto_sdk_events_guests': eventsGuests,
  '@wix/auto_sdk_events_orders': eventsOrders,
  '@wix/auto_sdk_events_wix-events-v-2': eventsV2,
  '@wix/auto_sdk_forms_submissions': formsSubmissions,
  '@wix/auto_sdk_members_members': membersMembers,
  '@wix/auto_sdk_stores_products': storesProducts,
};

// Webhooks a curated definition covers (guest-event-starts) are checked by the curated tier's SDK tests.
const generatedNames = new Set(listWebhooks().filter((webhook) => webhook.tier === 'generated').map((webhook) => webhook.name));
const webhooks = generatedEntries().filter((entry) => Object.hasOwn(oraclePackages, entry.package) && generatedNames.has(entry.name));
const seeds = Array.from({ length: 20 }, (_, index) => index + 1);

describe('generated webhooks through the real @wix/sdk (oracle)', () => {
  it('covers every kind, including legacy, updated and deleted events, over 12 packages', () => {
    expect(new Set(webhooks.map((webhook) => webhook.kind))).toEqual(new Set(['created', 'updated', 'deleted', 'action', 'legacy']));
    expect(new Set(webhooks.map((webhook) => webhook.package)).size).toBe(12);
  });

  it.each(webhooks.map((webhook) => [webhook.name, webhook] as const))('%s: the jwt layer reaches the package handler as exactly the sdk layer, 20 seeds', async (_name, webhook) => {
    const module = oraclePackages[webhook.package]!;
    for (const seed of seeds) {
      const trip = await roundTrip(webhook, module, seed);
      expect(trip.received, `seed ${seed}`).toStrictEqual(trip.expected);
    }
  });
});
