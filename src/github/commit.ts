/**
 * One commit through the Git Data API: the changed files go inline into a
 * tree built on the base commit's tree, and one commit points at it. The
 * number of requests does not depend on the number of files; only a change
 * set larger than one request body comfortably carries is split, each tree
 * built on the one before.
 */
import type { GitHubClient } from './client.js';

export interface Repository {
  owner: string;
  repo: string;
}

/** A file of the new commit, by its path in the repository. */
export interface FileChange {
  path: string;
  content: string;
  /** `100755` keeps a script executable. */
  mode: '100644' | '100755';
}

export interface BaseCommit {
  sha: string;
  treeSha: string;
}

/** The contents one tree request carries at most (UTF-8 bytes). */
export const TREE_CHUNK_BYTES = 8 * 1024 * 1024;

/** The commit to build on: the given one, or the head of `branch`. One request. */
export async function readBaseCommit(
  client: GitHubClient,
  repo: Repository,
  at: { branch: string; sha?: string },
): Promise<BaseCommit> {
  if (at.sha) {
    const { data } = await client.rest.git.getCommit({ ...repo, commit_sha: at.sha });
    return { sha: data.sha, treeSha: data.tree.sha };
  }
  const { data } = await client.rest.repos.getBranch({ ...repo, branch: at.branch });
  return { sha: data.commit.sha, treeSha: data.commit.commit.tree.sha };
}

/** Consecutive groups of changes, each within `maxBytes` unless one file alone is larger. */
export function chunkChanges(
  changes: readonly FileChange[],
  maxBytes: number = TREE_CHUNK_BYTES,
): FileChange[][] {
  const chunks: FileChange[][] = [];
  let current: FileChange[] = [];
  let size = 0;
  for (const change of changes) {
    const bytes =
      Buffer.byteLength(change.content, 'utf8') + Buffer.byteLength(change.path, 'utf8');
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(change);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The tree of `baseTreeSha` with `changes` written over it; returns its SHA. */
export async function createTree(
  client: GitHubClient,
  repo: Repository,
  baseTreeSha: string,
  changes: readonly FileChange[],
  maxBytes: number = TREE_CHUNK_BYTES,
): Promise<string> {
  let tree = baseTreeSha;
  for (const chunk of chunkChanges(changes, maxBytes)) {
    const { data } = await client.rest.git.createTree({
      ...repo,
      base_tree: tree,
      tree: chunk.map((c) => ({
        path: c.path,
        mode: c.mode,
        type: 'blob' as const,
        content: c.content,
      })),
    });
    tree = data.sha;
  }
  return tree;
}

/**
 * A commit of `tree` on `parent`. No author or committer is sent: GitHub
 * then records the token's identity and signs the commit, so it shows as
 * verified.
 */
export async function createCommit(
  client: GitHubClient,
  repo: Repository,
  commit: { message: string; tree: string; parent: string },
): Promise<string> {
  const { data } = await client.rest.git.createCommit({
    ...repo,
    message: commit.message,
    tree: commit.tree,
    parents: [commit.parent],
  });
  return data.sha;
}
