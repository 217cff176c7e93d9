import { PactNotInstalledError } from './errors.js';

type PactModule = typeof import('@pact-foundation/pact');

let loaded: Promise<PactModule> | undefined;

/**
 * `@pact-foundation/pact`, loaded on first use: it is an optional peer dependency, so nothing in
 * the toolkit imports it statically and a missing install is reported with the package to add.
 */
export function loadPact(): Promise<PactModule> {
  loaded ??= import('@pact-foundation/pact').then(
    (module) => ((module as { default?: PactModule }).default?.PactV4 ? (module as { default: PactModule }).default : module),
    (error: unknown) => {
      loaded = undefined;
      throw new PactNotInstalledError(error);
    },
  );
  return loaded;
}
