/**
 * The one pull request of the migration branch: found by its head, created
 * once, then kept current (title, body, labels, assignees, reviewers).
 */
import type { GitHubClient } from './client.js';
import type { Repository } from './commit.js';
import { isPullRequestAlreadyOpen } from './errors.js';

export interface PullRequest {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
}

interface PullData {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  labels?: Array<{ name?: string } | string>;
  assignees?: Array<{ login: string }> | null;
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
}

function toPull(data: PullData): PullRequest {
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    labels: (data.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    assignees: (data.assignees ?? []).map((a) => a.login),
    reviewers: [
      ...(data.requested_reviewers ?? []).map((r) => r.login),
      ...(data.requested_teams ?? []).map((t) => `team:${t.slug}`),
    ],
  };
}

/** The open pull request whose head is `owner:branch`, if any. One request. */
export async function findOpenPull(
  client: GitHubClient,
  repo: Repository,
  branch: string,
): Promise<PullRequest | undefined> {
  const { data } = await client.rest.pulls.list({
    ...repo,
    head: `${repo.owner}:${branch}`,
    state: 'open',
    per_page: 10,
  });
  return data.length > 0 ? toPull(data[0] as PullData) : undefined;
}

export interface PullContent {
  title: string;
  body: string;
}

/**
 * Opens the pull request. When GitHub answers that one is already open for
 * the branch (another run opened it since this one looked), that one is used
 * and brought up to date instead.
 */
export async function createPull(
  client: GitHubClient,
  repo: Repository,
  request: PullContent & { branch: string; base: string; draft: boolean },
): Promise<{ pull: PullRequest; created: boolean }> {
  try {
    const { data } = await client.rest.pulls.create({
      ...repo,
      title: request.title,
      body: request.body,
      head: request.branch,
      base: request.base,
      draft: request.draft,
      maintainer_can_modify: true,
    });
    return { pull: toPull(data as PullData), created: true };
  } catch (error) {
    if (!isPullRequestAlreadyOpen(error)) throw error;
    const open = await findOpenPull(client, repo, request.branch);
    if (!open) throw error;
    return { pull: await updatePull(client, repo, open, request), created: false };
  }
}

/** Sets the title and body when they differ; no request when they do not. */
export async function updatePull(
  client: GitHubClient,
  repo: Repository,
  pull: PullRequest,
  content: PullContent,
): Promise<PullRequest> {
  if (pull.title === content.title && pull.body === content.body) return pull;
  const { data } = await client.rest.pulls.update({
    ...repo,
    pull_number: pull.number,
    title: content.title,
    body: content.body,
  });
  return toPull(data as PullData);
}

export async function closePull(
  client: GitHubClient,
  repo: Repository,
  pull: PullRequest,
): Promise<void> {
  await client.rest.pulls.update({ ...repo, pull_number: pull.number, state: 'closed' });
}

export interface PullPeople {
  labels: readonly string[];
  assignees: readonly string[];
  /** Logins, and teams as `org/team-slug` or `team:slug`. */
  reviewers: readonly string[];
}

function missing(wanted: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present.map((p) => p.toLowerCase()));
  return wanted.filter((w) => !have.has(w.toLowerCase()));
}

function teamSlug(reviewer: string): string | undefined {
  if (reviewer.startsWith('team:')) return reviewer.slice('team:'.length);
  const slash = reviewer.indexOf('/');
  return slash >= 0 ? reviewer.slice(slash + 1) : undefined;
}

/**
 * Adds the labels, assignees and reviewers the pull request lacks (one
 * request each, none when nothing is missing). A person who cannot be
 * assigned or asked for review is a warning, not a failed run.
 */
export async function addPeople(
  client: GitHubClient,
  repo: Repository,
  pull: PullRequest,
  people: PullPeople,
  warn: (line: string) => void,
): Promise<void> {
  const labels = missing(people.labels, pull.labels);
  if (labels.length > 0) {
    await client.rest.issues.addLabels({ ...repo, issue_number: pull.number, labels });
  }
  const assignees = missing(people.assignees, pull.assignees);
  if (assignees.length > 0) {
    try {
      await client.rest.issues.addAssignees({ ...repo, issue_number: pull.number, assignees });
    } catch (error) {
      warn(`could not assign ${assignees.join(', ')}: ${(error as Error).message}`);
    }
  }
  const wanted = people.reviewers.map((r) => {
    const slug = teamSlug(r);
    return slug === undefined ? r : `team:${slug}`;
  });
  const reviewers = missing(wanted, pull.reviewers);
  if (reviewers.length > 0) {
    try {
      await client.rest.pulls.requestReviewers({
        ...repo,
        pull_number: pull.number,
        reviewers: reviewers.filter((r) => !r.startsWith('team:')),
        team_reviewers: reviewers.filter((r) => r.startsWith('team:')).map((r) => r.slice(5)),
      });
    } catch (error) {
      warn(`could not request a review from ${reviewers.join(', ')}: ${(error as Error).message}`);
    }
  }
}
