import { createDeliveryTracker, parseWebhook, type ParsedWebhook } from 'wix-webhook-testkit';

/**
 * What every framework example does with the raw body: verify and parse it, and answer as Wix
 * needs (200 for a new webhook, a duplicate or a stale event; 400 with the code otherwise).
 */
export function receiver(publicKey: string, onWebhook: (delivery: ParsedWebhook) => void) {
  const tracker = createDeliveryTracker();
  return async (rawBody: string): Promise<{ status: number; body: string }> => {
    try {
      onWebhook(await parseWebhook(rawBody, { publicKey, tracker }));
      return { status: 200, body: 'OK' };
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_UNKNOWN';
      if (code === 'ERR_DUPLICATE_DELIVERY' || code === 'ERR_STALE_EVENT') return { status: 200, body: 'OK' };
      return { status: 400, body: code };
    }
  };
}
