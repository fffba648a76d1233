/**
 * Inputs as the runner passes them, the mode each event gets, failure
 * messages, and which repository a run delivers to.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chooseMode, readInputs } from '../../src/github/inputs.js';
import { describeFailure, redact, WORKFLOW_PERMISSION_HELP } from '../../src/github/errors.js';
import { deliveryTarget, readCheckout } from '../../src/github/run-context.js';

function reader(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

describe('readInputs', () => {
  it('applies the defaults to empty inputs', () => {
    expect(readInputs(reader({ token: 't' }))).toEqual({
      token: 't',
      mode: 'auto',
      path: '.',
      include: undefined,
      exclude: undefined,
      branch: 'mmseg-migrate/1.x',
      base: '',
      title: 'Migrate to MMSegmentation 1.x',
      commitMessage: 'Migrate to MMSegmentation 1.x',
      labels: [],
      assignees: [],
      reviewers: [],
      draft: false,
      dryRun: false,
      failOn: 'error',
      reportPath: '',
      deleteBranch: true,
      filterMode: 'added',
      flagResult: '',
    });
  });

  it("takes reviewdog's filter modes and refuses others", () => {
    expect(readInputs(reader({ 'filter-mode': 'diff_context' })).filterMode).toBe('diff_context');
    expect(() => readInputs(reader({ 'filter-mode': 'changed' }))).toThrow(
      'input `filter-mode` takes added, diff_context, file, nofilter; got `changed`',
    );
  });

  it('reads lists, globs and flags', () => {
    const inputs = readInputs(
      reader({
        labels: 'migration, mmseg\nbot',
        reviewers: 'alice\nocto/seg-team',
        include: 'configs/**\n\nscripts/**\n',
        draft: 'true',
        'delete-branch': 'false',
        'fail-on': 'warning',
        mode: 'check',
      }),
    );
    expect(inputs.labels).toEqual(['migration', 'mmseg', 'bot']);
    expect(inputs.reviewers).toEqual(['alice', 'octo/seg-team']);
    expect(inputs.include).toEqual(['configs/**', 'scripts/**']);
    expect([inputs.draft, inputs.deleteBranch, inputs.failOn, inputs.mode]).toEqual([
      true,
      false,
      'warning',
      'check',
    ]);
  });

  it('rejects values outside an input’s choices', () => {
    expect(() => readInputs(reader({ 'fail-on': 'always' }))).toThrow(
      'input `fail-on` takes never, error, warning; got `always`',
    );
    expect(() => readInputs(reader({ draft: 'maybe' }))).toThrow(
      'input `draft` takes true or false; got `maybe`',
    );
  });
});

describe('chooseMode', () => {
  it('migrates on push, schedule and workflow_dispatch, flags pull requests, checks otherwise and says why', () => {
    expect(chooseMode('auto', 'push')).toEqual({ mode: 'migrate' });
    expect(chooseMode('auto', 'schedule')).toEqual({ mode: 'migrate' });
    expect(chooseMode('auto', 'workflow_dispatch')).toEqual({ mode: 'migrate' });
    expect(chooseMode('auto', 'pull_request')).toEqual({ mode: 'flag' });
    expect(chooseMode('auto', 'workflow_run')).toEqual({ mode: 'flag' });
    expect(chooseMode('auto', 'issue_comment')).toEqual({
      mode: 'check',
      note: 'mode `auto` on `issue_comment`: running `check` (report only, no writes)',
    });
    expect(chooseMode('flag', 'push').mode).toBe('flag');
    expect(chooseMode('migrate', 'pull_request')).toEqual({ mode: 'migrate' });
    expect(chooseMode('auto', 'issue_comment').mode).toBe('check');
  });
});

describe('failure messages', () => {
  const failure = (status: number, message: string) => ({
    status,
    message,
    response: { data: { message } },
  });

  it('explains a refused workflow-file update', () => {
    const message =
      'refusing to allow a GitHub App to create or update workflow `.github/workflows/train.yml` without `workflows` permission';
    expect(describeFailure(failure(422, message), [])).toBe(
      `GitHub refused to update the branch: ${WORKFLOW_PERMISSION_HELP}`,
    );
  });

  it('adds the permissions to grant to a 403 "Resource not accessible by integration"', () => {
    expect(describeFailure(failure(403, 'Resource not accessible by integration'), [])).toContain(
      'permissions: { contents: write, pull-requests: write }',
    );
  });

  it('removes the token from any message', () => {
    expect(redact('Bad credentials for ghs_abc and ghs_abc', ['ghs_abc'])).toBe(
      'Bad credentials for *** and ***',
    );
    expect(describeFailure(new Error('token ghs_abc rejected'), ['ghs_abc'])).toBe(
      'token *** rejected',
    );
  });
});

describe('the delivery target', () => {
  const ctx = {
    repo: { owner: 'octo', repo: 'runner' },
    event: 'schedule',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    workspace: '/w',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    defaultBranch: 'main',
  };

  function gitDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mmseg-checkout-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, '.git', path)), { recursive: true });
      writeFileSync(join(dir, '.git', path), text);
    }
    return dir;
  }

  it('is the checked-out repository at its branch and commit when it is not the workflow’s', () => {
    const sha = 'b'.repeat(40);
    const dir = gitDir({
      config:
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = https://github.com/octo/seg-models\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
      HEAD: 'ref: refs/heads/develop\n',
      'packed-refs': `# pack-refs with: peeled fully-peeled sorted\n${sha} refs/heads/develop\n`,
    });
    const checkout = readCheckout(dir, 'https://github.com');
    expect(checkout).toEqual({
      repo: { owner: 'octo', repo: 'seg-models' },
      branch: 'develop',
      sha,
    });
    expect(deliveryTarget(ctx, checkout)).toEqual({
      repo: { owner: 'octo', repo: 'seg-models' },
      branch: 'develop',
      sha,
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the workflow’s repository at GITHUB_REF and GITHUB_SHA otherwise', () => {
    const dir = gitDir({
      config: '[remote "origin"]\n\turl = git@github.com:octo/runner.git\n',
      HEAD: `${'c'.repeat(40)}\n`,
    });
    expect(readCheckout(dir, 'https://github.com')).toEqual({
      repo: { owner: 'octo', repo: 'runner' },
      sha: 'c'.repeat(40),
    });
    expect(deliveryTarget(ctx, readCheckout(dir, 'https://github.com'))).toEqual({
      repo: { owner: 'octo', repo: 'runner' },
      branch: 'main',
      sha: 'a'.repeat(40),
      defaultBranch: 'main',
    });
    // A remote on another host is not a repository of this server.
    const elsewhere = gitDir({
      config: '[remote "origin"]\n\turl = https://gitlab.com/octo/seg-models.git\n',
    });
    expect(readCheckout(elsewhere, 'https://github.com')).toEqual({});
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
