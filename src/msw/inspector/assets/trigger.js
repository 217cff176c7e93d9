// The trigger form: a searchable picker over the whole catalog (fetched, not embedded), traits,
// seed and overrides; and the clock.
import { getJson, postJson } from './api.js';
import { formatInstant, h } from './dom.js';

/** How many matches the picker lists at once; the search narrows the rest. */
const shown = 200;

export async function setUpTrigger(state) {
  const search = document.getElementById('webhook-search');
  const select = document.getElementById('webhook-select');
  const matches = document.getElementById('webhook-matches');
  const traits = document.getElementById('traits');
  const seed = document.getElementById('seed');
  const overrides = document.getElementById('overrides');
  const overridesError = document.getElementById('overrides-error');
  const result = document.getElementById('trigger-result');
  let catalog = [];

  function fill() {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = catalog.filter((webhook) => words.every((word) => webhook.haystack.includes(word)));
    const previous = select.value;
    select.replaceChildren(...found.slice(0, shown).map((webhook) => h('option', { value: webhook.name, title: webhook.title }, `${webhook.name} — ${webhook.eventType}`)));
    if (found.some((webhook) => webhook.name === previous)) select.value = previous;
    else if (found.length) select.selectedIndex = 0;
    matches.textContent = `${found.length} of ${catalog.length} webhooks${found.length > shown ? `, first ${shown} listed` : ''}`;
    showTraits();
  }

  function showTraits() {
    const webhook = catalog.find((entry) => entry.name === select.value);
    const legend = h('legend', {}, 'Traits');
    if (!webhook) return traits.replaceChildren(legend, h('p', { class: 'hint' }, 'Pick a webhook to see its traits.'));
    if (!webhook.traits.length) return traits.replaceChildren(legend, h('p', { class: 'hint' }, 'This webhook has no traits.'));
    traits.replaceChildren(
      legend,
      ...webhook.traits.map((trait) =>
        h('label', { class: 'trait' }, h('input', { type: 'checkbox', name: 'trait', value: trait.name }), h('span', {}, h('code', {}, trait.name), trait.group ? h('small', {}, ` ${trait.group}`) : '', h('small', { class: 'trait-description' }, trait.description.replaceAll('`', '')))),
      ),
    );
  }

  search.addEventListener('input', fill);
  // Down arrow from the search box moves into the list, as in a combobox.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      select.focus();
    }
  });
  select.addEventListener('change', showTraits);

  document.getElementById('trigger-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = select.value;
    if (!name) {
      result.textContent = 'Pick a webhook first.';
      return select.focus();
    }
    const body = { traits: [...traits.querySelectorAll('input[name=trait]:checked')].map((box) => box.value) };
    if (seed.value !== '') {
      const value = Number(seed.value);
      if (!Number.isInteger(value) || value < 0) {
        result.textContent = 'The seed is a whole number of 0 or more.';
        return seed.focus();
      }
      body.seed = value;
    }
    overridesError.textContent = '';
    overrides.removeAttribute('aria-invalid');
    if (overrides.value.trim()) {
      try {
        body.overrides = JSON.parse(overrides.value);
        if (typeof body.overrides !== 'object' || body.overrides === null || Array.isArray(body.overrides)) throw new Error('expected a JSON object');
      } catch (error) {
        overridesError.textContent = `Overrides: ${error.message}`;
        overrides.setAttribute('aria-invalid', 'true');
        return overrides.focus();
      }
    }
    result.textContent = `Sending ${name}…`;
    try {
      const record = await postJson(`/webhooks/${encodeURIComponent(name)}`, body);
      result.textContent = `Sent ${name} as #${record.sequence}: ${record.status}.`;
    } catch (error) {
      result.textContent = `Not sent: ${error.message}`;
    }
  });

  const clockResult = document.getElementById('clock-result');
  document.getElementById('clock-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const amount = Number(document.getElementById('advance-amount').value);
    const unit = Number(document.getElementById('advance-unit').value);
    if (!Number.isFinite(amount) || amount < 0) {
      clockResult.textContent = 'Advance by a number of 0 or more.';
      return;
    }
    clockResult.textContent = 'Moving the clock…';
    try {
      const moved = await postJson('/clock', { advanceMs: Math.round(amount * unit) });
      state.setNow(moved.now);
      clockResult.textContent = `Clock at ${formatInstant(moved.now)}; ${moved.deliveries.length} webhook${moved.deliveries.length === 1 ? '' : 's'} came due.`;
    } catch (error) {
      clockResult.textContent = `Not moved: ${error.message}`;
    }
  });

  try {
    const { webhooks } = await getJson('/catalog');
    catalog = webhooks.map((webhook) => ({ ...webhook, haystack: `${webhook.name} ${webhook.eventType} ${webhook.title} ${webhook.provider}`.toLowerCase() }));
    fill();
  } catch (error) {
    matches.textContent = `The catalog could not be loaded: ${error.message}`;
  }
}
