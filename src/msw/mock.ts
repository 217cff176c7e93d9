import type { RequestHandler } from 'msw';
import { webhookNameOf, webhookNames, type WebhookName } from '../catalog/catalog.js';
import { createVirtualClock, type VirtualClock } from '../delivery/clock.js';
import { parseHttpUrl } from '../delivery/http-url.js';
import { toEpochMs } from '../fake/instants.js';
import type { FetchHandler, NodeListener } from '../delivery/deliver.js';
import { isNodeListener } from '../delivery/node-listener.js';
import { resendPolicy, type ResendPolicy } from '../delivery/resend-policy.js';
import { serveInspector, type Inspector, type InspectOptions } from './inspector/standalone.js';
import { UnknownWebhookError, WixhookError } from '../errors.js';
import { defaultInstanceId } from '../signing/sign.js';
import { resolveKeyPair, type SigningKeysInput } from '../signing/keys.js';
import { guid } from '../wire/common.js';
import type { AdminMock } from './admin-mock.js';
import type { DeliveryObserver, DeliveryRecord, MockContext } from './context.js';
import { malformedUrlHandler } from './malformed-url.js';
import { InvalidMockOptionError } from './option-errors.js';
import { createSender, defaultKeepDeliveries, trigger, type TriggerOptions } from './sender.js';
import type { SimulatedService } from './service.js';
import { simulatedServices } from './services/index.js';
import { createStore, type ComposedStore, type StoreOf } from './store.js';
import { createRestFaults } from './faults.js';
import { mswHandler, registerRoutes } from './route.js';

export const wixBaseUrl = 'https://www.wixapis.com';
/** Where the mock's clock starts unless told otherwise: a fixed instant, so seeded stores are the same every day. */
export const defaultMockStart = Date.UTC(2025, 2, 3, 9, 0, 0);

/** Options of {@link createWixMock} other than where webhooks go. */
export interface BaseOptions {
  /** Your app's id: the `client_id` the token endpoint accepts, and the identity of the webhooks' `APP` caller. */
  appId: string;
  /** The app instance (site) the mock is; the token endpoint's `instance_id`. Default: the toolkit's test instance. */
  instanceId?: string;
  /** If set, the token endpoint also checks `client_secret`. Default: any secret. */
  appSecret?: string;
  /** Signing keys: a private key (PEM, JWK, KeyObject) or a full pair. Default: the committed test pair of `mocks/keys/`. */
  keys?: SigningKeysInput;
  /** Time source of the mock (token expiry, dates of new entities, reminders). Default: a virtual clock at `now`. */
  clock?: VirtualClock;
  /** Start of the default clock. Default: {@link defaultMockStart}. */
  now?: Date | number | string;
  /** Seed of the store and of every id the mock draws. Default 1. */
  seed?: number;
  /** Origin the handlers answer on. Default `https://www.wixapis.com`. */
  baseUrl?: string;
  /** Time zone of adjusted dates when a request names none. Default `UTC`. */
  siteTimeZone?: string;
  /** Resend policy of deliveries (run on a virtual clock, so resends take no real time). Default: Wix's. */
  policy?: Partial<ResendPolicy>;
  /** Called as each webhook is signed and after each delivery attempt, e.g. to log them. */
  observer?: DeliveryObserver;
  /**
   * How many recent deliveries `deliveries` keeps; older ones are dropped (and `onDeliveryChange`
   * says so), so a long-running mock's memory stays bounded. Default 1000; `Infinity` keeps all.
   */
  keepDeliveries?: number;
}

/**
 * Where the mock sends webhooks: your app's URL (`webhookUrl`), or your app in process, as a
 * fetch handler (`webhookHandler: (request) => app.fetch(request)`) or a Node listener
 * (`webhookListener: expressApp`, `fastify.routing`, a `node:http` handler).
 */
export type WixMockOptions = BaseOptions &
  (
    | { webhookUrl: string | URL; webhookHandler?: never; webhookListener?: never }
    | { webhookHandler: FetchHandler; webhookUrl?: never; webhookListener?: never }
    | { webhookListener: NodeListener; webhookUrl?: never; webhookHandler?: never }
  );

/** The in-memory Wix: every simulated service's store slice, their shared seeded faker, and `reset`. */
export type WixStore = ComposedStore<StoreOf<typeof simulatedServices>>;

export type { WixMockClock, WixMockFaults } from './admin-mock.js';

/**
 * The simulated Wix {@link createWixMock} returns: MSW handlers, the store behind them, the
 * delivery log, the clock, faults, and the inspector.
 */
export interface WixMock extends AdminMock {
  /** Plain MSW handlers: `setupServer(...mock.handlers)`, next to your own. */
  handlers: RequestHandler[];
  /** The in-memory Wix: calendar events, participations, Wix Events events and guests. */
  store: WixStore;
  /** Builds any catalog webhook (traits, overrides, seed) at the mock's time and sends it; resolves when delivered or out of attempts. */
  trigger<Name extends WebhookName>(name: Name, options?: TriggerOptions<Name>): Promise<DeliveryRecord>;
  /**
   * Serves the inspector (the web page of deliveries, layers, resend schedule, trigger form and
   * store) for this mock on a loopback port of its own, for debugging an integration test.
   *
   * @example
   * const inspector = await mock.inspect({ port: 4545 });
   * console.log(inspector.url); // open it, then `await inspector.close()`
   */
  inspect(options?: InspectOptions): Promise<Inspector>;
  appId: string;
  instanceId: string;
}

/** The largest epoch millisecond a Date holds (±100,000,000 days): the clock never goes past it. */
export const maxClockMs = 8.64e15;

function toMs(value: Date | number | string, option: string): number {
  const ms = toEpochMs(value);
  if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > maxClockMs) {
    throw new InvalidMockOptionError(option, `expected a Date, an ISO string or epoch milliseconds within ±${maxClockMs}, got ${describeClockValue(value)}`);
  }
  return ms;
}

function describeClockValue(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
  } catch {
    return typeof value;
  }
}

/**
 * A simulated Wix for integration tests: MSW handlers for the token, calendar v3 events and
 * participations and event guests endpoints, a seeded store behind them, and signed webhooks
 * sent to your app when a write (or the clock) calls for one.
 *
 * @example
 * const mock = createWixMock({ appId: APP_ID, webhookUrl: 'http://127.0.0.1:3000/webhooks/wix' });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * // your app: POST https://www.wixapis.com/oauth2/token, then POST /calendar/v3/participations ...
 * await mock.idle();
 * mock.deliveries.map((delivery) => delivery.name); // ['participation-created']
 * await mock.clock.advance(7 * 24 * 3600_000);      // guest-event-starts to every guest
 */
export function createWixMock(options: WixMockOptions): WixMock {
  if (!options || typeof options.appId !== 'string' || options.appId === '') throw new InvalidMockOptionError('appId', 'required, your app id.');
  // Wix's ids are GUIDs, and every delivery carries them: any other id would fail the verification
  // of every webhook the mock sends, so it is refused here, where the mistake is.
  for (const [option, value] of [['appId', options.appId], ['instanceId', options.instanceId]] as const) {
    if (value !== undefined && !guid().safeParse(value).success) throw new InvalidMockOptionError(option, `expected a GUID (8-4-4-4-12 hex digits, as Wix issues them), got "${value}".`);
  }
  const targets = [options.webhookUrl, options.webhookHandler, options.webhookListener].filter((given) => given !== undefined);
  if (targets.length !== 1) throw new InvalidMockOptionError('webhookUrl, webhookHandler or webhookListener', `${targets.length === 0 ? 'required' : 'give only one'}: where the mock sends webhooks.`);
  if (options.webhookListener !== undefined && (typeof options.webhookListener !== 'function' || !isNodeListener(options.webhookListener))) {
    throw new InvalidMockOptionError('webhookListener', 'expected a Node listener (req, res), such as an Express app; give a fetch-style (request) => Response as webhookHandler.');
  }
  if (options.webhookHandler !== undefined && (typeof options.webhookHandler !== 'function' || isNodeListener(options.webhookHandler))) {
    throw new InvalidMockOptionError('webhookHandler', 'expected a fetch-style handler (request) => Response; give a Node listener (req, res), such as an Express app, as webhookListener.');
  }
  const target = targets[0]!;
  if (typeof target !== 'function' && !parseHttpUrl(target)) throw new InvalidMockOptionError('webhookUrl', `expected an http(s) URL, got ${String(target)}`);
  const keepDeliveries = options.keepDeliveries ?? defaultKeepDeliveries;
  if (typeof keepDeliveries !== 'number' || !(keepDeliveries === Infinity || (Number.isSafeInteger(keepDeliveries) && keepDeliveries >= 1))) {
    throw new InvalidMockOptionError('keepDeliveries', `expected a whole number of deliveries >= 1 (or Infinity), got ${describeClockValue(keepDeliveries)}`);
  }
  const start = options.now === undefined ? defaultMockStart : toMs(options.now, 'now');
  const seed = options.seed ?? 1;
  const ownClock = options.clock === undefined;
  let clock = options.clock ?? createVirtualClock(start);
  const keys = resolveKeyPair(options.keys);
  const baseUrl = (options.baseUrl ?? wixBaseUrl).replace(/\/+$/, '');
  const store: WixStore = createStore(simulatedServices, seed, clock.now());
  const restFaults = createRestFaults(baseUrl);
  const sender = createSender(() => context, typeof target === 'function' ? target : String(target), options.observer, keepDeliveries);
  const context: MockContext<WixStore> = {
    appId: options.appId,
    instanceId: options.instanceId ?? defaultInstanceId,
    appSecret: options.appSecret,
    baseUrl,
    siteTimeZone: options.siteTimeZone ?? 'UTC',
    keys,
    store,
    get clock() {
      return clock;
    },
    tokens: new Map(),
    policy: options.policy,
    send: sender.send,
    emit: sender.emit,
  };
  const contexts = simulatedServices.map((service) => ({ service: service as SimulatedService<object>, context: serviceContext(context, service) }));

  // Clock moves are serialized, so two concurrent advances never send a reminder twice.
  let moving: Promise<unknown> = Promise.resolve();
  const moveTo = (to: number): Promise<DeliveryRecord[]> => {
    const run = moving.then(async () => {
      const from = clock.now();
      if (to < from) throw new WixhookError('ERR_CLOCK_BACKWARDS', `The mock clock only moves forward: it is ${new Date(from).toISOString()}, asked for ${new Date(to).toISOString()}.`);
      clock.advance(to - from);
      const sent: DeliveryRecord[] = [];
      for (const { service, context: own } of contexts) if (service.onClockMove) sent.push(...(await service.onClockMove(own, from, to)));
      return sent;
    });
    moving = run.catch(() => undefined);
    return run;
  };

  const mock: WixMock = {
    handlers: [],
    store,
    deliveries: sender.records,
    clock: {
      now: () => clock.now(),
      advance: (ms) => {
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return Promise.reject(new WixhookError('ERR_CLOCK_BACKWARDS', `advance expects milliseconds >= 0, got ${describeClockValue(ms)}`));
        if (clock.now() + ms > maxClockMs) return Promise.reject(new WixhookError('ERR_CLOCK_RANGE', `advance by ${ms} ms would pass the largest date (${new Date(maxClockMs).toISOString()}).`));
        return moveTo(clock.now() + ms);
      },
      set: (to) => {
        try {
          return moveTo(toMs(to, 'clock.set'));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
    async trigger(name, triggerOptions) {
      const resolved = webhookNameOf(name);
      if (resolved === undefined) throw new UnknownWebhookError(name, webhookNames);
      return trigger(context, resolved, triggerOptions as never);
    },
    resend(sequence) {
      const resent = sender.resend(sequence);
      if (!resent) return Promise.reject(new WixhookError('ERR_UNKNOWN_DELIVERY', `No delivery with sequence number ${String(sequence)} in the log (it keeps the ${sender.records.length} most recent, of at most ${keepDeliveries}).`));
      return resent;
    },
    onDeliveryChange: (listener) => sender.onChange(listener),
    resendPolicy: resendPolicy(options.policy),
    webhookTarget: sender.target,
    inspect: (inspectOptions) => serveInspector(mock, inspectOptions),
    faults: {
      rest: (fault) => restFaults.add(fault),
      duplicates: (count) => sender.duplicate(count),
      hold: () => sender.hold(),
      release: (order, releaseSeed) => sender.release(order, releaseSeed),
      list: () => ({ rest: restFaults.list(), ...sender.faults() }),
      async clear() {
        restFaults.clear();
        sender.duplicate(0);
        await sender.release('sent');
      },
    },
    idle: () => sender.idle(),
    reset() {
      restFaults.clear();
      if (ownClock) clock = createVirtualClock(start);
      store.reset(clock.now());
      sender.clear();
      context.tokens.clear();
    },
    publicKeyPem: keys.publicKeyPem,
    baseUrl,
    appId: context.appId,
    instanceId: context.instanceId,
  };
  // First: MSW throws while matching a route parameter with a malformed percent-escape. Then the
  // injected faults, which answer (or delay) before any endpoint does.
  mock.handlers.push(malformedUrlHandler(baseUrl), restFaults.handler);
  const routes = contexts.flatMap(({ service, context: own }) => service.routes(own));
  for (const each of routes) mock.handlers.push(mswHandler(each, baseUrl));
  // The standalone server dispatches to the routes directly only while no REST fault is injected.
  registerRoutes(mock, routes, () => !restFaults.active());
  return mock;
}

/**
 * The context a service's handlers get: the mock's own, except that `emit` refuses a webhook the
 * service did not declare, so `emits` stays a true list of what each service sends.
 */
function serviceContext(shared: MockContext<WixStore>, service: SimulatedService<any>): MockContext<any> {
  const emits = new Set<string>(service.emits);
  const own = Object.create(shared) as MockContext<WixStore>;
  own.emit = (name, emission, cause) => {
    if (!emits.has(name)) throw new WixhookError('ERR_UNDECLARED_WEBHOOK', `Simulated service "${service.name}" sent "${name}", which its emits list does not declare.`);
    return shared.emit(name, emission, cause);
  };
  return own;
}
