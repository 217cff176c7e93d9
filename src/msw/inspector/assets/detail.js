// One delivery opened: its layers decoded, its attempts on the resend schedule, resend and curl.
import { getJson, postJson } from './api.js';
import { copyText, formatInstant, h, json } from './dom.js';
import { causeLabels } from './deliveries.js';
import { drawTimeline } from './timeline.js';

const layerTitles = {
  jwtHeader: ['JWT header', 'The protected header: algorithm and key id.'],
  jwtClaims: ['JWT claims', 'As signed; the data claim is a string of JSON.'],
  deliveryData: ['Delivery data', 'The data claim parsed, with its data and identity strings parsed too.'],
  payload: ['Payload', 'The domain event, as the REST API names it.'],
  sdkEnvelope: ['SDK envelope', 'What @wix/sdk hands a webhook handler (Dates shown as ISO strings).'],
};

export function createDetail(state) {
  const section = document.getElementById('detail');
  const body = document.getElementById('detail-body');
  const empty = document.getElementById('detail-empty');
  const title = document.getElementById('detail-title');
  let current;
  let timelineHost;

  function drawPicture() {
    if (!current || !timelineHost || !state.policy) return;
    const width = Math.max(280, Math.floor(timelineHost.clientWidth || 600));
    const { svg, summary } = drawTimeline(current, state.policy, state.now, width);
    timelineHost.replaceChildren(svg, h('p', { class: 'timeline-summary' }, summary));
  }
  new ResizeObserver(() => drawPicture()).observe(section);

  function layer(key, value) {
    const [name, hint] = layerTitles[key];
    const text = 'value' in value ? json(value.value) : `Could not decode: ${value.error}`;
    const copy = h('button', { type: 'button', class: 'small', 'aria-label': `Copy ${name}`, onclick: (event) => copyText(text, event.currentTarget) }, 'Copy');
    return h(
      'details',
      { class: 'layer', open: key === 'payload' || key === 'sdkEnvelope', 'data-layer': key },
      h('summary', {}, h('span', { class: 'layer-name' }, name), h('small', {}, hint)),
      h('div', { class: 'layer-tools' }, copy),
      h('pre', { tabIndex: 0, 'aria-label': name }, h('code', {}, text)),
    );
  }

  function attemptsTable(delivery) {
    if (!delivery.attempts.length) return h('p', { class: 'hint' }, delivery.error ? `Not sent: ${delivery.error}` : 'No attempt yet.');
    return h(
      'table',
      { class: 'attempts' },
      h('caption', { class: 'sr-only' }, 'Attempts'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'At'), h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Latency'))),
      h(
        'tbody',
        {},
        delivery.attempts.map((attempt) =>
          h(
            'tr',
            {},
            h('td', {}, String(attempt.number)),
            h('td', {}, h('span', { class: 'nowrap' }, formatInstant(attempt.at).slice(0, 10)), ' ', h('span', { class: 'nowrap' }, formatInstant(attempt.at).slice(11))),
            attempt.outcome === 'delivered'
              ? h('td', { class: 'ok' }, `delivered (${attempt.status})`)
              : h('td', { class: 'bad' }, attempt.error?.message ?? 'failed', h('small', { class: 'error-code' }, attempt.error?.code ?? '')),
            h('td', {}, `${Math.round(attempt.latencyMs)} ms`),
          ),
        ),
      ),
    );
  }

  function render(detail, focus) {
    current = detail;
    empty.hidden = true;
    body.hidden = false;
    title.textContent = `Delivery #${detail.sequence}`;
    const result = h('p', { class: 'result', role: 'status' });
    const resend = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: async () => {
          resend.disabled = true;
          result.textContent = 'Resending…';
          try {
            const sent = await postJson(`/deliveries/${detail.sequence}/resend`);
            result.textContent = `Resent as #${sent.sequence}: ${sent.status}.`;
          } catch (error) {
            result.textContent = `Resend failed: ${error.message}`;
          } finally {
            resend.disabled = false;
          }
        },
      },
      'Resend',
    );
    const curl = h('button', { type: 'button', onclick: (event) => copyText(detail.curl, event.currentTarget) }, 'Copy as curl');
    const jwt = h('button', { type: 'button', onclick: (event) => copyText(detail.jwt, event.currentTarget) }, 'Copy JWT');
    timelineHost = h('div', { class: 'timeline-host' });
    body.replaceChildren(
      h(
        'dl',
        { class: 'summary' },
        h('div', { class: 'wide' }, h('dt', {}, 'Webhook'), h('dd', {}, h('strong', {}, detail.name), ' ', h('code', {}, detail.eventType))),
        h('div', {}, h('dt', {}, 'Cause'), h('dd', {}, causeLabels[detail.cause] ?? detail.cause, detail.resendOf ? ` of #${detail.resendOf}` : '')),
        h('div', {}, h('dt', {}, 'Status'), h('dd', {}, h('span', { class: `badge status-${detail.status}` }, detail.status))),
        h('div', {}, h('dt', {}, 'Sent'), h('dd', {}, formatInstant(detail.sentAt))),
        h('div', { class: 'wide' }, h('dt', {}, 'Target'), h('dd', { class: 'target' }, detail.target)),
      ),
      h('div', { class: 'buttons' }, resend, curl, jwt),
      result,
      h('h3', {}, 'Attempts on the resend schedule'),
      timelineHost,
      attemptsTable(detail),
      h('h3', {}, 'Layers'),
      ...Object.entries(detail.layers).map(([key, value]) => layer(key, value)),
    );
    drawPicture();
    if (focus) section.focus();
  }

  let loading = 0;
  return {
    async open(sequence, focus = true) {
      const ticket = ++loading;
      try {
        const detail = await getJson(`/deliveries/${sequence}`);
        if (ticket === loading) render(detail, focus);
      } catch (error) {
        if (ticket !== loading) return;
        current = undefined;
        body.hidden = true;
        empty.hidden = false;
        empty.textContent = `Delivery #${sequence} is not in the log (${error.message}).`;
      }
    },
    /** Keeps the open delivery's status, attempts and timeline current as its attempts come in. */
    update(delivery) {
      if (!current || current.sequence !== delivery.sequence) return;
      if (current.status !== delivery.status || current.attempts.length !== delivery.attempts.length) this.open(delivery.sequence, false);
    },
    redraw: drawPicture,
    clear() {
      current = undefined;
      body.hidden = true;
      empty.hidden = false;
      title.textContent = 'Delivery';
    },
  };
}
