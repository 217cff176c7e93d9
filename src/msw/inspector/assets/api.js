// The admin API of the same origin. Writes are JSON (the admin API refuses other bodies); when the
// server wants its admin token, the page is opened with ?token=..., which it keeps for this tab
// and removes from the address bar.
export const base = '/_wixhook';

const given = new URLSearchParams(location.search).get('token');
if (given) {
  sessionStorage.setItem('wixhook-admin-token', given);
  history.replaceState(null, '', location.pathname + location.hash);
}

/** The headers every admin request carries. */
export function authHeaders() {
  const token = sessionStorage.getItem('wixhook-admin-token');
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** An admin API error: the HTTP status and Wix's message. */
export class ApiError extends Error {
  constructor(status, body) {
    const violation = body?.details?.validationError?.fieldViolations?.[0];
    super(violation ? `${violation.field}: ${violation.description}` : body?.message || `HTTP ${status}`);
    this.status = status;
  }
}

async function call(path, init) {
  const response = await fetch(`${base}${path}`, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...authHeaders(), ...init?.headers } });
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { message: text };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const getJson = (path) => call(path);
export const postJson = (path, body = {}) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * Reads the admin API's server-sent events with fetch (EventSource cannot send the token) and
 * reconnects after a pause when the stream ends. `onEvent(name, data)`; `onState(text, ok)`.
 */
export async function streamEvents(path, onEvent, onState) {
  for (;;) {
    try {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/event-stream', ...authHeaders() }, cache: 'no-store' });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
      onState('live', true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) onEvent(event, JSON.parse(data));
        }
      }
      onState('reconnecting…', false);
    } catch (error) {
      onState(error.status === 401 ? 'needs the admin token: open the address serve printed (…?token=…)' : 'reconnecting…', false);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
