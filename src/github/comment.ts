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
): Promise<{ id: number; body: string } | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const found = data.find((c) => c.body?.includes(REPORT_MARKER));
    if (found) return { id: found.id, body: found.body ?? '' };
  }
  return undefined;
}

/**
 * Writes `text` (the marker is prepended) as the sticky comment. `fresh`
 * says the pull request was just opened, so there is no comment to look for.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  repo: Repository,
  issueNumber: number,
  text: string,
  fresh = false,
): Promise<CommentOutcome> {
  const body = `${REPORT_MARKER}\n${text}`;
  const existing = fresh ? undefined : await findStickyComment(client, repo, issueNumber);
  if (!existing) {
    await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return 'created';
  }
  if (existing.body === body) return 'unchanged';
  await client.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
  return 'updated';
}
