/**
 * The action's `flag` mode: the pull-request bot. On `pull_request` it
 * migrates the head checkout, keeps what lies on the pull request's lines,
 * and posts suggestions and one sticky comment, or, when the token may not
 * write (a fork's pull request), saves that result for a `workflow_run` run,
 * which posts it without checking out any of the pull request's code.
 */
import * as core from '@actions/core';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderFlagComment } from './flag/comment.js';
import { planFlags, type FlagPlan } from './flag/plan.js';
import { annotate } from './github/annotations.js';
import { createClient, type GitHubClient } from './github/client.js';
import { describeFailure, isRequestFailure } from './github/errors.js';
import { deliverFlags } from './github/flag-deliver.js';
import {
  claimedPullNumber,
  FLAG_RESULT_MAX_BYTES,
  parseFlagResult,
  readFlagResult,
  writeFlagResult,
} from './github/flag-result.js';
import type { ActionInputs } from './github/inputs.js';
import { listPullFiles } from './github/review.js';
import { isFork, type RunContext } from './github/run-context.js';
import { migrateRepository } from './migrate.js';
import { countSeverities, failingCount, plural } from './report/summary.js';

export interface FlagRunPlaces {
  /** The migrated folder's path in the repository (`''` or `sub/`). */
  prefix: string;
  /** The Markdown report file. */
  reportPath: string;
}

export const FLAG_RESULT_FILE = 'mmseg-migrate-flag.json';

/** The most files GitHub's REST API lists for one pull request. */
const PULL_FILES_LISTED = 3000;

const TARGET_REFUSED =
  'mode `flag` does not run under `pull_request_target`: that event has a write token, and ' +
  'analysing a pull request there means checking out its code with it. Run `flag` on ' +
  '`pull_request`, and for pull requests from forks post its result from a `workflow_run` ' +
  'workflow (see the README).';

function writeDenied(error: unknown): boolean {
  return isRequestFailure(error) && (error.status === 403 || error.status === 401);
}

function client(inputs: ActionInputs, ctx: RunContext, say: (l: string) => string): GitHubClient {
  if (!inputs.token) throw new Error('input `token` is empty: the `flag` mode needs a token');
  return createClient(inputs.token, { baseUrl: ctx.apiUrl, log: (l) => core.info(say(l)) });
}

interface Posted {
  outcome: string;
  pullNumber: number;
  plan: FlagPlan;
  headSha: string;
}

/** `pull_request`: analyse the checkout, then post, or save when the token is read-only. */
async function analyse(
  inputs: ActionInputs,
  ctx: RunContext,
  places: FlagRunPlaces,
  say: (l: string) => string,
): Promise<Posted> {
  const pr = ctx.pullRequest;
  if (!pr) {
    throw new Error(
      `mode \`flag\` needs a \`pull_request\` event (or \`workflow_run\` with \`flag-result\`); this run is \`${ctx.event || 'unknown'}\``,
    );
  }
  const github = client(inputs, ctx, say);
  const files = await listPullFiles(github, ctx.repo, pr.number);
  core.info(`pull request #${pr.number}: ${plural(files.length, 'changed file', 'changed files')}`);
  if (files.length >= PULL_FILES_LISTED) {
    core.warning(
      `GitHub lists at most ${PULL_FILES_LISTED} files of a pull request: files past them are not reviewed`,
    );
  }
  const report = await migrateRepository(join(ctx.workspace, places.prefix), {
    include: inputs.include,
    exclude: inputs.exclude,
  });
  const plan = planFlags(report, files, { filterMode: inputs.filterMode, prefix: places.prefix });
  const resultPath = join(dirname(places.reportPath), FLAG_RESULT_FILE);
  writeFileSync(resultPath, writeFlagResult({ pullNumber: pr.number, headSha: pr.headSha, plan }));
  core.setOutput('flag-result-path', resultPath);

  const saved = `the result is saved in ${resultPath} for a \`workflow_run\` workflow to post`;
  let outcome: string;
  if (inputs.dryRun) {
    outcome = `Dry run: nothing was written to pull request #${pr.number}; ${saved}.`;
  } else if (isFork(pr)) {
    outcome =
      `Pull request #${pr.number} comes from the fork ${pr.headRepo || '(deleted)'}, whose ` +
      `\`pull_request\` token is read-only: nothing was written to it; ${saved}.`;
    core.notice(say(outcome));
  } else {
    try {
      const delivered = await deliverFlags(github, {
        repo: ctx.repo,
        pullNumber: pr.number,
        headSha: pr.headSha,
        plan,
        place: lineLinks(ctx, pr.headSha),
        log: (l) => core.info(say(l)),
      });
      outcome = delivered.summary;
    } catch (error) {
      if (!writeDenied(error)) throw error;
      outcome =
        `The token may not write to pull request #${pr.number} (${describeFailure(error, [inputs.token])}): ` +
        `nothing was written; ${saved}.`;
      core.warning(say(outcome));
    }
  }
  return { outcome, pullNumber: pr.number, plan, headSha: pr.headSha };
}

/** `workflow_run`: post what a `pull_request` run saved, after checking it against GitHub. */
async function post(
  inputs: ActionInputs,
  ctx: RunContext,
  say: (l: string) => string,
): Promise<Posted> {
  const run = ctx.workflowRun;
  if (!run) throw new Error('input `flag-result` is read only on a `workflow_run` event');
  const path = join(ctx.workspace, inputs.flagResult);
  if (statSync(path).size > FLAG_RESULT_MAX_BYTES) {
    throw new Error(`${inputs.flagResult} is larger than ${FLAG_RESULT_MAX_BYTES} bytes`);
  }
  const saved = parseFlagResult(readFileSync(path, 'utf8'));
  const claimed = claimedPullNumber(saved);
  if (run.pullNumbers.length > 0 && !run.pullNumbers.includes(claimed)) {
    throw new Error(
      `${inputs.flagResult} is about pull request #${claimed}, which the run did not build`,
    );
  }
  const github = client(inputs, ctx, say);
  const { data: pull } = await github.rest.pulls.get({ ...ctx.repo, pull_number: claimed });
  if (pull.head.sha !== run.headSha) {
    throw new Error(
      `pull request #${claimed} is at ${pull.head.sha}, not at ${run.headSha}, the commit the run analysed: nothing is posted`,
    );
  }
  const files = await listPullFiles(github, ctx.repo, claimed);
  const result = readFlagResult(saved, {
    pullNumber: claimed,
    headSha: run.headSha,
    paths: new Set(files.map((f) => f.path)),
  });
  const delivered = await deliverFlags(github, {
    repo: ctx.repo,
    pullNumber: claimed,
    headSha: run.headSha,
    plan: result.plan,
    place: lineLinks(ctx, run.headSha),
    log: (l) => core.info(say(l)),
  });
  return {
    outcome: delivered.summary,
    pullNumber: claimed,
    plan: result.plan,
    headSha: run.headSha,
  };
}

function lineLinks(ctx: RunContext, sha: string) {
  const repo = `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}`;
  return {
    lineUrl: (path: string, line: number) =>
      `${repo}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}${line > 0 ? `#L${line}` : ''}`,
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
  };
}

export async function runFlag(
  inputs: ActionInputs,
  ctx: RunContext,
  places: FlagRunPlaces,
  say: (l: string) => string,
): Promise<void> {
  if (ctx.event === 'pull_request_target') throw new Error(TARGET_REFUSED);
  const posting = ctx.event === 'workflow_run';
  if (posting && !inputs.flagResult) {
    throw new Error(
      'mode `flag` on `workflow_run` posts a saved result: set `flag-result` to the file the `pull_request` run saved',
    );
  }
  const done = posting ? await post(inputs, ctx, say) : await analyse(inputs, ctx, places, say);
  const { plan } = done;
  const counts = countSeverities(plan.items);
  core.info(
    `mmseg-migrate: ${plural(plan.items.length, 'finding', 'findings')} on pull request #${done.pullNumber} ` +
      `(${counts.error} errors, ${counts.warning} warnings)`,
  );
  annotate(plan.items, core, {
    where: ctx.runUrl ? `see the job summary of ${ctx.runUrl}` : 'see the job summary',
  });
  const comment = renderFlagComment(plan, undefined, lineLinks(ctx, done.headSha)).body;
  writeFileSync(places.reportPath, comment);
  core.setOutput('pull-request-number', done.pullNumber);
  core.setOutput('pull-request-operation', 'none');
  core.setOutput(
    'files-changed',
    new Set(plan.items.filter((i) => i.rule.startsWith('FLAG-')).map((i) => i.file)).size,
  );
  core.setOutput('findings-errors', counts.error);
  core.setOutput('findings-warnings', counts.warning);
  core.setOutput('report-path', places.reportPath);
  await core.summary.addRaw(say(`${done.outcome}\n\n${comment}`), true).write();

  const failing = failingCount(counts, inputs.failOn);
  if (failing > 0) {
    core.setFailed(
      `mmseg-migrate found ${plural(failing, 'finding', 'findings')} at or above \`fail-on: ${inputs.failOn}\` on pull request #${done.pullNumber}`,
    );
  }
}
