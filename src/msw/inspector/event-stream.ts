import type { AdminMock } from '../admin-mock.js';
import { summarize } from './delivery-view.js';

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const heartbeatMs = 15_000;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The delivery log as server-sent events: `snapshot` first (clock, resend policy, target and
 * every delivery kept), then `delivery` each time one is logged, attempted or settled, `dropped`
 * when the log outgrows its limit (every delivery up to `through` left it), and a new `snapshot`
 * on reset. The subscription ends when the client goes away.
 */
export function deliveryEventStream(mock: AdminMock): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const push = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const snapshot = () => ({
        now: new Date(mock.clock.now()).toISOString(),
        policy: mock.resendPolicy,
        target: mock.webhookTarget,
        deliveries: mock.deliveries.map((record) => summarize(record, mock.webhookTarget)),
      });
      push(`retry: 2000\n${frame('snapshot', snapshot())}`);
      const unsubscribe = mock.onDeliveryChange((change) => {
        if (change.type === 'cleared') return push(frame('snapshot', snapshot()));
        if (change.type === 'dropped') return push(frame('dropped', { through: change.through }));
        push(frame('delivery', summarize(change.record, mock.webhookTarget, change.type === 'attempt' ? [...change.attempts] : undefined)));
      });
      const heartbeat = setInterval(() => push(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref?.();
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}
