/** One request the broker double received. */
export interface BrokerRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

/** A pact the double offers a provider, as the broker stores it. */
export interface BrokerPact {
  provider: string;
  consumer: string;
  /** The pact file's JSON. */
  pact: Record<string, unknown>;
  pending?: boolean;
}

export interface BrokerDouble {
  url: string;
  requests: BrokerRequest[];
  /** Bodies POSTed to each pact's publish-verification-results link. */
  published: Array<{ consumer: string; provider: string; body: Record<string, unknown> }>;
  /** Provider versions recorded on a branch: `provider/branch/version`. */
  branchVersions: string[];
  close(): Promise<void>;
}

export function startBrokerDouble(pacts: readonly BrokerPact[]): Promise<BrokerDouble>;
