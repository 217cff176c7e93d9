/**
 * Loaded into the `wixhook serve` child process by the security corpus (`node --import`): on
 * SIGUSR2 it writes to stderr which own properties of Object.prototype and Array.prototype were
 * added, removed or replaced since the process started, so the test sees pollution in the server
 * itself, not in a copy of it.
 */
const watched = { Object: Object.prototype, Array: Array.prototype } as const;
const snapshot = (target: object) => new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)?.value as unknown]));
const initial = Object.fromEntries(Object.entries(watched).map(([name, target]) => [name, snapshot(target)]));

process.on('SIGUSR2', () => {
  const changes: string[] = [];
  for (const [name, target] of Object.entries(watched)) {
    const before = initial[name]!;
    const now = snapshot(target);
    for (const [key, value] of now) if (!before.has(key) || before.get(key) !== value) changes.push(`${name}.prototype.${String(key)}`);
    for (const key of before.keys()) if (!now.has(key)) changes.push(`${name}.prototype.${String(key)} removed`);
  }
  process.stderr.write(`PROTOTYPE-CHANGES ${JSON.stringify(changes)}\n`);
});
