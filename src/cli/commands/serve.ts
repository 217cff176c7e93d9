import { setFlagsFromString } from 'node:v8';
import { InvalidMockOptionError } from '../../msw/option-errors.js';
import { inspectorPath } from '../../msw/inspector/handlers.js';
import { deliveryLogFormats, deliveryLogger } from '../../server/delivery-log.js';
import { ServerListenError } from '../../server/errors.js';
import { startWixServer, type WixServer } from '../../server/server.js';
import { choiceOption, wholeNumberOption } from '../arguments.js';
import { UsageError, exitCodes, type Command } from '../command.js';
import { WixhookError } from '../../errors.js';
import { readKeyFile } from '../read-input.js';
import { parseHttpUrl } from '../../delivery/http-url.js';

/** The command-line spelling of the mock options serve passes on. */
const optionFlags: Record<string, string> = { appId: 'app-id', instanceId: 'instance-id', webhookUrl: 'webhook-url', keepDeliveries: 'keep-deliveries' };

/** How far V8 lets serve's old generation grow past its live size before a full GC, in percent. */
const heapGrowingPercent = 50;

export const serveCommand: Command = {
  name: 'serve',
  summary: "Serve a mock of Wix's REST API (token, calendar v3 events and participations, event guests) over HTTP, sending signed webhooks to your app.",
  usage: 'serve [--port P] [--host H] [--webhook-url URL] [--private-key FILE] [--app-id GUID] [--instance-id GUID] [--seed N] [--now ISO|now] [--quiet | --log-format text|json] [--admin-token T] [--keep-deliveries N]',
  options: {
    port: { type: 'string', short: 'p', valueName: 'p', description: 'Port to listen on; 0 picks a free one. Default 0.' },
    host: { type: 'string', valueName: 'h', description: 'Interface to listen on. Default 127.0.0.1 (loopback: this is a test tool).' },
    'webhook-url': { type: 'string', valueName: 'url', description: "Your app's webhook endpoint. Without it webhooks are signed and printed (name, eventType, cause), not sent." },
    'private-key': { type: 'string', valueName: 'file', description: 'PKCS#8 PEM to sign webhooks with. Default: the test key (`test`, printed by `wixhook keys test`).' },
    'app-id': { type: 'string', valueName: 'guid', description: "Your app's id, a GUID as Wix issues (the token endpoint's client_id). Default: the toolkit's test app id." },
    'instance-id': { type: 'string', valueName: 'guid', description: "The instance_id (a GUID) the token endpoint accepts. Default: the toolkit's test instance." },
    seed: { type: 'string', valueName: 'n', description: 'Seed of the store. Default 1.' },
    now: {
      type: 'string',
      valueName: 'iso|now',
      description: "Start of the mock's clock, which dates everything it sends (payloads, the JWTs' iat, token expiry): an ISO date-time, or `now` for the real time. Default 2025-03-03T09:00:00Z, so a seed gives the same store every day.",
    },
    'keep-deliveries': {
      type: 'string',
      valueName: 'n',
      description: 'How many recent deliveries the log (GET /_wixhook/deliveries, the inspector) keeps; older ones are dropped so memory stays bounded. Default 1000.',
    },
    quiet: { type: 'boolean', short: 'q', description: 'Print no line per delivery attempt (the deliveries stay in GET /_wixhook/deliveries).' },
    'log-format': { type: 'string', valueName: 'text|json', description: 'One line per delivery attempt (time, webhook, target, status, attempt n of 13, next attempt) as text, or as JSON lines. Default text.' },
    'admin-token': {
      type: 'string',
      valueName: 't',
      description: 'Token the admin API (/_wixhook/) requires, as "Authorization: Bearer T" or "x-wixhook-admin-token: T". Default: none on loopback, a random one (printed) on any other host.',
    },
  },
  examples: [
    'wixhook serve --port 8080 --webhook-url http://127.0.0.1:3000/webhooks/wix',
    'curl -X POST localhost:8080/_wixhook/webhooks/guest-event-starts -H \'content-type: application/json\' -d \'{"traits":["starts-in-1-hour"]}\'',
    'curl -X POST localhost:8080/_wixhook/clock -H \'content-type: application/json\' -d \'{"advanceMs":86400000}\'',
  ],
  async run({ values, io }) {
    const port = wholeNumberOption('port', values.port, 0, 0);
    if (port > 65_535) throw new UsageError(`--port is at most 65535, got ${port}.`);
    const webhookUrl = values['webhook-url'] as string | undefined;
    if (webhookUrl !== undefined && !parseHttpUrl(webhookUrl)) throw new UsageError(`--webhook-url expects an http(s) URL, got "${webhookUrl}".`);
    const privateKey = await readKeyFile('private-key', values['private-key']);
    const seed = wholeNumberOption('seed', values.seed, undefined, 0);
    const keepDeliveries = wholeNumberOption('keep-deliveries', values['keep-deliveries'], undefined, 1);
    const now = values.now === undefined ? undefined : values.now === 'now' ? Date.now() : Date.parse(String(values.now));
    if (now !== undefined && !Number.isFinite(now)) throw new UsageError(`--now expects an ISO date-time (2025-03-03T09:00:00Z) or "now", got "${String(values.now)}".`);
    const format = choiceOption('log-format', values['log-format'], deliveryLogFormats, 'text');
    if (values.quiet && values['log-format'] !== undefined) throw new UsageError('--quiet prints no delivery lines: give --quiet or --log-format, not both.');
    // serve owns its process and runs for hours: V8's default lets the old generation grow to
    // up to 4x what is live before a full GC when GCs are cheap, as they are here (a 32 MB live
    // heap after 20k writes sat in 113 MB of old space). 1.5x keeps RSS near the live data; the
    // extra full GCs cost ~3 ms each, every few thousand writes. Only the CLI sets it: a library
    // must not change its host process's heap policy.
    setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
    let server: WixServer;
    try {
      server = await startWixServer({
        port,
        ...(typeof values.host === 'string' ? { host: values.host } : {}),
        ...(webhookUrl ? { webhookUrl } : {}),
        ...(privateKey ? { privateKey } : {}),
        ...(typeof values['app-id'] === 'string' ? { appId: values['app-id'] } : {}),
        ...(typeof values['instance-id'] === 'string' ? { instanceId: values['instance-id'] } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(keepDeliveries !== undefined ? { keepDeliveries } : {}),
        ...(now !== undefined ? { now } : {}),
        ...(typeof values['admin-token'] === 'string' ? { adminToken: values['admin-token'] } : {}),
        ...(values.quiet ? {} : { observer: deliveryLogger(io.stdout, format, webhookUrl !== undefined) }),
      });
    } catch (error) {
      if (error instanceof InvalidMockOptionError) throw new UsageError(`--${optionFlags[error.option] ?? error.option}: ${error.message.slice(error.option.length + 2)}`);
      if (error instanceof ServerListenError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
        throw new WixhookError(error.code, `port ${error.port} is in use, pick another with --port (0 picks a free one).`, { cause: error });
      }
      throw error;
    }
    const deliveryLines = values.quiet ? 'none printed (--quiet)' : `one ${format === 'json' ? 'JSON ' : ''}line per ${webhookUrl ? 'attempt' : 'webhook'} below`;
    io.stdout(
      [
        `wixhook mock listening on ${server.url} (use it as the Wix base URL; app ${server.mock.appId}, instance ${server.mock.instanceId}; clock at ${new Date(server.mock.clock.now()).toISOString()})`,
        `public key: ${server.publicKeyUrl}`,
        `webhooks: ${webhookUrl ? `sent to ${webhookUrl}` : 'signed, not sent (no --webhook-url)'}, ${deliveryLines}; admin API under ${server.url}/_wixhook/`,
        ...(server.adminToken && values['admin-token'] === undefined ? [`admin token: ${server.adminToken} (send it as "Authorization: Bearer <token>" to /_wixhook/)`] : []),
        // A generated token rides in the page's address; the page keeps it and drops it from the address bar.
        `inspector: ${server.url}${inspectorPath}${server.adminToken && values['admin-token'] === undefined ? `?token=${encodeURIComponent(server.adminToken)}` : ''} (deliveries live, every layer, resend schedule, trigger form, store)`,
        '',
      ].join('\n'),
    );
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    io.stderr(`${signal}: closing\n`);
    await server.close();
    return exitCodes.ok;
  },
};
