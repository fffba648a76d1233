/**
 * The REST client the action talks to GitHub through: `@actions/github`'s
 * octokit (it honours the runner's proxy settings and `GITHUB_API_URL`) with
 * retries for server errors and for primary and secondary rate limits.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** API root; `GITHUB_API_URL` (or api.github.com) when absent. */
  baseUrl?: string;
  /** The fetch to send requests with; `@actions/github`'s proxy-aware one when absent. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per unit of wait between retries: 1,000 follows GitHub's seconds. */
  retryUnitMs?: number;
  /** Where the client reports a retry. */
  log?: (line: string) => void;
}

/** How many times a request that hit a rate limit is sent again. */
const RATE_LIMIT_RETRIES = 3;
/** The longest primary rate-limit reset worth waiting for inside one step, in seconds. */
const LONGEST_RATE_LIMIT_WAIT = 120;

/**
 * A limiter group that lets every request through at once. The throttling
 * plugin spaces writes one (and notifying writes three) seconds apart, which
 * matters for bulk writers; a run here sends a fixed handful of requests one
 * after the other, far below GitHub's content-creation limits, and a
 * secondary rate limit it still meets is retried after GitHub's retry-after.
 */
const unpaced = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const [first, ...rest] = args;
      const job = typeof first === 'function' ? first : rest.shift();
      return Promise.resolve((job as (...a: unknown[]) => unknown)(...rest));
    },
  }),
} as never;

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const unit = options.retryUnitMs ?? 1000;
  const log = options.log ?? (() => undefined);
  const retryWhile =
    (kind: string) =>
    (after: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      if (
        count >= RATE_LIMIT_RETRIES ||
        (kind === 'rate limit' && after > LONGEST_RATE_LIMIT_WAIT)
      ) {
        log(`GitHub ${kind} on ${request.method} ${request.url}: giving up`);
        return false;
      }
      log(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${after} s`);
      return true;
    };
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: { retryAfterBaseValue: unit, retries: 3 },
      throttle: {
        retryAfterBaseValue: unit,
        write: unpaced,
        notifications: unpaced,
        onRateLimit: retryWhile('rate limit'),
        onSecondaryRateLimit: retryWhile('secondary rate limit'),
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    retry,
    throttling,
  );
}
