/**
 * The sticky report comment: one comment per pull request, found by a hidden
 * marker and edited in place, so a run that finds the same report posts
 * nothing and a changed report replaces the old one.
 */
import type { GitHubClient } from './client.js';
import type { Repository } from './commit.js';

export const REPORT_MARKER = '<!-- mmseg-migrate:report -->';

export type CommentOutcome = 'created' | 'updated' | 'unchanged';

/** The marker's comment on the issue or pull request, reading every page of comments. */
export async function findStickyComment(
  client: GitHubClient,
  repo: Repository,
  issueNumber: number,
  marker = REPORT_MARKER,
): Promise<{ id: number; body: string } | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const found = data.find((c) => c.body?.includes(marker));
    if (found) return { id: found.id, body: found.body ?? '' };
  }
  return undefined;
}

/**
 * Writes `text` (the marker is prepended) as the sticky comment. `fresh`
 * says the pull request was just opened, so there is no comment to look for;
 * `known` passes the comment a caller already found (`null`: it found none).
 */
export async function upsertStickyComment(
  client: GitHubClient,
  repo: Repository,
  issueNumber: number,
  text: string,
  fresh = false,
  marker = REPORT_MARKER,
  known?: { id: number; body: string } | null,
): Promise<CommentOutcome> {
  const body = `${marker}\n${text}`;
  const existing =
    fresh || known === null
      ? undefined
      : (known ?? (await findStickyComment(client, repo, issueNumber, marker)));
  if (!existing) {
    await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return 'created';
  }
  if (existing.body === body) return 'unchanged';
  await client.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
  return 'updated';
}
