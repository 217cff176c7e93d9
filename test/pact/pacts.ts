import { join } from 'node:path';
import { tempDir as removedAfterTest } from '../helpers/temp-dir.js';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';

const { boolean, eachLike, integer, like, regex, string, uuid } = MatchersV3;
export { boolean, eachLike, integer, like, regex, string, uuid };

export const isoDateTime = (example: string) => regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', example);

/** A temporary pact folder, removed when the test ends. */
export function tempDir(prefix = 'wixhook-pact-'): Promise<string> {
  return removedAfterTest(prefix);
}

export interface HandWrittenInteraction {
  description: string;
  states?: string[];
  metadata: Record<string, string>;
  content: unknown;
}

/**
 * Writes a consumer pact the way a consumer writes one with `@pact-foundation/pact` directly
 * (PactV4 asynchronous messages), and returns the file's path.
 */
export async function writeConsumerPact(dir: string, consumer: string, provider: string, interactions: HandWrittenInteraction[]): Promise<string> {
  for (const { description, states = [], metadata, content } of interactions) {
    const pact = new PactV4({ consumer, provider, dir, logLevel: 'error' });
    let interaction = pact.addAsynchronousInteraction();
    for (const state of states) interaction = interaction.given(state);
    await interaction
      .expectsToReceive(description, (builder) => {
        builder.withJSONContent(content).withMetadata(metadata);
      })
      .executeTest(async (message) => {
        // The consumer's handler would run here; it reads what it declared.
        if (message.contents.content === undefined) throw new Error('no content');
      });
  }
  return join(dir, `${consumer}-${provider}.json`);
}

/** What a consumer of each webhook typically reads, as a consumer writes it by hand. */
export const participationPayload = {
  id: uuid('5d363825-f867-4702-b351-582077cd8f07'),
  entityFqdn: 'wix.calendar.v3.participation',
  eventTime: isoDateTime('2024-04-30T17:30:17.657Z'),
  createdEvent: {
    entity: {
      id: uuid('8239c1f9-2625-42aa-86e7-1a65da1b2a55'),
      scheduleId: uuid('8694af76-6b39-43a4-a0f6-67cc922ae570'),
      partySize: integer(2),
      participant: { name: string('Jacklyn Stoltenberg') },
    },
  },
};

export const splitPayload = {
  id: uuid('5d363825-f867-4702-b351-582077cd8f07'),
  actionEvent: {
    body: {
      updatedRecurringEventEndingBeforeSplit: { id: string('8694af766b3943a4a0f667cc922ae5701234567890abcdef1234567890abcdef') },
      newRecurringEventStartingFromSplit: { id: string('8694af766b3943a4a0f667cc922ae570fedcba0987654321fedcba0987654321'), recurrenceType: regex('^(MASTER|INSTANCE|EXCEPTION|NONE)$', 'MASTER') },
    },
  },
};

export const guestEnvelope = {
  data: {
    guest: { _id: uuid('97b30091-715e-45c6-b879-10e5c7c73408'), eventId: uuid('dc56f43b-0feb-4ae2-bed9-2052922f70d8'), totalGuests: integer(1) },
    event: { title: string('Yoga in the Park') },
    timing: regex('^(NOW|STARTS_IN_30_MINUTES|STARTS_IN_1_HOUR|STARTS_IN_2_HOURS|STARTS_IN_1_DAY|STARTS_IN_3_DAYS|STARTS_IN_1_WEEK)$', 'STARTS_IN_1_HOUR'),
  },
  metadata: { instanceId: uuid('57b4cf76-1de8-4919-9d17-58ecf314cad2'), eventTime: isoDateTime('2024-04-30T22:00:00.000Z') },
};
