/**
 * Delivers the bot's verdict on a pull request: new suggestions as one
 * review, gone ones marked fixed, and the sticky comment created once and
 * edited after, or turned into a short all-clear when nothing is left.
 */
import {
  FLAG_MARKER,
  readFlagState,
  renderFlagComment,
  type FlagCommentPlace,
} from '../flag/comment.js';
import type { FlagPlan } from '../flag/plan.js';
import { plural } from '../report/summary.js';
import type { GitHubClient } from './client.js';
import type { Repository } from './commit.js';
import { findStickyComment, upsertStickyComment, type CommentOutcome } from './comment.js';
import { reviewSuggestions, type ReviewOutcome } from './review.js';

export interface FlagDelivery {
  repo: Repository;
  pullNumber: number;
  /** The commit the suggestions are made on: the pull request's head. */
  headSha: string;
  plan: FlagPlan;
  place?: FlagCommentPlace;
  log?: (line: string) => void;
}

export interface FlagDeliveryResult {
  comment: CommentOutcome | 'none';
  review: ReviewOutcome;
  /** One sentence for the log and the job summary. */
  summary: string;
}

export async function deliverFlags(
  client: GitHubClient,
  delivery: FlagDelivery,
): Promise<FlagDeliveryResult> {
  const { repo, pullNumber, plan } = delivery;
  const log = delivery.log ?? (() => undefined);
  const reviewSummary =
    `**mmseg-migrate**: ${plural(plan.suggestions.length, 'line range of', 'line ranges of')} ` +
    'MMSegmentation 0.x code in this pull request, each with its 1.x form as a suggestion. ' +
    'The full list is in the report comment.';
  const review = await reviewSuggestions(
    client,
    repo,
    pullNumber,
    delivery.headSha,
    plan.suggestions,
    reviewSummary,
  );
  const existing = await findStickyComment(client, repo, pullNumber, FLAG_MARKER);
  const rendered = renderFlagComment(
    plan,
    existing ? readFlagState(existing.body) : undefined,
    delivery.place,
  );
  let comment: FlagDeliveryResult['comment'] = 'none';
  if (!rendered.clear || existing) {
    comment = await upsertStickyComment(
      client,
      repo,
      pullNumber,
      rendered.body,
      false,
      FLAG_MARKER,
      existing ?? null,
    );
  }
  const parts = [
    `${plural(review.posted, 'suggestion', 'suggestions')} posted`,
    `${review.kept} already on the pull request`,
    `${review.fixed} marked fixed`,
    `report comment ${comment === 'none' ? 'not needed' : comment}`,
  ];
  const summary = `Pull request #${pullNumber}: ${parts.join(', ')}.`;
  log(summary);
  return { comment, review, summary };
}
