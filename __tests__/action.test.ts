/**
 * The bundled action (`dist/index.js`, what `action.yml` runs) as a child
 * process with the environment GitHub Actions gives a step, against a local
 * HTTP server that answers like GitHub's REST API, on a copy of `examples/`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMIT_TRAILER } from '../src/github/branch.js';
import { REPORT_MARKER } from '../src/github/comment.js';
import { migrateRepository } from '../src/migrate.js';
import { summarize } from '../src/report/summary.js';
import { FakeGitHub } from './github/fake-github.js';
import { serveOverHttp, type HttpFake } from './github/serve-http.js';
import {
  actionYml as action,
  runActionStep,
  stepTexts,
  type ActionStep,
} from './helpers/action-step.js';
import { folderFiles } from './helpers/folder-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'ghs_E2eTokenThatMustNeverAppearInOutput9876';

let http: HttpFake;
let fake: FakeGitHub;
let work: string;
let workspace: string;
let baseSha: string;

beforeAll(async () => {
  http = await serveOverHttp(() => fake);
  work = mkdtempSync(join(tmpdir(), 'mmseg-action-'));
  workspace = join(work, 'repo');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  fake = new FakeGitHub('octo', 'seg', 'main', http.url);
  baseSha = fake.commit('main', Object.fromEntries(folderFiles(workspace)), 'the 0.x project');
});

afterAll(async () => {
  await http.close();
  rmSync(work, { recursive: true, force: true });
});

/** One step on `event` at the base commit, with `inputs` over action.yml's defaults. */
function runStep(event: string, inputs: Record<string, string>, name: string): Promise<ActionStep> {
  return runActionStep({
    work,
    workspace,
    name,
    event,
    payload: { repository: { name: 'seg', owner: { login: 'octo' }, default_branch: 'main' } },
    ref: event === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    sha: baseSha,
    runId: '4242',
    apiUrl: http.url,
    token: TOKEN,
    inputs,
  });
}

const R = '/repos/octo/seg';
const BRANCH = 'mmseg-migrate/1.x';
const captured: string[] = [];

describe('the bundled action', () => {
  it('declares node24, its entry point, and the inputs and outputs of the issue', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual([
      'token',
      'mode',
      'path',
      'include',
      'exclude',
      'branch',
      'base',
      'title',
      'commit-message',
      'labels',
      'assignees',
      'reviewers',
      'draft',
      'dry-run',
      'fail-on',
      'report-path',
      'filter-mode',
      'flag-result',
      'delete-branch',
    ]);
    expect(action.inputs.branch.default).toBe('mmseg-migrate/1.x');
    expect(Object.keys(action.outputs)).toEqual([
      'pull-request-number',
      'pull-request-url',
      'pull-request-operation',
      'files-changed',
      'findings-errors',
      'findings-warnings',
      'report-path',
      'flag-result-path',
    ]);
  });

  it('on workflow_dispatch: commits the migration in one tree, opens the pull request, comments, writes outputs and summary', async () => {
    const expected = await migrateRepository(workspace);
    const counts = summarize(expected);
    const changed = expected.files.filter((f) => f.status === 'changed');

    const step = await runStep(
      'workflow_dispatch',
      { labels: 'migration', 'fail-on': 'never' },
      'first',
    );
    captured.push(...stepTexts(step));

    expect(step.stderr).toBe('');
    expect(step.status).toBe(0);
    expect(fake.routes()).toEqual([
      `GET ${R}/git/commits/${baseSha}`,
      `GET ${R}/compare/${baseSha}...${BRANCH}`,
      `POST ${R}/git/trees`,
      `POST ${R}/git/commits`,
      `POST ${R}/git/refs`,
      `POST ${R}/pulls`,
      `POST ${R}/issues/1/labels`,
      `POST ${R}/issues/1/comments`,
    ]);

    const tree = fake.requests[2].body as {
      base_tree: string;
      tree: Array<{ path: string; mode: string; type: string; content: string }>;
    };
    expect(tree.base_tree).toBe(fake.commits.get(baseSha)!.tree);
    expect(tree.tree.map((e) => e.path).sort()).toEqual(changed.map((f) => f.path).sort());
    expect(tree.tree.length).toBe(counts.changed);
    expect(tree.tree.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py',
        'configs/_base_/default_runtime.py',
        'scripts/train_all.sh',
        'README.md',
      ]),
    );
    for (const entry of tree.tree) {
      expect(entry.type).toBe('blob');
      expect(entry.content).toBe(changed.find((f) => f.path === entry.path)!.after);
      const executable = (statSync(join(workspace, entry.path)).mode & 0o111) !== 0;
      expect(entry.mode).toBe(executable ? '100755' : '100644');
    }
    expect(tree.tree.find((e) => e.path === 'scripts/train_all.sh')!.mode).toBe('100755');

    const head = fake.refs.get(BRANCH)!;
    expect(fake.commits.get(head)!.parents).toEqual([baseSha]);
    expect(fake.commits.get(head)!.message).toBe(
      `Migrate to MMSegmentation 1.x\n\n${COMMIT_TRAILER}\n`,
    );
    const pullRequest = fake.requests[5].body as Record<string, unknown>;
    expect(pullRequest).toMatchObject({
      title: 'Migrate to MMSegmentation 1.x',
      head: BRANCH,
      base: 'main',
      draft: false,
    });
    expect(String(pullRequest.body)).toContain(
      `**mmseg-migrate**: ${counts.changed} files converted`,
    );
    expect(String(pullRequest.body).length).toBeLessThanOrEqual(8000);
    expect(fake.pulls[0].labels).toEqual(['migration']);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body.startsWith(`${REPORT_MARKER}\n## mmseg-migrate report\n`)).toBe(
      true,
    );
    expect(fake.comments[0].body.length).toBeLessThanOrEqual(65536);

    expect(step.outputs).toEqual({
      'pull-request-operation': 'created',
      'pull-request-number': '1',
      'pull-request-url': 'https://github.com/octo/seg/pull/1',
      'files-changed': String(counts.changed),
      'findings-errors': String(counts.findings.error),
      'findings-warnings': String(counts.findings.warning),
      'report-path': join(work, 'mmseg-migrate-report.md'),
    });
    expect(readFileSync(join(work, 'mmseg-migrate-report.md'), 'utf8')).toContain(
      '## mmseg-migrate report',
    );
    expect(step.summary).toContain(
      `Opened pull request #1 (${counts.changed} files). https://github.com/octo/seg/pull/1`,
    );
    expect(step.summary).toContain('## mmseg-migrate report');
    const firstError = expected.files
      .flatMap((f) => f.findings)
      .find((f) => f.severity === 'error' && f.line > 0)!;
    expect(step.stdout).toContain(
      `::error title=mmseg-migrate ${firstError.rule},file=${firstError.file},line=${firstError.line}::`,
    );
    const row = changed.find((f) => f.path === 'scripts/train_all.sh')!;
    const info = row.findings.filter((f) => f.severity === 'info').length;
    expect(step.summary).toContain(`| \`scripts/train_all.sh\` | ✅ converted | 0 | 0 | ${info} |`);
    expect(step.stdout.match(/^::(error|warning) /gm)).toHaveLength(
      counts.findings.error + counts.findings.warning,
    );
  });

  it('a second run with the same files changes nothing, and fail-on: error fails the step', async () => {
    fake.requests.length = 0;
    const step = await runStep('schedule', {}, 'second');
    captured.push(...stepTexts(step));

    expect(fake.routes()).toEqual([
      `GET ${R}/git/commits/${baseSha}`,
      `GET ${R}/compare/${baseSha}...${BRANCH}`,
      `GET ${R}/pulls`,
      `POST ${R}/git/trees`,
      `GET ${R}/issues/1/comments`,
    ]);
    expect(step.outputs['pull-request-operation']).toBe('none');
    expect(step.outputs['pull-request-number']).toBe('1');
    expect(step.summary).toContain('Left unchanged pull request #1');
    expect(step.status).toBe(1);
    const errors = summarize(await migrateRepository(workspace)).findings.error;
    expect(errors).toBeGreaterThan(0);
    expect(step.stdout).toContain(
      `::error::mmseg-migrate found ${errors} finding${errors === 1 ? '' : 's'} at or above \`fail-on: error\``,
    );
  });

  it('mode check on pull_request: reports only and sends no request', async () => {
    fake.requests.length = 0;
    const step = await runStep('pull_request', { mode: 'check', 'fail-on': 'never' }, 'third');
    captured.push(...stepTexts(step));

    expect(fake.requests).toEqual([]);
    expect(step.status).toBe(0);
    expect(step.stdout).not.toContain('mode `auto`');
    expect(step.outputs['pull-request-operation']).toBe('none');
    expect(step.outputs['pull-request-number']).toBeUndefined();
    expect(step.summary).toContain('still need migrating; nothing was written to GitHub.');
  });

  it('a 403 on opening the pull request fails with the setting to change', async () => {
    fake.pulls.length = 0;
    fake.refs.delete(BRANCH);
    fake.fail('POST', /\/pulls$/, {
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        status: '403',
      },
    });
    const step = await runStep('workflow_dispatch', { 'fail-on': 'never' }, 'fourth');
    captured.push(...stepTexts(step));

    expect(step.status).toBe(1);
    expect(step.stdout).toContain(
      '::error::GitHub Actions is not permitted to create pull requests in this repository. Allow it under Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"',
    );
    expect(step.outputs['pull-request-operation']).toBe('none');
  });

  it('never shows the token in any output, summary or file it writes', () => {
    expect(captured.length).toBe(16);
    for (const text of captured) expect(text).not.toContain(TOKEN);
    expect(readFileSync(join(work, 'mmseg-migrate-report.md'), 'utf8')).not.toContain(TOKEN);
    // It was sent, as the authorization header of every request.
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });
});
