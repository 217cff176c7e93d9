// Small DOM helpers: elements built with properties and children (never HTML strings), and formats.

/** h('button', { type: 'button', onclick }, 'Send') */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (key in element && !key.includes('-')) element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(key, String(value));
  element.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return element;
}

/** "2025-03-03 09:00:00.000" in UTC: the mock's clock is virtual, so local time would mislead. */
export function formatInstant(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace('T', ' ').replace('Z', ' UTC');
}

/** "1 min", "2 h 10 min", "350 ms" */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48 || rest) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${hours} h`;
}

export const json = (value) => JSON.stringify(value, null, 2);

/** Copies text, then says so on the button for a moment. */
export async function copyText(text, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // Without clipboard permission: select the text in a hidden field and use the legacy command.
    const field = h('textarea', { class: 'sr-only', readOnly: true, value: text });
    document.body.append(field);
    field.select();
    copied = document.execCommand('copy');
    field.remove();
  }
  if (button) {
    const label = button.dataset.label ?? button.textContent;
    button.dataset.label = label;
    button.textContent = copied ? 'Copied' : 'Copy failed';
    setTimeout(() => (button.textContent = label), 1500);
  }
  return copied;
}
