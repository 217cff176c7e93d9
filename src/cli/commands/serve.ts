import { startWixServer } from '../../server/server.js';
import { inspectorPath } from '../../msw/inspector/handlers.js';
import { wholeNumberOption } from '../arguments.js';
import { UsageError, exitCodes, type Command } from '../command.js';
import { readKeyFile } from '../read-input.js';
import { parseHttpUrl } from '../../delivery/http-url.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: "Serve a mock of Wix's REST API (token, calendar v3 events and participations, event guests) over HTTP, sending signed webhooks to your app.",
  usage: 'serve [--port P] [--host H] [--webhook-url URL] [--private-key FILE] [--app-id ID] [--instance-id ID] [--seed N] [--admin-token T]',
  options: {
    port: { type: 'string', short: 'p', valueName: 'p', description: 'Port to listen on; 0 picks a free one. Default 0.' },
    host: { type: 'string', valueName: 'h', description: 'Interface to listen on. Default 127.0.0.1 (loopback: this is a test tool).' },
    'webhook-url': { type: 'string', valueName: 'url', description: "Your app's webhook endpoint. Without it webhooks are logged, not sent." },
    'private-key': { type: 'string', valueName: 'file', description: 'PKCS#8 PEM to sign webhooks with. Default: mocks/keys/test-private-key.pem.' },
    'app-id': { type: 'string', valueName: 'id', description: "Your app's id (the token endpoint's client_id). Default: the toolkit's test app id." },
    'instance-id': { type: 'string', valueName: 'id', description: "The instance_id the token endpoint accepts. Default: the toolkit's test instance." },
    seed: { type: 'string', valueName: 'n', description: 'Seed of the store. Default 1.' },
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
    const server = await startWixServer({
      port,
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(privateKey ? { privateKey } : {}),
      ...(typeof values['app-id'] === 'string' ? { appId: values['app-id'] } : {}),
      ...(typeof values['instance-id'] === 'string' ? { instanceId: values['instance-id'] } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(typeof values['admin-token'] === 'string' ? { adminToken: values['admin-token'] } : {}),
    });
    io.stdout(
      [
        `wixhook mock listening on ${server.url} (use it as the Wix base URL; app ${server.mock.appId}, instance ${server.mock.instanceId})`,
        `public key: ${server.publicKeyUrl}`,
        `webhooks: ${webhookUrl ? `sent to ${webhookUrl}` : 'logged only (no --webhook-url)'}; admin API under ${server.url}/_wixhook/`,
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
