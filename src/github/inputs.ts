/**
 * The action's inputs, read and checked once, and the mode a run takes: an
 * explicit mode, or for `auto` the one that fits the event.
 */
import { FILTER_MODES, type FilterMode } from '../flag/plan.js';

export type Mode = 'migrate' | 'flag' | 'check';
import { FAIL_ON, type FailOn } from '../report/summary.js';

export type { FailOn };

export interface ActionInputs {
  token: string;
  mode: 'auto' | Mode;
  path: string;
  include?: string[];
  exclude?: string[];
  branch: string;
  /** Empty: the branch the workflow runs on, or the repository's default branch. */
  base: string;
  title: string;
  commitMessage: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  draft: boolean;
  dryRun: boolean;
  failOn: FailOn;
  /** Empty: a file in the runner's temporary folder. */
  reportPath: string;
  deleteBranch: boolean;
  /** `flag` mode: which findings are reported, by reviewdog's names. */
  filterMode: FilterMode;
  /**
   * `flag` mode under `workflow_run`: the result file a `pull_request` run
   * saved, to post on the pull request. Empty: analyse the workspace.
   */
  flagResult: string;
}

export const DEFAULTS = {
  mode: 'auto',
  path: '.',
  branch: 'mmseg-migrate/1.x',
  title: 'Migrate to MMSegmentation 1.x',
  commitMessage: 'Migrate to MMSegmentation 1.x',
  failOn: 'error',
} as const;

/** Reads one input as the runner passes it (`INPUT_<NAME>`), trimmed. */
export type InputReader = (name: string) => string;

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function lines(text: string): string[] | undefined {
  const out = text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return out.length > 0 ? out : undefined;
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`input \`${name}\` takes ${allowed.join(', ')}; got \`${value}\``);
}

function flag(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new Error(`input \`${name}\` takes true or false; got \`${value}\``);
}

export function readInputs(input: InputReader): ActionInputs {
  const get = (name: string) => input(name).trim();
  return {
    token: get('token'),
    mode: oneOf('mode', get('mode'), ['auto', 'migrate', 'flag', 'check'], DEFAULTS.mode),
    path: get('path') || DEFAULTS.path,
    include: lines(input('include')),
    exclude: lines(input('exclude')),
    branch: get('branch') || DEFAULTS.branch,
    base: get('base'),
    title: get('title') || DEFAULTS.title,
    commitMessage: input('commit-message').trim() || DEFAULTS.commitMessage,
    labels: list(input('labels')),
    assignees: list(input('assignees')),
    reviewers: list(input('reviewers')),
    draft: flag('draft', get('draft'), false),
    dryRun: flag('dry-run', get('dry-run'), false),
    failOn: oneOf('fail-on', get('fail-on'), FAIL_ON, DEFAULTS.failOn),
    reportPath: get('report-path'),
    deleteBranch: flag('delete-branch', get('delete-branch'), true),
    filterMode: oneOf('filter-mode', get('filter-mode'), FILTER_MODES, 'added'),
    flagResult: get('flag-result'),
  };
}

const MIGRATE_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch', 'repository_dispatch']);
const FLAG_EVENTS = new Set(['pull_request', 'pull_request_target', 'workflow_run']);

/** The mode of this run and, when `auto` chose it, why. */
export function chooseMode(
  asked: ActionInputs['mode'],
  event: string,
): { mode: Mode; note?: string } {
  if (asked !== 'auto') return { mode: asked };
  if (MIGRATE_EVENTS.has(event)) return { mode: 'migrate' };
  if (FLAG_EVENTS.has(event)) return { mode: 'flag' };
  return {
    mode: 'check',
    note: `mode \`auto\` on \`${event || 'an unknown event'}\`: running \`check\` (report only, no writes)`,
  };
}
