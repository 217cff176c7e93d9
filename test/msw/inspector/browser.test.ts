import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assetNames } from '../../../src/msw/inspector/assets.js';
import { defaultAppId, defaultInstanceId } from '../../../src/signing/sign.js';

/**
 * The inspector in a real browser: Debian's chromium driven by playwright-core, against
 * `wixhook serve` run as users run it. CI installs chromium (.ci/run); without it this test says
 * so and is skipped.
 */
const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`\n[inspector browser test] SKIPPED: ${chromiumPath} is missing. Install it with \`apt-get install -y chromium\` (.ci/run does) to run it.\n`);

const artifacts = new URL('../../../test-artifacts/', import.meta.url);
const docs = new URL('../../../docs/', import.meta.url);

/** A receiver that fails the first two attempts of every distinct JWT, then answers 200: each delivery takes 3 attempts. */
function flakyReceiver(): Promise<{ server: Server; url: string; received: string[] }> {
  const seen = new Map<string, number>();
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      const count = (seen.get(body) ?? 0) + 1;
      seen.set(body, count);
      response.writeHead(count <= 2 ? 500 : 200).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/wix`, received })));
}

describe.skipIf(!hasChromium)('the inspector in Chromium', () => {
  let receiver: Awaited<ReturnType<typeof flakyReceiver>>;
  let serve: ChildProcess;
  let printed = '';
  let base = '';
  let inspectorUrl = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  const admin = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as Record<string, any>;
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    receiver = await flakyReceiver();
    serve = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--webhook-url', receiver.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      serve.stdout!.on('data', (chunk) => {
        printed += chunk;
        const listening = /listening on (http:\/\/\S+)/.exec(printed);
        const inspector = /inspector: (http:\/\/\S+)/.exec(printed);
        if (listening && inspector) {
          base = listening[1]!;
          inspectorUrl = inspector[1]!;
          resolve();
        }
      });
      serve.on('exit', () => reject(new Error(`wixhook serve exited early: ${printed}`)));
    });
    const { chromium } = await import('playwright-core');
    // Playwright gives every launch a fresh profile directory; the flags keep Chromium off the network.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1360, height: 1000 }, colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (serve && serve.exitCode === null) {
      const exited = new Promise((resolve) => serve.on('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    receiver?.server.close();
  });

  it('serve prints the page, which loads from 127.0.0.1 alone, under a strict CSP, and shows deliveries as they happen', async () => {
    expect(inspectorUrl).toBe(`${base}/_wixhook/inspector`);
    const response = await page.goto(inspectorUrl);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect.poll(() => page.textContent('#live')).toBe('live');
    const timing = () =>
      page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return { load: navigation.loadEventEnd - navigation.startTime, domContentLoaded: navigation.domContentLoadedEventEnd - navigation.startTime, bytes: navigation.encodedBodySize + resources.reduce((sum, entry) => sum + entry.encodedBodySize, 0) };
      });
    const cold = await timing();
    // A second load: the server and the browser are warm, as when a developer reloads the page.
    await page.reload();
    await expect.poll(() => page.textContent('#live')).toBe('live');
    await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd > 0);
    const warm = await timing();
    const assetBytes = (await Promise.all(assetNames.map(async (name) => (await (await fetch(`${base}/_wixhook/inspector/${name}`)).arrayBuffer()).byteLength))).reduce((a, b) => a + b, 0);
    console.log(
      `[inspector] page load on loopback (navigation start to load event): first ${cold.load.toFixed(1)} ms, reload ${warm.load.toFixed(1)} ms (DOMContentLoaded ${warm.domContentLoaded.toFixed(1)} ms); ${cold.bytes} bytes transferred; assets ${assetBytes} bytes in all (${assetNames.length} files)`,
    );
    expect(await page.isVisible('#deliveries-empty')).toBe(true);

    // Through the REST twin: a participation written over HTTP sends participation-created.
    const token = ((await admin('/oauth2/token', { grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId })) as { access_token: string }).access_token;
    const events = await fetch(`${base}/calendar/v3/events/query`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: '{}' });
    const event = ((await events.json()) as { events: Array<{ id: string; recurrenceType: string }> }).events.find((candidate) => candidate.recurrenceType === 'NONE')!;
    const created = await fetch(`${base}/calendar/v3/participations`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify({ participation: { eventId: event.id, participant: { name: 'Ada Browser' }, partySize: 2 } }) });
    expect(created.status).toBe(200);
    const first = page.locator('#delivery-list li').first();
    await expect.poll(() => first.textContent()).toContain('participation-created');
    await expect.poll(() => first.textContent()).toContain('3 attempts');
    expect(await first.textContent()).toContain('REST write');
    expect(await first.textContent()).toContain('delivered');
    expect(await first.textContent()).toContain(receiver.url);

    // Through the admin API: newest first.
    await admin('/_wixhook/webhooks/guest-event-starts', { traits: ['starts-in-1-hour'], seed: 3 });
    await expect.poll(() => page.locator('#delivery-list li').count()).toBe(2);
    expect(await page.locator('#delivery-list li').first().textContent()).toContain('guest-event-starts');
    expect(await page.locator('#delivery-list li').first().textContent()).toContain('trigger');
  });

  it('opens a delivery with the keyboard: every layer decoded, the attempts on the resend schedule, copy as curl, resend', async () => {
    const row = page.locator('#delivery-list li', { hasText: 'participation-created' }).locator('button');
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#detail-title')).toBe('Delivery #1');
    expect(await row.getAttribute('aria-current')).toBe('true');
    for (const layer of ['jwtHeader', 'jwtClaims', 'deliveryData', 'payload', 'sdkEnvelope']) expect(await page.locator(`[data-layer=${layer}]`).count(), layer).toBe(1);
    const text = (layer: string) => page.locator(`[data-layer=${layer}] pre`).textContent();
    expect(JSON.parse((await text('jwtHeader'))!)).toMatchObject({ alg: 'RS256' });
    expect(JSON.parse((await text('jwtClaims'))!).data).toEqual(expect.any(String));
    const deliveryData = JSON.parse((await text('deliveryData'))!);
    expect(deliveryData).toMatchObject({ eventType: 'wix.calendar.v3.participation_created', instanceId: defaultInstanceId, identity: { identityType: 'APP', appId: defaultAppId } });
    expect(deliveryData.data.createdEvent.entity.participant.name).toBe('Ada Browser');
    expect(JSON.parse((await text('payload'))!)).toEqual(deliveryData.data);
    const envelope = JSON.parse((await text('sdkEnvelope'))!);
    expect(envelope.entity._id).toBe(deliveryData.data.createdEvent.entity.id);
    expect(envelope.metadata.instanceId).toBe(defaultInstanceId);

    // The picture: 2 failed attempts, the delivered third, and the 10 resend slots it did not need.
    const timeline = page.locator('svg.timeline');
    expect(await timeline.locator('g.attempt.failed').count()).toBe(2);
    expect(await timeline.locator('g.attempt.ok').count()).toBe(1);
    expect(await timeline.locator('circle.slot.unused').count()).toBe(10);
    expect(await timeline.locator('g.attempt').first().locator('title').textContent()).toMatch(/attempt 1 at 2025-03-03 09:00:00\.000 UTC: Expected status 200, got 500\. \(status 500\), \d+ ms/);
    expect(await page.textContent('.timeline-summary')).toBe('delivered on attempt 3 of 13');
    expect(await page.locator('table.attempts tbody tr').count()).toBe(3);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: new URL('inspector-detail.png', artifacts).pathname, fullPage: false });
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOT) await page.screenshot({ path: new URL('inspector.png', docs).pathname, fullPage: false });

    // Copy as curl: the POST Wix made, with the JWT as it was signed.
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toBe(`curl -i -X POST '${receiver.url}' -H 'content-type: text/plain' --data-raw '${receiver.received[0]}'`);
    await page.locator('[data-layer=payload]').getByRole('button', { name: 'Copy Payload' }).click();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(deliveryData.data);

    // Resend: the same JWT again, as a new delivery; the receiver has seen it twice, so it takes it at once.
    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => page.textContent('#detail .result')).toMatch(/^Resent as #3: delivered\.$/);
    await expect.poll(() => page.locator('#delivery-list li').first().textContent()).toContain('resend of #1');
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)).toBe(receiver.received[0]);
  });

  it('draws a pending delivery with the slot of its next attempt, counted from the last failure', async () => {
    // Deliveries run their schedule on a virtual clock, so a live one is pending for milliseconds:
    // the page's own module draws a pending one here, as it would mid-schedule.
    // The script is a string: the test runner rewrites dynamic imports in functions it compiles.
    const drawn = await page.evaluate(`(async () => {
      const { drawTimeline } = await import('/_wixhook/inspector/timeline.js');
      const start = Date.parse('2025-03-03T09:00:00.000Z');
      const failed = (number, at, extra) => ({ number, at, latencyMs: 40, outcome: 'failed', ...extra });
      const delivery = {
        status: 'pending',
        sentAt: '2025-03-03T09:00:00.000Z',
        attempts: [
          failed(1, start, { status: 500, error: { code: 'ERR_DELIVERY_STATUS', message: 'Expected status 200, got 500.' } }),
          failed(2, start + 60000, { error: { code: 'ERR_DELIVERY_TIMEOUT', message: 'No answer within 1250 ms.' } }),
        ],
      };
      const policy = { timeoutMs: 1250, retryDelaysMs: [60000, 600000, 3600000] };
      const { svg, summary } = drawTimeline(delivery, policy, start + 120000, 720);
      return {
        summary,
        due: svg.querySelector('circle.slot.due title')?.textContent,
        label: svg.querySelector('.due-label')?.textContent,
        outcomes: [...svg.querySelectorAll('g.attempt .outcome')].map((node) => node.textContent),
        scheduled: svg.querySelectorAll('circle.slot:not(.due)').length,
        now: svg.querySelector('line.now title')?.textContent,
      };
    })()`);
    // Attempt 2 timed out 1250 ms after 09:01:00; the next is due 10 minutes after that.
    expect(drawn).toEqual({
      summary: 'pending: 2 attempts made, next due 2025-03-03 09:11:01.250 UTC',
      due: 'attempt 3: next due 2025-03-03 09:11:01.250 UTC',
      label: 'next due 09:11:01',
      outcomes: ['500', 'timeout'],
      scheduled: 1,
      now: 'mock clock now: 2025-03-03 09:02:00.000 UTC',
    });
  });

  it('sends any catalog webhook from the trigger form, moves the clock, browses and resets the store', async () => {
    expect(await page.textContent('#webhook-matches')).toMatch(/^\d+ of \d+ webhooks/);
    await page.fill('#webhook-search', 'guest starts');
    expect(await page.locator('#webhook-select option').count()).toBe(1);
    await page.selectOption('#webhook-select', 'guest-event-starts');
    await page.getByRole('checkbox', { name: /^starts-in-1-hour/ }).check();
    await page.fill('#seed', '7');
    await page.fill('#overrides', '{ not json');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    expect(await page.textContent('#overrides-error')).toMatch(/^Overrides: /);
    expect(await page.getAttribute('#overrides', 'aria-invalid')).toBe('true');
    await page.fill('#overrides', '{ "entityId": "2b1c0a4e-1f7d-4c0e-9a53-5d7f3b8e9c11" }');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.textContent('#trigger-result')).toBe('Sent guest-event-starts as #4: delivered.');
    await expect.poll(() => page.locator('#delivery-list li').count()).toBe(4);
    const detail = await (await fetch(`${base}/_wixhook/deliveries/4`)).json();
    expect(detail.layers.payload.value.entityId).toBe('2b1c0a4e-1f7d-4c0e-9a53-5d7f3b8e9c11');

    // Traits that exclude each other come back as the admin API's 400, shown in the form.
    await page.getByRole('checkbox', { name: /^starts-in-1-day/ }).check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.textContent('#trigger-result')).toMatch(/^Not sent: traits: /);
    await page.getByRole('checkbox', { name: /^starts-in-1-day/ }).uncheck();

    // The clock: a week later every guest's reminder is due.
    await page.fill('#advance-amount', '8');
    await page.selectOption('#advance-unit', { label: 'days' });
    await page.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => page.textContent('#clock-result'), { timeout: 60_000 }).toMatch(/^Clock at 2025-03-11 09:00:00\.000 UTC; \d+ webhooks came due\.$/);
    expect(await page.textContent('#clock-now')).toBe('2025-03-11 09:00:00.000 UTC');
    await expect.poll(async () => (await page.locator('#delivery-list li').allTextContents()).filter((row) => row.includes('clock')).length).toBeGreaterThan(0);
    await page.screenshot({ path: new URL('inspector-list.png', artifacts).pathname, fullPage: true });

    // The store: every service's collections, the participation written over REST among them.
    await page.getByRole('button', { name: 'Refresh' }).click();
    const participations = page.locator('[data-collection=participations]');
    await participations.locator('summary').first().click();
    expect(await participations.textContent()).toContain('Ada Browser');

    await page.getByRole('button', { name: 'Reset mock' }).click();
    await page.getByRole('button', { name: 'Press again to reset' }).click();
    await expect.poll(() => page.textContent('#store-result')).toMatch(/^Mock reset/);
    await expect.poll(() => page.locator('#delivery-list li').count()).toBe(0);
    expect(await page.textContent('#clock-now')).toBe('2025-03-03 09:00:00.000 UTC');
    expect(await page.textContent('#detail-title')).toBe('Delivery');
  });

  it('reads on a narrow window in the dark scheme', async () => {
    await admin('/_wixhook/webhooks/participation-created', { seed: 5 });
    const narrow = await context.newPage();
    narrow.on('pageerror', (error) => pageErrors.push(error.message));
    await narrow.setViewportSize({ width: 390, height: 844 });
    await narrow.emulateMedia({ colorScheme: 'dark' });
    await narrow.goto(`${inspectorUrl}#delivery-1`);
    await expect.poll(() => narrow.textContent('#detail-title')).toBe('Delivery #1');
    expect(await narrow.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 18, 22)');
    // Nothing wider than the window: no sideways scrolling.
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await narrow.locator('#detail').scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: new URL('inspector-narrow-dark.png', artifacts).pathname, fullPage: true });
    await narrow.close();
  });

  it('carries the admin token given in its address, and says so when it has none', async () => {
    const { startWixServer } = await import('../../../src/server/server.js');
    const guarded = await startWixServer({ adminToken: 'browser-test-token' });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await tab.goto(`${guarded.url}/_wixhook/inspector`);
      await expect.poll(() => tab.textContent('#live')).toMatch(/^needs the admin token/);
      await tab.goto(`${guarded.url}/_wixhook/inspector?token=browser-test-token`);
      await expect.poll(() => tab.textContent('#live')).toBe('live');
      // The token left the address bar; the page keeps it for this tab.
      expect(new URL(tab.url()).search).toBe('');
      await tab.selectOption('#webhook-select', 'participation-created');
      await tab.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => tab.textContent('#trigger-result')).toBe('Sent participation-created as #1: delivered.');
      await expect.poll(() => tab.locator('#delivery-list li').count()).toBe(1);
    } finally {
      await tab.close();
      await guarded.close();
    }
  });

  it('made no request off the machine and hit no page error', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Chromium logs the admin API's 400 for the conflicting traits and the 401s of the page without its token, both on purpose.
    expect(consoleErrors.filter((text) => !text.includes('status of 401'))).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
}, 120_000);
