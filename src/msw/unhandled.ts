/**
 * Options for `server.listen(...)` saying what MSW does with a request no handler matches, for
 * msw 2 (`onUnhandledRequest`) and msw 3 (`onUnhandledFrame`) alike: each version reads its own
 * key and ignores the other. Typed as an empty options object so it fits both versions' types.
 *
 * @example
 * server.listen(unhandledRequests('error'));
 */
export function unhandledRequests(strategy: 'bypass' | 'warn' | 'error'): Record<never, never> {
  return { onUnhandledRequest: strategy, onUnhandledFrame: strategy };
}
