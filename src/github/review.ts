/**
 * The pull request's side of the bot: its changed files, and the review
 * comments that carry suggestions. A suggestion's comment holds a hidden
 * key, so a run never posts one that is already on the pull request, and
 * marks the ones whose problem is gone as fixed.
 */
import { fenced } from '../flag/comment.js';
import type { PullFile, Suggestion } from '../flag/plan.js';
import { escapeCell, ruleCell } from '../report/markdown.js';
import type { GitHubClient } from './client.js';
import type { Repository } from './commit.js';

const SUGGESTION_MARK = /<!-- mmseg-migrate:suggestion ([0-9a-f]+)( fixed)? -->/;

/** A review comment of ours, as GitHub lists it. */
export interface PostedSuggestion {
  id: number;
  key: string;
  path: string;
  /** The head line it sits on now; `null` once GitHub marked it outdated. */
  line: number | null;
  fixed: boolean;
  body: string;
}

/** Every file of the pull request, every page (GitHub lists at most 3,000). */
export async function listPullFiles(
  client: GitHubClient,
  repo: Repository,
  pullNumber: number,
): Promise<PullFile[]> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return files.map((f) => ({
    path: f.filename,
    status: f.status,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  }));
}

/** Our suggestion comments on the pull request, every page. */
export async function listPostedSuggestions(
  client: GitHubClient,
  repo: Repository,
  pullNumber: number,
): Promise<PostedSuggestion[]> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const ours: PostedSuggestion[] = [];
  for (const c of comments) {
    const mark = SUGGESTION_MARK.exec(c.body ?? '');
    if (!mark) continue;
    ours.push({
      id: c.id,
      key: mark[1],
      path: c.path,
      line: c.line ?? null,
      fixed: mark[2] !== undefined,
      body: c.body,
    });
  }
  return ours;
}

export function suggestionBody(s: Suggestion): string {
  const notes = s.findings.map((f) => `- ${ruleCell(f.rule)} ${escapeCell(f.message)}\n`).join('');
  return (
    `<!-- mmseg-migrate:suggestion ${s.key} -->\n` +
    `**mmseg-migrate** ${ruleCell('FLAG-001')}: this is MMSegmentation 0.x code; its 1.x form:\n\n` +
    notes +
    (notes ? '\n' : '') +
    fenced(s.lines.join('\n'), 'suggestion')
  );
}

/** The comment of a suggestion whose problem is gone: struck through, with nothing left to apply. */
export function fixedBody(posted: PostedSuggestion, headSha: string): string {
  const text = posted.body
    .replace(SUGGESTION_MARK, '')
    .replace(/^(`{3,})suggestion\n[\s\S]*?^\1$\n?/m, '')
    .trim();
  const struck = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `~~${l.replace(/^- /, '')}~~`)
    .join('\n');
  return (
    `<!-- mmseg-migrate:suggestion ${posted.key} fixed -->\n` +
    `✅ Fixed as of ${headSha.slice(0, 7)}.\n\n${struck}\n`
  );
}

export interface ReviewOutcome {
  posted: number;
  /** Already on the pull request (GitHub moves a comment with its unchanged line). */
  kept: number;
  /** Marked fixed in this run. */
  fixed: number;
}

/**
 * Posts the suggestions not yet on the pull request as one review on
 * `headSha`, and marks ours whose key no suggestion has any more as fixed.
 */
export async function reviewSuggestions(
  client: GitHubClient,
  repo: Repository,
  pullNumber: number,
  headSha: string,
  suggestions: readonly Suggestion[],
  summary: string,
): Promise<ReviewOutcome> {
  const posted = await listPostedSuggestions(client, repo, pullNumber);
  const live = posted.filter((p) => !p.fixed);
  // GitHub moves a comment with its line while the line is unchanged, and
  // marks it outdated (no line) once the line changes: a live one with the
  // same key is the same suggestion, wherever it sits now.
  const fresh = suggestions.filter(
    (s) => !live.some((p) => p.key === s.key && p.path === s.path && p.line !== null),
  );
  const keys = new Set(suggestions.map((s) => s.key));
  const gone = live.filter((p) => !keys.has(p.key));
  if (fresh.length > 0) {
    await client.rest.pulls.createReview({
      ...repo,
      pull_number: pullNumber,
      commit_id: headSha,
      event: 'COMMENT',
      body: summary,
      comments: fresh.map((s) => ({
        path: s.path,
        body: suggestionBody(s),
        line: s.end,
        side: 'RIGHT',
        ...(s.start < s.end ? { start_line: s.start, start_side: 'RIGHT' } : {}),
      })),
    });
  }
  for (const p of gone) {
    await client.rest.pulls.updateReviewComment({
      ...repo,
      comment_id: p.id,
      body: fixedBody(p, headSha),
    });
  }
  return { posted: fresh.length, kept: suggestions.length - fresh.length, fixed: gone.length };
}
