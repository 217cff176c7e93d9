// The live delivery list, newest first, fed by the admin API's server-sent events.
import { streamEvents } from './api.js';
import { formatInstant, h } from './dom.js';

export const causeLabels = { rest: 'REST write', trigger: 'trigger', clock: 'clock', resend: 'resend', duplicate: 'duplicate' };

/**
 * Keeps the log in `state.deliveries` (by sequence number) and redraws the list; calls
 * `onChange(delivery)` for every delivery that changed and `onSnapshot()` after a (re)connect.
 */
export function connectDeliveries(state, { onChange, onSnapshot }) {
  const list = document.getElementById('delivery-list');
  const empty = document.getElementById('deliveries-empty');
  const count = document.getElementById('delivery-count');
  const live = document.getElementById('live');
  const filter = document.getElementById('delivery-filter');
  const rows = new Map();

  const matches = (delivery) => {
    const text = filter.value.trim().toLowerCase();
    return !text || [delivery.name, delivery.eventType, delivery.status, delivery.cause, String(delivery.sequence)].some((field) => field.toLowerCase().includes(text));
  };

  function row(delivery) {
    const attempts = delivery.attempts.length;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'delivery',
        'aria-current': state.selected === delivery.sequence ? 'true' : undefined,
        'aria-label': `#${delivery.sequence} ${delivery.name}, ${delivery.status}, ${attempts} attempt${attempts === 1 ? '' : 's'}, caused by ${causeLabels[delivery.cause] ?? delivery.cause}`,
        onclick: () => state.select(delivery.sequence),
      },
      h('span', { class: 'seq' }, `#${delivery.sequence}`),
      h('span', { class: 'name' }, h('strong', {}, delivery.name), h('code', { class: 'event-type' }, delivery.eventType)),
      h('span', { class: `badge status-${delivery.status}` }, delivery.status),
      h('span', { class: 'meta' }, h('span', { class: 'cause' }, causeLabels[delivery.cause] ?? delivery.cause, delivery.resendOf ? ` of #${delivery.resendOf}` : ''), ' · ', h('span', { class: 'attempts' }, `${attempts} attempt${attempts === 1 ? '' : 's'}`), ' · ', h('span', { class: 'target' }, delivery.target)),
      h('time', { class: 'sent', dateTime: delivery.sentAt }, formatInstant(delivery.sentAt)),
    );
    return h('li', { 'data-sequence': delivery.sequence, hidden: !matches(delivery) }, button);
  }

  function upsert(delivery, fresh) {
    state.deliveries.set(delivery.sequence, delivery);
    const next = row(delivery);
    const old = rows.get(delivery.sequence);
    if (old) {
      const hadFocus = old.contains(document.activeElement);
      old.replaceWith(next);
      if (hadFocus) next.querySelector('button').focus();
    } else {
      // Newest first: before the first row with a smaller sequence number.
      const after = [...rows.entries()].filter(([sequence]) => sequence < delivery.sequence).sort((a, b) => b[0] - a[0])[0];
      if (after) after[1].before(next);
      else list.append(next);
      if (fresh) next.classList.add('arrived');
    }
    rows.set(delivery.sequence, next);
  }

  function counts() {
    const total = state.deliveries.size;
    empty.hidden = total > 0;
    count.textContent = total ? `(${total})` : '';
  }

  function redraw() {
    for (const [sequence, element] of rows) element.hidden = !matches(state.deliveries.get(sequence));
  }
  filter.addEventListener('input', redraw);

  state.refreshRows = () => {
    for (const delivery of state.deliveries.values()) upsert(delivery, false);
  };

  const onEvent = (name, data) => {
    if (name === 'snapshot') {
      state.policy = data.policy;
      state.setNow(data.now);
      document.getElementById('target').textContent = data.target === 'handler' ? 'an in-process handler' : data.target;
      state.deliveries.clear();
      rows.clear();
      list.replaceChildren();
      for (const delivery of data.deliveries) upsert(delivery, false);
      counts();
      onSnapshot();
    } else if (name === 'dropped') {
      // The log keeps only its most recent deliveries: forget the older ones here too.
      for (const [sequence, element] of rows) {
        if (sequence > data.through) continue;
        element.remove();
        rows.delete(sequence);
        state.deliveries.delete(sequence);
      }
      counts();
      if (state.selected !== undefined && !state.deliveries.has(state.selected)) state.clearSelection();
    } else if (name === 'delivery') {
      const fresh = !state.deliveries.has(data.sequence);
      upsert(data, fresh);
      counts();
      onChange(data);
    }
  };
  streamEvents('/events', onEvent, (text, ok) => {
    live.textContent = text;
    live.className = `live ${ok ? 'on' : 'off'}`;
  });
}
