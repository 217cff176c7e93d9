// The inspector's entry module: shared state, and the parts wired together.
import { connectDeliveries } from './deliveries.js';
import { createDetail } from './detail.js';
import { formatInstant } from './dom.js';
import { setUpStore } from './store.js';
import { setUpTrigger } from './trigger.js';

const state = {
  deliveries: new Map(),
  selected: undefined,
  policy: undefined,
  now: undefined,
  setNow(iso) {
    state.now = Date.parse(iso);
    const clock = document.getElementById('clock-now');
    clock.textContent = formatInstant(iso);
    detail.redraw();
  },
  select(sequence) {
    state.selected = sequence;
    history.replaceState(null, '', `#delivery-${sequence}`);
    state.refreshRows();
    detail.open(sequence);
  },
  clearSelection() {
    state.selected = undefined;
    history.replaceState(null, '', location.pathname);
    detail.clear();
  },
  refreshRows() {},
};

const detail = createDetail(state);
const store = setUpStore(state);
let storeTimer;

connectDeliveries(state, {
  onChange(delivery) {
    detail.update(delivery);
    // A write that sent a webhook changed the store too; refresh it once things settle.
    clearTimeout(storeTimer);
    storeTimer = setTimeout(store.load, 300);
  },
  onSnapshot() {
    const wanted = /^#delivery-(\d+)$/.exec(location.hash);
    if (state.selected === undefined && wanted && state.deliveries.has(Number(wanted[1]))) {
      state.selected = Number(wanted[1]);
      state.refreshRows();
      detail.open(state.selected, false);
    } else if (state.selected !== undefined && !state.deliveries.has(state.selected)) {
      state.clearSelection();
    }
    store.load();
  },
});
setUpTrigger(state);
