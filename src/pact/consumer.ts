import type { LogLevel } from '@pact-foundation/pact';
import type { WebhookName } from '../catalog/catalog.js';
import type { PayloadOf, SdkEnvelopeOf } from '../catalog/parse.js';
import { loadPact } from './load-pact.js';
import { reviveDates } from './matchers-from-schema.js';
import { wixMessage, type MessageLayer, type WixMessage, type WixMessageOptions } from './message.js';

/** The message as Pact hands it to the handler: JSON content and metadata. */
export interface RawMessage {
  contents: { content: unknown };
  metadata: Record<string, unknown>;
}

export interface WixPactOptions {
  /** Your app's name in the pact (the Pact consumer). */
  consumer: string;
  /** Where the pact files are written (`<consumer>-<provider>.json`). Default `./pacts`. */
  dir?: string;
  /** Pact's log level. Default `error`. */
  logLevel?: LogLevel;
}

/** What the handler gets: the payload, or the SDK envelope with its `Date`s revived. */
export type MessageFor<Name extends WebhookName, Layer extends MessageLayer> = Layer extends 'sdk' ? SdkEnvelopeOf<Name> : PayloadOf<Name>;

export interface ReceiveOptions<Name extends WebhookName, Layer extends MessageLayer> extends Omit<WixMessageOptions<Name>, 'layer'> {
  /** `payload` (default): the domain event inside the JWT; `sdk`: the envelope `@wix/sdk` hands a handler. */
  layer?: Layer;
}

export interface WixMessagePact {
  /**
   * States that the consumer handles this webhook: the message is built by the factories, its
   * matching rules derived from the strict schema (narrowed to `fields` if given), the handler runs
   * with it through Pact, and on success the interaction is written to the consumer's pact with
   * the webhook's Wix provider. Resolves to the handler's result; rejects with its error.
   */
  receive<Name extends WebhookName, Layer extends MessageLayer = 'payload', Result = unknown>(
    name: Name,
    options: ReceiveOptions<Name, Layer>,
    handler: (message: MessageFor<Name, Layer>, raw: RawMessage) => Promise<Result> | Result,
  ): Promise<Result>;
  /** The message `receive` would state, without running anything. */
  message<Name extends WebhookName>(name: Name, options?: WixMessageOptions<Name>): WixMessage;
}

/**
 * A consumer's message pact with Wix, on `@pact-foundation/pact`'s V4 asynchronous messages.
 *
 * @example
 * const pact = wixMessagePact({ consumer: 'bookings-app', dir: 'pacts' });
 * await pact.receive('participation-created', { layer: 'sdk', traits: ['for-schedule'], fields: ['entity._id', 'entity.partySize'] },
 *   (envelope) => onParticipationCreated(envelope));
 */
export function wixMessagePact(options: WixPactOptions): WixMessagePact {
  return {
    message: (name, messageOptions = {}) => wixMessage(name, messageOptions),
    async receive(name, receiveOptions, handler) {
      const { PactV4 } = await loadPact();
      const message = wixMessage(name, receiveOptions as WixMessageOptions);
      const pact = new PactV4({ consumer: options.consumer, provider: message.webhook.provider, dir: options.dir ?? './pacts', logLevel: options.logLevel ?? 'error' });
      let interaction = pact.addAsynchronousInteraction();
      for (const state of message.providerStates) interaction = interaction.given(state);
      const result = await interaction
        .expectsToReceive(message.description, (builder) => {
          builder.withJSONContent(message.template).withMetadata({ ...message.metadata });
        })
        .executeTest(async (raw) => {
          const content = raw.contents.content;
          const schemas = message.webhook.schemas('loose');
          const value = message.layer === 'sdk' ? reviveDates(schemas.sdkEnvelope, content) : content;
          return handler(value as never, raw as RawMessage);
        });
      return result as Awaited<ReturnType<typeof handler>>;
    },
  };
}
