/**
 * The migration branch: whether it exists, whether every commit on it since
 * the base was made by this action (a trailer in the message says so), and
 * moving, creating or deleting it through the refs API.
 */
import type { GitHubClient } from './client.js';
import type { Repository } from './commit.js';
import { isNotFound } from './errors.js';

/** Written into every commit this action makes; a commit without it is someone else's. */
export const COMMIT_TRAILER = 'Migrated-by: mmseg-migrate';

/** The most commits one compare page lists; the action's branch never has more than one. */
const COMPARE_PAGE = 100;

export function withTrailer(message: string): string {
  return `${message.trimEnd()}\n\n${COMMIT_TRAILER}\n`;
}

export function madeByAction(message: string): boolean {
  return message.split(/\r?\n/).some((line) => line.trim() === COMMIT_TRAILER);
}

export interface BranchCommit {
  sha: string;
  message: string;
  treeSha: string;
  parents: string[];
  /** The GitHub login of the author, or the name in the commit when it has none. */
  author: string;
}

export type BranchState =
  | { exists: false }
  | {
      exists: true;
      /** Commits on the branch that `base` does not have, oldest first. */
      commits: BranchCommit[];
      /** Commits on it that this action did not make (or all of them, when too many to list). */
      foreign: BranchCommit[];
    };

/** One compare request: `base...branch`, or `{exists: false}` when the branch is missing. */
export async function inspectBranch(
  client: GitHubClient,
  repo: Repository,
  base: string,
  branch: string,
): Promise<BranchState> {
  let data;
  try {
    ({ data } = await client.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${branch}`,
      per_page: COMPARE_PAGE,
    }));
  } catch (error) {
    if (isNotFound(error)) return { exists: false };
    throw error;
  }
  const commits: BranchCommit[] = data.commits.map((c) => ({
    sha: c.sha,
    message: c.commit.message,
    treeSha: c.commit.tree.sha,
    parents: c.parents.map((p) => p.sha),
    author: c.author?.login ?? c.commit.author?.name ?? 'unknown',
  }));
  const foreign =
    data.ahead_by > commits.length ? commits : commits.filter((c) => !madeByAction(c.message));
  return { exists: true, commits, foreign };
}

/** Points `branch` at `sha`: creates the ref, or moves it (the caller has checked it is ours). */
export async function pointBranch(
  client: GitHubClient,
  repo: Repository,
  branch: string,
  sha: string,
  exists: boolean,
): Promise<void> {
  if (exists) {
    await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true });
  } else {
    await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
  }
}

export async function deleteBranch(
  client: GitHubClient,
  repo: Repository,
  branch: string,
): Promise<void> {
  try {
    await client.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
  } catch (error) {
    // Deleted in the meantime (or by GitHub's "delete head branch" after a merge).
    if (!isNotFound(error) && !isRequestStatus(error, 422)) throw error;
  }
}

function isRequestStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === status
  );
}
