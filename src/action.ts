/**
 * The GitHub Action entry point: migrates the workspace, then, by mode,
 * delivers the result as one pull request (`migrate`), reviews a pull
 * request (`flag`, in its own module) or only reports it (`check`), always
 * with annotations, the job summary, the report file and the step outputs.
 */
import * as core from '@actions/core';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { runFlag } from './action-flag.js';
import { annotate } from './github/annotations.js';
import { createClient } from './github/client.js';
import type { FileChange } from './github/commit.js';
import { deliverMigration, type DeliveryResult } from './github/deliver.js';
import { describeFailure, redact } from './github/errors.js';
import { chooseMode, readInputs, type ActionInputs } from './github/inputs.js';
import {
  deliveryTarget,
  readCheckout,
  readRunContext,
  type RunContext,
  type Target,
} from './github/run-context.js';
import {
  commentText,
  fullReportText,
  jobSummaryText,
  pullRequestBody,
  type ReportPlace,
} from './github/texts.js';
import { migrateRepository } from './migrate.js';
import type { MigrationReport } from './report/model.js';
import { failingCount, plural, summarize } from './report/summary.js';

/** The migrated folder's path inside the repository, as a prefix: `''` or `sub/dir/`. */
function folderPrefix(workspace: string, root: string): string {
  const rel = relative(workspace, root);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`input \`path\` must be inside the workspace (${workspace})`);
  }
  return `${rel.split(sep).join('/')}/`;
}

function changesOf(report: MigrationReport, prefix: string): FileChange[] {
  return report.files
    .filter((f) => f.status === 'changed')
    .map((f) => ({
      path: `${prefix}${f.path}`,
      content: f.after,
      mode: statSync(join(report.root, f.path)).mode & 0o111 ? '100755' : '100644',
    }));
}

async function deliver(
  inputs: ActionInputs,
  ctx: RunContext,
  target: Target,
  report: MigrationReport,
  prefix: string,
  say: (line: string) => string,
): Promise<DeliveryResult> {
  if (!inputs.token) throw new Error('input `token` is empty: the `migrate` mode needs a token');
  const client = createClient(inputs.token, {
    baseUrl: ctx.apiUrl,
    log: (line) => core.info(say(line)),
  });
  const base =
    inputs.base ||
    target.branch ||
    target.defaultBranch ||
    (await client.rest.repos.get({ ...target.repo })).data.default_branch;
  // The files were read at this commit: when it is the base branch's, the commit builds on it.
  const baseSha = target.branch === base ? target.sha : undefined;
  if (!baseSha) {
    core.warning(
      say(
        `the workspace is not a checkout of ${base}: the commit is built on its head with the files read here`,
      ),
    );
  }
  const place: ReportPlace = {
    repositoryUrl: `${ctx.serverUrl}/${target.repo.owner}/${target.repo.repo}`,
    branch: inputs.branch,
    prefix,
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
    ...(baseSha ? { sha: baseSha } : {}),
  };
  core.info(`delivering to ${target.repo.owner}/${target.repo.repo}, base ${base}`);
  return deliverMigration(client, {
    repo: target.repo,
    base,
    ...(baseSha ? { baseSha } : {}),
    branch: inputs.branch,
    changes: changesOf(report, prefix),
    commitMessage: inputs.commitMessage,
    title: inputs.title,
    body: pullRequestBody(report, place),
    comment: commentText(report, place),
    labels: inputs.labels,
    assignees: inputs.assignees,
    reviewers: inputs.reviewers,
    draft: inputs.draft,
    deleteBranch: inputs.deleteBranch,
    log: (line) => core.info(say(line)),
    warn: (line) => core.warning(say(line)),
  });
}

export async function run(): Promise<void> {
  let token = '';
  // The token is never printed. The runner already masks `secrets.*`,
  // `github.token` and app tokens; every line below also passes through redact.
  const say = (line: string) => redact(line, [token]);
  try {
    const inputs = readInputs((name) => core.getInput(name));
    token = inputs.token;
    const ctx = readRunContext();
    const { mode, note } = chooseMode(inputs.mode, ctx.event);
    if (note) core.info(note);

    const root = resolve(ctx.workspace, inputs.path);
    const prefix = folderPrefix(ctx.workspace, root);
    const reportPath = inputs.reportPath
      ? resolve(ctx.workspace, inputs.reportPath)
      : join(process.env.RUNNER_TEMP || tmpdir(), 'mmseg-migrate-report.md');
    mkdirSync(dirname(reportPath), { recursive: true });
    if (mode === 'flag') {
      await runFlag(inputs, ctx, { prefix, reportPath }, say);
      return;
    }

    const report = await migrateRepository(root, {
      include: inputs.include,
      exclude: inputs.exclude,
    });
    const counts = summarize(report);
    core.info(
      `mmseg-migrate: ${plural(counts.changed, 'file', 'files')} to change, ${counts.blocked} blocked ` +
        `(${counts.findings.error} errors, ${counts.findings.warning} warnings)`,
    );
    writeFileSync(reportPath, fullReportText(report));

    const findings = [...report.findings, ...report.files.flatMap((f) => f.findings)];
    annotate(findings, core, {
      prefix,
      where: ctx.runUrl ? `see the job summary of ${ctx.runUrl}` : 'see the job summary',
    });

    let outcome: DeliveryResult | undefined;
    let outcomeLine: string;
    let failure: string | undefined;
    if (mode === 'migrate' && !inputs.dryRun) {
      try {
        outcome = await deliver(
          inputs,
          ctx,
          deliveryTarget(ctx, readCheckout(ctx.workspace, ctx.serverUrl)),
          report,
          prefix,
          say,
        );
        outcomeLine = outcome.pull ? `${outcome.summary} ${outcome.pull.url}` : outcome.summary;
      } catch (error) {
        failure = describeFailure(error, [token]);
        outcomeLine = `Delivery failed: ${failure}`;
      }
    } else if (mode === 'migrate') {
      outcomeLine = `Dry run: ${plural(counts.changed, 'file', 'files')} would be committed to \`${inputs.branch}\`; nothing was written to GitHub.`;
    } else {
      outcomeLine = `Check: ${plural(counts.changed, 'file still needs', 'files still need')} migrating; nothing was written to GitHub.`;
    }

    core.setOutput('pull-request-operation', outcome?.operation ?? 'none');
    if (outcome?.pull) {
      core.setOutput('pull-request-number', outcome.pull.number);
      core.setOutput('pull-request-url', outcome.pull.url);
    }
    core.setOutput('files-changed', counts.changed);
    core.setOutput('findings-errors', counts.findings.error);
    core.setOutput('findings-warnings', counts.findings.warning);
    core.setOutput('report-path', reportPath);
    await core.summary.addRaw(say(jobSummaryText(report, outcomeLine, ctx.runUrl)), true).write();

    if (failure) {
      core.setFailed(failure);
      return;
    }
    const failing = failingCount(counts.findings, inputs.failOn);
    if (failing > 0) {
      core.setFailed(
        `mmseg-migrate found ${plural(failing, 'finding', 'findings')} at or above \`fail-on: ${inputs.failOn}\``,
      );
    } else if (mode === 'check' && inputs.failOn !== 'never' && counts.changed > 0) {
      core.setFailed(
        `mmseg-migrate: ${plural(counts.changed, 'file still needs', 'files still need')} migrating (mode check)`,
      );
    }
  } catch (error) {
    core.setFailed(describeFailure(error, [token]));
  }
}

await run();
