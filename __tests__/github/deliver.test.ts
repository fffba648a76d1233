/**
 * Every delivery flow against an in-memory GitHub reached through nock:
 * first run, update, idempotent rerun, nothing left, a human's commit, the
 * 403 and 422 answers, retries, and the request count for large migrations.
 */
import nock from 'nock';
import { COMMIT_TRAILER } from '../../src/github/branch.js';
import { createClient, type GitHubClient } from '../../src/github/client.js';
import { REPORT_MARKER } from '../../src/github/comment.js';
import type { FileChange } from '../../src/github/commit.js';
import { deliverMigration, type Delivery } from '../../src/github/deliver.js';
import { describeFailure, PULL_REQUEST_PERMISSION_HELP } from '../../src/github/errors.js';
import { FakeGitHub } from './fake-github.js';
import { serveWithNock } from './serve-nock.js';

const TOKEN = 'ghs_TestTokenThatMustNeverBeShown0123456789';
const BRANCH = 'mmseg-migrate/1.x';

let fake: FakeGitHub;
let client: GitHubClient;
let logged: string[];

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.commit(
    'main',
    { 'configs/a.py': "runner = dict(type='IterBasedRunner')\n", 'README.md': '# seg\n' },
    'init',
  );
  serveWithNock(fake);
  logged = [];
  client = createClient(TOKEN, {
    fetch: globalThis.fetch,
    retryUnitMs: 1,
    log: (l) => logged.push(l),
  });
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function change(path: string, content: string): FileChange {
  return { path, content, mode: '100644' };
}

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    repo: { owner: 'octo', repo: 'seg' },
    base: 'main',
    baseSha: fake.refs.get('main'),
    branch: BRANCH,
    changes: [change('configs/a.py', "train_cfg = dict(type='IterBasedTrainLoop')\n")],
    commitMessage: 'Migrate to MMSegmentation 1.x',
    title: 'Migrate to MMSegmentation 1.x',
    body: 'report summary v1',
    comment: 'full report v1',
    labels: ['migration'],
    assignees: ['alice'],
    reviewers: ['bob', 'octo/seg-team'],
    draft: false,
    deleteBranch: true,
    log: (l) => logged.push(l),
    ...overrides,
  };
}

const R = '/repos/octo/seg';

describe('deliverMigration', () => {
  it('first run: one tree, one commit, the branch, the pull request, its people and the report comment', async () => {
    const base = fake.refs.get('main')!;
    const result = await deliverMigration(client, delivery());

    expect(fake.routes()).toEqual([
      `GET ${R}/git/commits/${base}`,
      `GET ${R}/compare/${base}...${BRANCH}`,
      `POST ${R}/git/trees`,
      `POST ${R}/git/commits`,
      `POST ${R}/git/refs`,
      `POST ${R}/pulls`,
      `POST ${R}/issues/1/labels`,
      `POST ${R}/issues/1/assignees`,
      `POST ${R}/pulls/1/requested_reviewers`,
      `POST ${R}/issues/1/comments`,
    ]);
    const head = fake.refs.get(BRANCH)!;
    expect(result).toEqual({
      operation: 'created',
      summary: 'Opened pull request #1 (1 files).',
      pull: { number: 1, url: 'https://github.com/octo/seg/pull/1' },
      commit: head,
    });
    const commit = fake.commits.get(head)!;
    expect(commit.parents).toEqual([base]);
    expect(commit.message).toBe(`Migrate to MMSegmentation 1.x\n\n${COMMIT_TRAILER}\n`);
    expect(Object.fromEntries([...fake.filesAt(head)].map(([p, e]) => [p, e.content]))).toEqual({
      'configs/a.py': "train_cfg = dict(type='IterBasedTrainLoop')\n",
      'README.md': '# seg\n',
    });
    const treeRequest = fake.requests[2].body as { base_tree: string; tree: unknown[] };
    expect(treeRequest).toEqual({
      base_tree: fake.commits.get(base)!.tree,
      tree: [
        {
          path: 'configs/a.py',
          mode: '100644',
          type: 'blob',
          content: "train_cfg = dict(type='IterBasedTrainLoop')\n",
        },
      ],
    });
    expect(fake.requests[4].body).toEqual({ ref: `refs/heads/${BRANCH}`, sha: head });
    expect(fake.requests[5].body).toEqual({
      title: 'Migrate to MMSegmentation 1.x',
      body: 'report summary v1',
      head: BRANCH,
      base: 'main',
      draft: false,
      maintainer_can_modify: true,
    });
    expect(fake.requests[8].body).toEqual({ reviewers: ['bob'], team_reviewers: ['seg-team'] });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]).toMatchObject({
      labels: ['migration'],
      assignees: ['alice'],
      reviewers: ['bob'],
      teams: ['seg-team'],
    });
    expect(fake.comments.map((c) => c.body)).toEqual([`${REPORT_MARKER}\nfull report v1`]);
  });

  it('second run with new changes: the same pull request and the same comment, edited in place', async () => {
    await deliverMigration(client, delivery());
    const firstHead = fake.refs.get(BRANCH)!;
    fake.commit('main', { 'configs/b.py': "optimizer = dict(type='SGD')\n" }, 'add b');
    fake.requests.length = 0;

    const base = fake.refs.get('main')!;
    const result = await deliverMigration(
      client,
      delivery({
        baseSha: base,
        changes: [
          change('configs/a.py', "train_cfg = dict(type='IterBasedTrainLoop')\n"),
          change('configs/b.py', "optim_wrapper = dict(optimizer=dict(type='SGD'))\n"),
        ],
        body: 'report summary v2',
        comment: 'full report v2',
      }),
    );

    expect(fake.routes()).toEqual([
      `GET ${R}/git/commits/${base}`,
      `GET ${R}/compare/${base}...${BRANCH}`,
      `GET ${R}/pulls`,
      `POST ${R}/git/trees`,
      `POST ${R}/git/commits`,
      `PATCH ${R}/git/refs/heads/${BRANCH}`,
      `PATCH ${R}/pulls/1`,
      `GET ${R}/issues/1/comments`,
      `PATCH ${R}/issues/comments/5000`,
    ]);
    expect(result.operation).toBe('updated');
    expect(result.pull).toEqual({ number: 1, url: 'https://github.com/octo/seg/pull/1' });
    const head = fake.refs.get(BRANCH)!;
    expect(head).not.toBe(firstHead);
    expect(fake.commits.get(head)!.parents).toEqual([base]);
    expect(fake.filesAt(head).get('configs/b.py')!.content).toBe(
      "optim_wrapper = dict(optimizer=dict(type='SGD'))\n",
    );
    expect(fake.requests[5].body).toEqual({ sha: head, force: true });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0].body).toBe('report summary v2');
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]).toMatchObject({ id: 5000, body: `${REPORT_MARKER}\nfull report v2` });
  });

  it('a rerun with the same result commits nothing and posts nothing', async () => {
    await deliverMigration(client, delivery());
    const head = fake.refs.get(BRANCH);
    fake.requests.length = 0;

    const result = await deliverMigration(client, delivery());

    expect(result.operation).toBe('none');
    expect(result.commit).toBeUndefined();
    expect(fake.refs.get(BRANCH)).toBe(head);
    // The tree request returns the branch's own tree: nothing else is written.
    expect(fake.routes().filter((r) => !r.startsWith('GET'))).toEqual([`POST ${R}/git/trees`]);
    expect(fake.comments).toHaveLength(1);
  });

  it('nothing left to migrate on an open pull request: says so, closes it and deletes the branch', async () => {
    await deliverMigration(client, delivery());
    fake.requests.length = 0;

    const result = await deliverMigration(
      client,
      delivery({ changes: [], comment: 'full report, nothing to do' }),
    );

    expect(fake.routes()).toEqual([
      `GET ${R}/git/commits/${fake.refs.get('main')}`,
      `GET ${R}/compare/${fake.refs.get('main')}...${BRANCH}`,
      `GET ${R}/pulls`,
      `GET ${R}/issues/1/comments`,
      `PATCH ${R}/issues/comments/5000`,
      `PATCH ${R}/pulls/1`,
      `DELETE ${R}/git/refs/heads/${BRANCH}`,
    ]);
    expect(result.operation).toBe('closed');
    expect(result.pull?.number).toBe(1);
    expect(fake.pulls[0].state).toBe('closed');
    expect(fake.refs.has(BRANCH)).toBe(false);
    expect(fake.comments[0].body).toContain('Nothing is left to migrate on the base branch');
    expect(fake.comments[0].body).toContain('full report, nothing to do');
  });

  it('with delete-branch false, nothing left to migrate leaves the pull request and branch', async () => {
    await deliverMigration(client, delivery());
    const head = fake.refs.get(BRANCH);
    const result = await deliverMigration(client, delivery({ changes: [], deleteBranch: false }));
    expect(result.operation).toBe('none');
    expect(fake.pulls[0].state).toBe('open');
    expect(fake.refs.get(BRANCH)).toBe(head);
  });

  it('a branch with a human commit is not overwritten: the pull request is told, the operation is none', async () => {
    await deliverMigration(client, delivery());
    const human = fake.commit(
      BRANCH,
      { 'configs/a.py': '# fixed by hand\n' },
      'fix the loop by hand',
      'alice',
    );
    fake.requests.length = 0;

    const result = await deliverMigration(client, delivery({ comment: 'full report v2' }));

    expect(result.operation).toBe('none');
    expect(fake.refs.get(BRANCH)).toBe(human);
    expect(
      fake.routes().filter((r) => /git\/(trees|commits$|refs)/.test(r) && !r.startsWith('GET')),
    ).toEqual([]);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body).toContain(
      `has commits that mmseg-migrate did not make (\`${human.slice(0, 7)}\` by alice)`,
    );
    expect(fake.comments[0].body).toContain('full report v2');
    expect(result.summary).toBe(
      `the branch ${BRANCH} has 1 commit(s) not made by mmseg-migrate: left as it is; said so on pull request #1.`,
    );
  });

  it('a 403 on opening the pull request names the setting to change, without the token', async () => {
    fake.fail('POST', /\/pulls$/, {
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        status: '403',
      },
    });
    const failure = await deliverMigration(client, delivery()).then(
      () => undefined,
      (error: unknown) => error,
    );
    const message = describeFailure(failure, [TOKEN]);
    expect(message).toBe(PULL_REQUEST_PERMISSION_HELP);
    expect(message).toContain(
      'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"',
    );
    expect(JSON.stringify(failure)).not.toContain(TOKEN);
    expect(String((failure as Error).stack)).not.toContain(TOKEN);
    // One attempt: a 403 that is not a rate limit is not retried.
    expect(fake.routes().filter((r) => r === `POST ${R}/pulls`)).toHaveLength(1);
  });

  it('a 422 "A pull request already exists" uses the open one', async () => {
    await deliverMigration(client, delivery());
    // Another run opened the pull request after this one looked for it.
    fake.fail('GET', /\/pulls$/, { status: 200, body: [] });
    fake.requests.length = 0;
    fake.commit('main', { 'x.txt': 'x\n' }, 'move main');

    const result = await deliverMigration(
      client,
      delivery({ baseSha: fake.refs.get('main'), body: 'v2' }),
    );

    expect(fake.routes().filter((r) => r.includes('/pulls'))).toEqual([
      `GET ${R}/pulls`,
      `POST ${R}/pulls`,
      `GET ${R}/pulls`,
      `PATCH ${R}/pulls/1`,
    ]);
    expect(result.operation).toBe('updated');
    expect(result.pull?.number).toBe(1);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0].body).toBe('v2');
  });

  it('retries a 5xx and a secondary rate limit', async () => {
    fake.fail('POST', /\/git\/trees$/, { status: 502, body: { message: 'Server Error' } });
    fake.fail('POST', /\/git\/commits$/, {
      status: 403,
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: '403',
      },
      headers: { 'retry-after': '2' },
    });

    const result = await deliverMigration(client, delivery());

    expect(result.operation).toBe('created');
    const writes = fake
      .routes()
      .filter((r) => r === `POST ${R}/git/trees` || r === `POST ${R}/git/commits`);
    expect(writes).toEqual([
      `POST ${R}/git/trees`,
      `POST ${R}/git/trees`,
      `POST ${R}/git/commits`,
      `POST ${R}/git/commits`,
    ]);
    expect(logged).toContain(
      `GitHub secondary rate limit on POST /repos/{owner}/{repo}/git/commits: retrying in 2 s`,
    );
    expect(fake.commits.get(fake.refs.get(BRANCH)!)!.parents).toEqual([fake.refs.get('main')]);
  });

  it('a 2,000-file migration sends as many requests as a 2-file one', async () => {
    const files = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        change(`configs/m${i}.py`, `model = dict(type='EncoderDecoder', i=${i})\n`),
      );
    await deliverMigration(client, delivery({ changes: files(2) }));
    const small = fake.routes();

    fake = new FakeGitHub();
    fake.commit('main', { 'README.md': '# seg\n' }, 'init');
    nock.cleanAll();
    serveWithNock(fake);
    await deliverMigration(client, delivery({ changes: files(2000) }));
    const large = fake.routes();

    expect(small).toHaveLength(10);
    expect(large.map((r) => r.replace(/[0-9a-f]{40}/g, 'SHA'))).toEqual(
      small.map((r) => r.replace(/[0-9a-f]{40}/g, 'SHA')),
    );
    expect(fake.filesAt(fake.refs.get(BRANCH)!).size).toBe(2001);
  });

  it('splits a change set larger than one request into trees that build on each other', async () => {
    const changes = Array.from({ length: 5 }, (_, i) => change(`f${i}.txt`, 'x'.repeat(100)));
    await deliverMigration(client, delivery({ changes, treeChunkBytes: 250 }));
    const trees = fake.requests.filter((r) => r.route === `POST ${R}/git/trees`);
    const bodies = trees.map((t) => t.body as { base_tree: string; tree: Array<{ path: string }> });
    expect(bodies.map((b) => b.tree.map((e) => e.path))).toEqual([
      ['f0.txt', 'f1.txt'],
      ['f2.txt', 'f3.txt'],
      ['f4.txt'],
    ]);
    expect(bodies[0].base_tree).toBe(fake.commits.get(fake.refs.get('main')!)!.tree);
    expect(fake.commits.get(fake.refs.get(BRANCH)!)!.tree).not.toBe(bodies[2].base_tree);
    expect(fake.filesAt(fake.refs.get(BRANCH)!).size).toBe(7);
  });

  it('finds the sticky comment on a later page of a long conversation', async () => {
    await deliverMigration(client, delivery());
    // 150 comments by people come before the report comment: it is on the second page.
    const sticky = fake.comments.splice(0, 1)[0];
    fake.addComments(1, 150);
    fake.comments.push(sticky);
    fake.requests.length = 0;
    fake.commit('main', { 'y.txt': 'y\n' }, 'move main');

    await deliverMigration(
      client,
      delivery({ baseSha: fake.refs.get('main'), comment: 'full report v3' }),
    );

    expect(
      fake.requests.filter((r) => r.route === `GET ${R}/issues/1/comments`).map((r) => r.url),
    ).toEqual([
      `${R}/issues/1/comments?per_page=100`,
      `${R}/issues/1/comments?per_page=100&page=2`,
    ]);
    expect(fake.routes()).toContain(`PATCH ${R}/issues/comments/${sticky.id}`);
    expect(fake.comments).toHaveLength(151);
    expect(fake.comments.filter((c) => c.body.includes(REPORT_MARKER))).toEqual([
      { ...sticky, body: `${REPORT_MARKER}\nfull report v3` },
    ]);
  });

  it('sends the token only in the authorization header and never logs it', async () => {
    fake.fail('POST', /\/git\/trees$/, { status: 500, body: { message: 'Server Error' } });
    await deliverMigration(client, delivery());
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(TOKEN);
  });
});
