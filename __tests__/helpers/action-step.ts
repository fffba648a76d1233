/**
 * The bundled action (`dist/index.js`, what `action.yml` runs) as a child
 * process with the files and environment GitHub Actions gives a step, and
 * the workspace `actions/checkout` leaves for it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FakeGitHub } from '../github/fake-github.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `action.yml`, parsed: its runs, inputs (with their defaults) and outputs. */
export const actionYml = parse(readFileSync(join(root, 'action.yml'), 'utf8'));

export interface ActionStep {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface StepSetup {
  /** The runner's temporary folder (`RUNNER_TEMP`); the step's own files are written in it too. */
  work: string;
  workspace: string;
  /** Names the step's files, so that each step of a test keeps its own. */
  name: string;
  event: string;
  /** The event payload, as `GITHUB_EVENT_PATH` holds it. */
  payload: unknown;
  ref: string;
  sha: string;
  runId: string;
  apiUrl: string;
  /** What `${{ github.token }}`, the `token` input's default, stands for. */
  token: string;
  /** The inputs the workflow sets; the others take action.yml's defaults. */
  inputs: Record<string, string>;
}

/** Reads `GITHUB_OUTPUT`'s `name<<delimiter … delimiter` records. */
export function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

/** Runs dist/index.js as the runner would. */
export function runActionStep(setup: StepSetup): Promise<ActionStep> {
  const { work, name } = setup;
  const output = join(work, `${name}.output`);
  const summary = join(work, `${name}.summary`);
  const eventPath = join(work, `${name}.event.json`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(eventPath, JSON.stringify(setup.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_REPOSITORY: 'octo/seg',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_EVENT_NAME: setup.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: setup.ref,
    GITHUB_SHA: setup.sha,
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${setup.apiUrl}/graphql`,
    GITHUB_RUN_ID: setup.runId,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: work,
  };
  const inputs = actionYml.inputs as Record<string, { default?: string }>;
  for (const [key, spec] of Object.entries(inputs)) {
    const value =
      setup.inputs[key] ??
      (spec.default === '${{ github.token }}' ? setup.token : (spec.default ?? ''));
    env[`INPUT_${key.toUpperCase()}`] = value;
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) =>
      done({
        status,
        stdout,
        stderr,
        outputs: readOutputs(readFileSync(output, 'utf8')),
        summary: readFileSync(summary, 'utf8'),
      }),
    );
  });
}

/** What a step shows in the log, the job summary and its outputs: none of it may hold the token. */
export function stepTexts(step: ActionStep): string[] {
  return [step.stdout, step.stderr, step.summary, JSON.stringify(step.outputs)];
}

/** Writes commit `sha`'s tree into `dir`, as `actions/checkout` of that commit leaves it. */
export function checkOut(fake: FakeGitHub, sha: string, dir: string): void {
  for (const [path, entry] of fake.filesAt(sha)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), entry.content);
  }
}
