import express from 'express';
import { createDeliveryTracker, parseWebhook } from 'wix-webhook-testkit';

/**
 * The README's "Verifying webhooks without @wix/sdk" example as a runnable app: the lines between
 * the region markers are the README's, word for word (test/readme.test.ts checks it).
 */
export function createApp(remind: (guest: unknown) => void) {
  const app = express();
  // #region readme
  const tracker = createDeliveryTracker(); // remembers payload ids and each entity's last entityEventSequence
  app.post('/webhooks/wix', express.text({ type: '*/*' }), async (req, res) => {
    try {
      const delivery = await parseWebhook(req.body, { publicKey: process.env.WIX_PUBLIC_KEY!, tracker });
      if (delivery.name === 'guest-event-starts') remind(delivery.payload.actionEvent.body?.guest);
      res.sendStatus(200);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // A duplicate was handled already and a stale event is older than one handled: acknowledge
      // both with 200, since any other answer makes Wix resend them up to 12 times over two days.
      if (code === 'ERR_DUPLICATE_DELIVERY' || code === 'ERR_STALE_EVENT') return void res.sendStatus(200);
      res.status(400).send(code);
    }
  });
  // #endregion readme
  return app;
}
