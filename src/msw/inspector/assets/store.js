// The simulated entities, by service and collection, and the reset of the whole mock.
import { getJson, postJson } from './api.js';
import { h, json } from './dom.js';

/** Entries listed per collection before "show all". */
const firstEntries = 50;

function entryLabel(key, value) {
  const title = value?.title ?? value?.name ?? value?.firstName ?? value?.participant?.name ?? value?.status;
  return typeof title === 'string' ? `${key} — ${title}` : String(key);
}

function collection({ key, size, entries }) {
  const list = h('ul', { class: 'entries' });
  const show = (count) =>
    list.replaceChildren(
      ...entries.slice(0, count).map(([id, value]) => h('li', {}, h('details', {}, h('summary', {}, entryLabel(id, value)), h('pre', { tabIndex: 0 }, h('code', {}, json(value)))))),
      ...(entries.length > count ? [h('li', {}, h('button', { type: 'button', class: 'small', onclick: () => show(entries.length) }, `Show all ${entries.length}`))] : []),
    );
  show(firstEntries);
  return h('details', { class: 'collection', 'data-collection': key }, h('summary', {}, h('code', {}, key), h('span', { class: 'count' }, ` ${size}`)), list);
}

export function setUpStore(state) {
  const body = document.getElementById('store-body');
  const result = document.getElementById('store-result');
  const reset = document.getElementById('store-reset');
  let confirmTimer;

  async function load() {
    try {
      const { services } = await getJson('/store');
      body.replaceChildren(
        ...services.map((service) =>
          h('section', { class: 'service', 'aria-label': `${service.service} service` }, h('h3', {}, service.service), service.collections.length ? service.collections.map(collection) : h('p', { class: 'hint' }, 'No stored entities.')),
        ),
      );
    } catch (error) {
      result.textContent = `The store could not be read: ${error.message}`;
    }
  }

  document.getElementById('store-refresh').addEventListener('click', async () => {
    await load();
    result.textContent = 'Store refreshed.';
  });
  // Reset asks twice: the first press arms it for a few seconds.
  reset.addEventListener('click', async () => {
    if (reset.dataset.armed !== 'true') {
      reset.dataset.armed = 'true';
      reset.textContent = 'Press again to reset';
      result.textContent = 'Reset empties the delivery log and re-seeds the store. Press again to confirm.';
      confirmTimer = setTimeout(() => {
        reset.dataset.armed = 'false';
        reset.textContent = 'Reset mock';
      }, 5000);
      return;
    }
    clearTimeout(confirmTimer);
    reset.dataset.armed = 'false';
    reset.textContent = 'Reset mock';
    try {
      await postJson('/reset');
      result.textContent = 'Mock reset: seeded store, empty log, clock at its start.';
      state.clearSelection();
      await load();
    } catch (error) {
      result.textContent = `Not reset: ${error.message}`;
    }
  });
  return { load };
}
