/**
 * Delivers a migration as one pull request on a fixed branch: one commit
 * through the Git Data API, the branch created or moved only after that
 * commit exists and only when every commit on it is the action's own, the
 * pull request found or opened and kept current, and the report kept in one
 * sticky comment. With nothing left to migrate, the pull request is closed
 * and its branch deleted.
 */
import {
  deleteBranch,
  inspectBranch,
  pointBranch,
  withTrailer,
  type BranchState,
} from './branch.js';
import type { GitHubClient } from './client.js';
import {
  createCommit,
  createTree,
  readBaseCommit,
  type FileChange,
  type Repository,
} from './commit.js';
import { upsertStickyComment } from './comment.js';
import {
  addPeople,
  closePull,
  createPull,
  findOpenPull,
  updatePull,
  type PullPeople,
  type PullRequest,
} from './pull.js';

export type PullRequestOperation = 'created' | 'updated' | 'closed' | 'none';

export interface Delivery extends PullPeople {
  repo: Repository;
  /** The branch the pull request merges into. */
  base: string;
  /** The commit the files were read from, when it is on `base`; `base`'s head otherwise. */
  baseSha?: string;
  /** The migration branch. */
  branch: string;
  changes: readonly FileChange[];
  commitMessage: string;
  title: string;
  body: string;
  /** The report for the sticky comment (without the marker). */
  comment: string;
  draft: boolean;
  /** Close the pull request and delete the branch when nothing is left to migrate. */
  deleteBranch: boolean;
  /** Largest contents of one tree request, in bytes. */
  treeChunkBytes?: number;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface DeliveryResult {
  operation: PullRequestOperation;
  pull?: { number: number; url: string };
  /** The commit the branch points at after the run, when the run moved or created it. */
  commit?: string;
  /** What happened, in one sentence for the log and the job summary. */
  summary: string;
}

function foreignNotice(state: BranchState & { exists: true }, branch: string): string {
  const shown = state.foreign
    .slice(0, 5)
    .map((c) => `\`${c.sha.slice(0, 7)}\` by ${c.author}`)
    .join(', ');
  const more = state.foreign.length > 5 ? ` and ${state.foreign.length - 5} more` : '';
  return (
    `> [!WARNING]\n` +
    `> The branch \`${branch}\` has commits that mmseg-migrate did not make (${shown}${more}), ` +
    `so this run did not update it: their work is kept. The report below is what the migration ` +
    `of the base branch finds now. To let the action take the branch over again, ` +
    `merge or close this pull request and delete the branch.\n\n`
  );
}

const NOTHING_LEFT_NOTICE =
  '> [!NOTE]\n> Nothing is left to migrate on the base branch: this pull request is closed ' +
  'and its branch deleted.\n\n';

export async function deliverMigration(
  client: GitHubClient,
  delivery: Delivery,
): Promise<DeliveryResult> {
  const { repo, branch } = delivery;
  const log = delivery.log ?? (() => undefined);
  const warn = delivery.warn ?? log;

  const base = await readBaseCommit(client, repo, { branch: delivery.base, sha: delivery.baseSha });
  const state = await inspectBranch(client, repo, base.sha, branch);
  const pull = state.exists ? await findOpenPull(client, repo, branch) : undefined;
  const result = (operation: PullRequestOperation, summary: string, commit?: string) => {
    log(summary);
    return {
      operation,
      summary,
      ...(pull ? { pull: { number: pull.number, url: pull.url } } : {}),
      ...(commit ? { commit } : {}),
    };
  };

  if (state.exists && state.foreign.length > 0) {
    const message = `the branch ${branch} has ${state.foreign.length} commit(s) not made by mmseg-migrate: left as it is`;
    if (!pull) {
      warn(`${message}, and no open pull request to say so on`);
      return result('none', `${message}.`);
    }
    await upsertStickyComment(
      client,
      repo,
      pull.number,
      foreignNotice(state, branch) + delivery.comment,
    );
    warn(`${message}; said so on pull request #${pull.number}`);
    return result('none', `${message}; said so on pull request #${pull.number}.`);
  }

  if (delivery.changes.length === 0) {
    if (!state.exists) return result('none', 'Nothing to migrate.');
    if (!delivery.deleteBranch) {
      if (pull) await upsertStickyComment(client, repo, pull.number, delivery.comment);
      return result('none', `Nothing left to migrate; ${branch} is kept (delete-branch: false).`);
    }
    if (pull) {
      await upsertStickyComment(client, repo, pull.number, NOTHING_LEFT_NOTICE + delivery.comment);
      await closePull(client, repo, pull);
    }
    await deleteBranch(client, repo, branch);
    return pull
      ? result(
          'closed',
          `Nothing left to migrate: closed pull request #${pull.number} and deleted ${branch}.`,
        )
      : result('none', `Nothing left to migrate: deleted the stale branch ${branch}.`);
  }

  // The whole commit exists before the branch moves.
  const tree = await createTree(
    client,
    repo,
    base.treeSha,
    delivery.changes,
    delivery.treeChunkBytes,
  );
  const head = state.exists ? state.commits.at(-1) : undefined;
  const current =
    state.exists &&
    state.commits.length === 1 &&
    head?.treeSha === tree &&
    head.parents[0] === base.sha;
  let commit: string | undefined;
  if (!current) {
    commit = await createCommit(client, repo, {
      message: withTrailer(delivery.commitMessage),
      tree,
      parent: base.sha,
    });
    await pointBranch(client, repo, branch, commit, state.exists);
    log(
      `${state.exists ? 'moved' : 'created'} ${branch} at ${commit} (${delivery.changes.length} files)`,
    );
  }

  let open: PullRequest;
  let operation: PullRequestOperation;
  if (pull) {
    open = await updatePull(client, repo, pull, delivery);
    operation = current ? 'none' : 'updated';
  } else {
    const made = await createPull(client, repo, { ...delivery, branch, base: delivery.base });
    open = made.pull;
    operation = made.created ? 'created' : current ? 'none' : 'updated';
  }
  await addPeople(client, repo, open, delivery, warn);
  await upsertStickyComment(client, repo, open.number, delivery.comment, operation === 'created');
  const verb = { created: 'opened', updated: 'updated', none: 'left unchanged', closed: 'closed' }[
    operation
  ];
  const summary = `${verb} pull request #${open.number} (${delivery.changes.length} files)`;
  log(summary);
  return {
    operation,
    summary: `${summary[0].toUpperCase()}${summary.slice(1)}.`,
    pull: { number: open.number, url: open.url },
    ...(commit ? { commit } : {}),
  };
}
