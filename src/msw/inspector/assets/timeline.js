// The attempts of one delivery drawn on Wix's resend schedule: where each resend slot falls, when
// each attempt was made and how it ended, and when the next one is due.
import { formatDuration, formatInstant, s } from './dom.js';

const minute = 60_000;

/** Time is drawn on a power scale: the first resends come a minute apart, the last ones 12 hours. */
const scale = (ms, span) => Math.pow(Math.max(0, ms) / minute, 0.3) / Math.pow(span / minute, 0.3);

function outcomeLabel(attempt) {
  if (attempt.status !== undefined) return String(attempt.status);
  if (attempt.error?.code === 'ERR_DELIVERY_TIMEOUT') return 'timeout';
  return 'error';
}

/**
 * The expected slots: attempt 1 at the start, each resend after the previous attempt's failure
 * plus its delay. Attempts made so far place the slots after them.
 */
export function scheduleOf(delivery, policy) {
  const start = delivery.attempts[0]?.at ?? Date.parse(delivery.sentAt);
  const slots = [];
  let at = start;
  for (let number = 1; number <= policy.retryDelaysMs.length + 1; number++) {
    const made = delivery.attempts[number - 1];
    if (made) at = made.at;
    slots.push({ number, at, made });
    // The mock's clock stands still during an attempt, so a failure ends where it began, except a timeout.
    const failedAt = made?.error?.code === 'ERR_DELIVERY_TIMEOUT' ? made.at + policy.timeoutMs : at;
    at = failedAt + (policy.retryDelaysMs[number - 1] ?? 0);
  }
  const last = delivery.attempts.at(-1);
  const nextDue = delivery.status === 'pending' && last?.outcome === 'failed' ? slots[last.number] : undefined;
  return { start, slots, nextDue };
}

/** The SVG picture, `width` pixels wide (drawn at the real size, so text stays readable when narrow). */
export function drawTimeline(delivery, policy, now, width) {
  const { start, slots, nextDue } = scheduleOf(delivery, policy);
  const end = slots.at(-1).at - start || minute;
  const narrow = width < 520;
  const left = 28;
  const right = 28;
  const axisY = 76;
  const height = 104;
  const x = (at) => left + scale(at - start, end) * (width - left - right);
  const svg = s('svg', { class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'timeline-title timeline-desc' });
  const made = delivery.attempts.length;
  const summary =
    delivery.status === 'delivered'
      ? `delivered on attempt ${made} of ${slots.length}`
      : delivery.status === 'failed'
        ? made
          ? `failed: all ${made} attempts used`
          : 'failed before any attempt'
        : `pending: ${made} attempt${made === 1 ? '' : 's'} made${nextDue ? `, next due ${formatInstant(nextDue.at)}` : ''}`;
  svg.append(s('title', { id: 'timeline-title' }, 'Attempts on the resend schedule'));
  svg.append(s('desc', { id: 'timeline-desc' }, `${slots.length} slots over ${formatDuration(end)}; ${summary}.`));
  svg.append(s('line', { class: 'axis', x1: left, x2: width - right, y1: axisY, y2: axisY }));

  // Ticks at round offsets, fewer when narrow.
  const ticks = narrow ? [0, 10 * minute, 2 * 60 * minute, 12 * 60 * minute, end] : [0, minute, 10 * minute, 60 * minute, 4 * 60 * minute, 12 * 60 * minute, 24 * 60 * minute, end];
  let lastTickX = -Infinity;
  for (const offset of ticks) {
    if (offset > end) continue;
    const tx = x(start + offset);
    if (tx - lastTickX < 34) continue;
    lastTickX = tx;
    svg.append(s('line', { class: 'tick', x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }));
    svg.append(s('text', { class: 'tick-label', x: tx, y: axisY + 18, 'text-anchor': 'middle' }, offset === 0 ? '0' : `+${formatDuration(offset)}`));
  }

  // The mock clock's "now", when it falls inside the schedule.
  if (now !== undefined && now >= start && now <= start + end) {
    const nx = x(now);
    svg.append(s('line', { class: 'now', x1: nx, x2: nx, y1: 4, y2: axisY + 8 }, s('title', {}, `mock clock now: ${formatInstant(now)}`)));
    svg.append(s('text', { class: 'now-label', x: nx > width - 60 ? nx - 4 : nx + 4, y: 11, 'text-anchor': nx > width - 60 ? 'end' : 'start' }, 'now'));
  }

  // Outcome labels take the lower line, else the upper one; where both are taken the circle alone
  // stands for the attempt (its tooltip and the table below carry the details).
  const lastLabelX = [-Infinity, -Infinity];
  for (const slot of slots) {
    const sx = x(slot.at);
    const attempt = slot.made;
    if (!attempt) {
      const due = nextDue === slot;
      const kind = due ? 'slot due' : delivery.status === 'delivered' || delivery.status === 'failed' ? 'slot unused' : 'slot';
      const title = due ? `attempt ${slot.number}: next due ${formatInstant(slot.at)}` : `attempt ${slot.number}: ${kind === 'slot unused' ? 'not needed' : 'scheduled'} (${formatInstant(slot.at)})`;
      svg.append(s('circle', { class: kind, cx: sx, cy: axisY, r: due ? 6 : 4 }, s('title', {}, title)));
      if (due) svg.append(s('text', { class: 'due-label', x: sx, y: 22, 'text-anchor': sx > width - 90 ? 'end' : 'middle' }, `next due ${formatInstant(slot.at).slice(11, 19)}`));
      continue;
    }
    const ok = attempt.outcome === 'delivered';
    const label = outcomeLabel(attempt);
    const detail = `attempt ${attempt.number} at ${formatInstant(attempt.at)}: ${ok ? 'delivered' : attempt.error?.message ?? 'failed'}${attempt.status !== undefined ? ` (status ${attempt.status})` : ''}, ${Math.round(attempt.latencyMs)} ms`;
    const group = s('g', { class: `attempt ${ok ? 'ok' : 'failed'}`, 'data-attempt': attempt.number });
    group.append(s('title', {}, detail));
    group.append(s('circle', { cx: sx, cy: axisY, r: 7 }));
    group.append(s('text', { class: 'number', x: sx, y: axisY + 3.5, 'text-anchor': 'middle' }, String(attempt.number)));
    const level = lastLabelX.findIndex((x) => sx - x >= 46);
    if (level >= 0) {
      lastLabelX[level] = sx;
      const ly = level === 1 ? 36 : 54;
      group.append(s('line', { class: 'stem', x1: sx, x2: sx, y1: ly + 3, y2: axisY - 7 }));
      group.append(s('text', { class: 'outcome', x: sx, y: ly - 9, 'text-anchor': 'middle' }, label));
      group.append(s('text', { class: 'latency', x: sx, y: ly, 'text-anchor': 'middle' }, `${Math.round(attempt.latencyMs)} ms`));
    }
    svg.append(group);
  }
  return { svg, summary };
}
