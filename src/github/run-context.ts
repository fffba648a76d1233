/**
 * What the runner tells a step about its run, from the `GITHUB_*` variables
 * and the event payload: the repository, the commit checked out, the event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repository } from './commit.js';

export interface RunContext {
  repo: Repository;
  event: string;
  /** `refs/heads/main`, `refs/pull/1/merge`, … */
  ref: string;
  sha: string;
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  /** The run's page, where its job summary and artifacts are. */
  runUrl?: string;
  /** From the event payload, when it names the repository. */
  defaultBranch?: string;
  /** The pull request of a `pull_request` or `pull_request_target` event. */
  pullRequest?: PullRequestEvent;
  /** The run that a `workflow_run` event reports on. */
  workflowRun?: WorkflowRunEvent;
}

export interface PullRequestEvent {
  number: number;
  headSha: string;
  /** `owner/name` of the head and base repositories; they differ for a fork. */
  headRepo: string;
  baseRepo: string;
}

export interface WorkflowRunEvent {
  headSha: string;
  /** The event that started that run, e.g. `pull_request`. */
  event: string;
  /** Pull requests GitHub lists for the run (none for a fork's). */
  pullNumbers: number[];
}

interface Payload {
  repository?: { default_branch?: string };
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  workflow_run?: { head_sha?: string; event?: string; pull_requests?: Array<{ number?: number }> };
}

function pullRequestOf(payload: Payload): PullRequestEvent | undefined {
  const pr = payload.pull_request;
  if (typeof pr?.number !== 'number' || typeof pr.head?.sha !== 'string') return undefined;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    // A deleted fork leaves `head.repo` null: it is not the base repository.
    headRepo: pr.head.repo?.full_name ?? '',
    baseRepo: pr.base?.repo?.full_name ?? '',
  };
}

function workflowRunOf(payload: Payload): WorkflowRunEvent | undefined {
  const run = payload.workflow_run;
  if (typeof run?.head_sha !== 'string') return undefined;
  return {
    headSha: run.head_sha,
    event: run.event ?? '',
    pullNumbers: (run.pull_requests ?? [])
      .map((p) => p.number)
      .filter((n): n is number => typeof n === 'number'),
  };
}

/** The head of a pull request lives in another repository than its base. */
export function isFork(pr: PullRequestEvent): boolean {
  return pr.headRepo.toLowerCase() !== pr.baseRepo.toLowerCase();
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: Payload = {};
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  }
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const ctx: RunContext = {
    repo: { owner, repo },
    event: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    ...(env.GITHUB_RUN_ID
      ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    ...(payload.repository?.default_branch
      ? { defaultBranch: payload.repository.default_branch }
      : {}),
  };
  const pullRequest = pullRequestOf(payload);
  if (pullRequest) ctx.pullRequest = pullRequest;
  const workflowRun = workflowRunOf(payload);
  if (workflowRun) ctx.workflowRun = workflowRun;
  return ctx;
}

/** The branch a `refs/heads/…` ref names. */
export function refBranch(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** What `actions/checkout` left in the workspace's `.git`: the repository and the commit. */
export interface Checkout {
  repo?: Repository;
  /** The checked-out branch, when HEAD is on one. */
  branch?: string;
  sha?: string;
}

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Reads `.git/config`'s `origin` URL on `serverUrl`'s host and `.git/HEAD`
 * (with `packed-refs`), as plain files: no `git` binary, and a shallow
 * checkout has them all.
 */
export function readCheckout(workspace: string, serverUrl: string): Checkout {
  const git = join(workspace, '.git');
  const out: Checkout = {};
  const config = readText(join(git, 'config'));
  const origin = config?.match(/\[remote "origin"\][^[]*?\burl\s*=\s*(\S+)/)?.[1];
  const host = new URL(serverUrl).host;
  const match = origin?.match(
    /^(?:https?:\/\/(?:[^@/]+@)?([^/]+)\/|git@([^:]+):)([^/]+)\/(.+?)(?:\.git)?\/?$/,
  );
  if (match && (match[1] ?? match[2]) === host) out.repo = { owner: match[3], repo: match[4] };
  const head = readText(join(git, 'HEAD'))?.trim();
  if (head?.startsWith('ref: ')) {
    const ref = head.slice('ref: '.length);
    out.branch = refBranch(ref);
    const loose = readText(join(git, ref))?.trim();
    const packed = readText(join(git, 'packed-refs'))
      ?.split('\n')
      .find((line) => line.endsWith(` ${ref}`))
      ?.split(' ')[0];
    const sha = loose ?? packed;
    if (sha && /^[0-9a-f]{40}$/.test(sha)) out.sha = sha;
  } else if (head && /^[0-9a-f]{40}$/.test(head)) {
    out.sha = head;
  }
  return out;
}

/** The repository the pull request goes to, and the branch and commit the files were read at. */
export interface Target {
  repo: Repository;
  branch?: string;
  sha?: string;
  defaultBranch?: string;
}

/**
 * The workflow's own repository, unless the workspace is a checkout of
 * another one (a matrix over repositories): then that one, at the branch
 * and commit checked out.
 */
export function deliveryTarget(ctx: RunContext, checkout: Checkout): Target {
  const other =
    checkout.repo &&
    (checkout.repo.owner.toLowerCase() !== ctx.repo.owner.toLowerCase() ||
      checkout.repo.repo.toLowerCase() !== ctx.repo.repo.toLowerCase());
  if (other && checkout.repo) {
    return {
      repo: checkout.repo,
      ...(checkout.branch ? { branch: checkout.branch } : {}),
      ...(checkout.sha ? { sha: checkout.sha } : {}),
    };
  }
  const branch = refBranch(ctx.ref);
  return {
    repo: ctx.repo,
    ...(branch ? { branch } : {}),
    ...(ctx.sha ? { sha: ctx.sha } : {}),
    ...(ctx.defaultBranch ? { defaultBranch: ctx.defaultBranch } : {}),
  };
}
