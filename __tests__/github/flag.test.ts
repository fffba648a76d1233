/**
 * The pull-request bot (`mode: flag`) against an in-memory GitHub that
 * computes each pull request's files and patches from its two trees and
 * checks review comments the way GitHub does: the real migration of the head
 * checkout, the plan, and the delivery through nock; then `runFlag` itself
 * (the action's octokit sends with undici, which nock does not see, so over a
 * local HTTP server) for fork pull requests, read-only tokens and the
 * `workflow_run` poster.
 */
import nock from 'nock';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FLAG_MARKER } from '../../src/flag/comment.js';
import { planFlags, type FilterMode } from '../../src/flag/plan.js';
import { FLAG_RESULT_FILE, runFlag } from '../../src/action-flag.js';
import { createClient, type GitHubClient } from '../../src/github/client.js';
import { redact } from '../../src/github/errors.js';
import { deliverFlags } from '../../src/github/flag-deliver.js';
import { readFlagResult } from '../../src/github/flag-result.js';
import { readInputs } from '../../src/github/inputs.js';
import { listPullFiles } from '../../src/github/review.js';
import { readRunContext } from '../../src/github/run-context.js';
import { migrateRepository } from '../../src/migrate.js';
import { FakeGitHub } from './fake-github.js';
import { serveOverHttp, type HttpFake } from './serve-http.js';
import { serveWithNock } from './serve-nock.js';
import { checkOut, readOutputs } from '../helpers/action-step.js';
import { COMMAND_0X, COMMAND_1X, README, README_LOAD_FROM } from '../helpers/readme-fixture.js';

const TOKEN = 'ghs_FlagTestTokenThatMustNeverBeShown01234';
const REPO = { owner: 'octo', repo: 'seg' };
const R = '/repos/octo/seg';

/** A self-contained 0.x config the base branch already has. */
const LEGACY = `norm_cfg = dict(type='BN', requires_grad=True)
model = dict(
    type='EncoderDecoder',
    backbone=dict(type='ResNetV1c', depth=18, norm_cfg=norm_cfg),
    decode_head=dict(type='FCNHead', in_channels=512, channels=128, num_classes=6, norm_cfg=norm_cfg),
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))
dataset_type = 'CustomDataset'
data_root = 'data/tiles'
img_norm_cfg = dict(mean=[100.0, 110.0, 95.0], std=[50.0, 50.0, 50.0])
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='RandomFlip', prob=0.5),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
data = dict(
    samples_per_gpu=4,
    workers_per_gpu=2,
    train=dict(type=dataset_type, data_root=data_root, img_dir='img', ann_dir='ann', pipeline=train_pipeline))
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
runner = dict(type='IterBasedRunner', max_iters=20000)
`;

/** LEGACY with a comment added on line 9, between two lines the migration keeps as they are. */
const LEGACY_NOTED = LEGACY.replace(
  "dataset_type = 'CustomDataset'\n",
  "dataset_type = 'CustomDataset'\n# tiles are 512x512 crops of the aerial survey\n",
);

/** A new 0.x config a pull request adds. */
const NEW_CONFIG = `model = dict(
    type='EncoderDecoder',
    backbone=dict(type='ResNetV1c', depth=50),
    decode_head=dict(type='FCNHead', in_channels=2048, channels=512, num_classes=19),
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))
dataset_type = 'CityscapesDataset'
data_root = 'data/cityscapes'
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='RandomCrop', crop_size=(512, 1024)),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
data = dict(
    samples_per_gpu=2,
    workers_per_gpu=2,
    train=dict(type=dataset_type, data_root=data_root, img_dir='leftImg8bit/train', ann_dir='gtFine/train', pipeline=train_pipeline))
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=40000)
checkpoint_config = dict(by_epoch=False, interval=4000)
log_config = dict(interval=50, hooks=[dict(type='TextLoggerHook', by_epoch=False)])
`;

let fake: FakeGitHub;
let work: string;

function seed(origin?: string): void {
  fake = new FakeGitHub('octo', 'seg', 'main', origin);
  fake.commit('main', { 'README.md': README, 'configs/tiles_fcn.py': LEGACY }, 'the project');
}

/** A pull request from a new branch with `files` committed on it. */
function pullWith(files: Record<string, string>, headRepo?: string): number {
  fake.branch('feature', 'main');
  fake.commit('feature', files, 'changes');
  return fake.openPull('feature', 'main', headRepo ? { headRepo } : {});
}

/** The pull request's head tree written out, as `actions/checkout` of the head commit leaves it. */
function checkout(sha: string): string {
  const dir = mkdtempSync(join(work, 'checkout-'));
  checkOut(fake, sha, dir);
  return dir;
}

function headOf(number: number): string {
  return fake.refs.get(fake.pulls.find((p) => p.number === number)!.head)!;
}

function writes(): string[] {
  return fake.requests.filter((r) => r.method !== 'GET').map((r) => r.route);
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'mmseg-flag-'));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the bot through nock', () => {
  let client: GitHubClient;

  beforeEach(() => {
    nock.disableNetConnect();
    seed();
    serveWithNock(fake);
    client = createClient(TOKEN, { fetch: globalThis.fetch, retryUnitMs: 1 });
  });

  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** One run of the bot on pull request `number` at its current head. */
  async function flag(number: number, filterMode: FilterMode = 'added') {
    const headSha = headOf(number);
    const files = await listPullFiles(client, REPO, number);
    const report = await migrateRepository(checkout(headSha));
    const plan = planFlags(report, files, { filterMode });
    const delivered = await deliverFlags(client, { repo: REPO, pullNumber: number, headSha, plan });
    return { report, plan, delivered, headSha };
  }

  it('a pull request adding a 0.x config gets one sticky comment with the converted file, and no review', async () => {
    const n = pullWith({ 'configs/cityscapes_fcn.py': NEW_CONFIG });
    const { report, plan, delivered } = await flag(n);

    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `GET ${R}/issues/1/comments`,
      `POST ${R}/issues/1/comments`,
    ]);
    expect(fake.requests[0].url).toBe(`${R}/pulls/1/files?per_page=100`);
    expect(fake.reviews).toEqual([]);
    expect(fake.reviewComments).toEqual([]);
    expect(plan.suggestions).toEqual([]);
    expect(plan.items.filter((i) => i.rule.startsWith('FLAG-'))).toEqual([
      expect.objectContaining({
        rule: 'FLAG-002',
        file: 'configs/cityscapes_fcn.py',
        message:
          'this MMSegmentation 0.x config is added whole: its 1.x conversion is in the report comment',
      }),
    ]);
    expect(delivered.summary).toBe(
      'Pull request #1: 0 suggestions posted, 0 already on the pull request, 0 marked fixed, report comment created.',
    );

    const converted = report.files.find((f) => f.path === 'configs/cityscapes_fcn.py')!.after;
    expect(converted).toContain(
      "train_dataloader = dict(\n    batch_size=2,\n    num_workers=2,\n    persistent_workers=True,\n    sampler=dict(type='InfiniteSampler', shuffle=True),\n",
    );
    expect(converted).toContain(
      "train_cfg = dict(type='IterBasedTrainLoop', max_iters=40000, val_interval=1)\n",
    );
    expect(converted).toContain("optim_wrapper = dict(type='OptimWrapper', optimizer=optimizer)\n");
    expect(converted).not.toMatch(/samples_per_gpu|lr_config|runner =/);

    expect(fake.comments).toHaveLength(1);
    const body = fake.comments[0].body;
    expect(
      body.startsWith(
        `${FLAG_MARKER}\n### mmseg-migrate: MMSegmentation 0.x code in this pull request\n`,
      ),
    ).toBe(true);
    expect(body).toContain(
      '<details>\n<summary><code>configs/cityscapes_fcn.py</code> — as added here, converted for MMSegmentation 1.x</summary>\n\n' +
        `\`\`\`python\n${converted}\`\`\`\n\n</details>\n`,
    );
    expect(body.match(/<details>/g)).toHaveLength(1);
  });

  it('a pull request adding one 0.x command to the README gets one review comment suggesting the 1.x line', async () => {
    const n = pullWith({ 'README.md': README_LOAD_FROM });
    const { headSha, plan } = await flag(n);

    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `POST ${R}/pulls/1/reviews`,
      `GET ${R}/issues/1/comments`,
      `POST ${R}/issues/1/comments`,
    ]);
    const review = fake.requests[2].body as {
      commit_id: string;
      event: string;
      comments: Array<Record<string, unknown>>;
    };
    expect(review.commit_id).toBe(headSha);
    expect(review.event).toBe('COMMENT');
    expect(review.comments).toHaveLength(1);
    const { body, ...place } = review.comments[0];
    expect(place).toEqual({ path: 'README.md', line: 12, side: 'RIGHT' });
    expect(README_LOAD_FROM.split('\n')[11]).toBe(COMMAND_0X);
    const suggestion = String(body).match(/^(`{3,})suggestion\n([\s\S]*?)^\1$/m);
    expect(suggestion?.[2]).toBe(`${COMMAND_1X}\n`);
    expect(String(body)).toMatch(/^<!-- mmseg-migrate:suggestion [0-9a-f]{16} -->\n/);

    expect(fake.reviews).toEqual([
      expect.objectContaining({ pull: 1, commitId: headSha, state: 'COMMENTED' }),
    ]);
    expect(fake.reviewComments).toEqual([
      expect.objectContaining({ path: 'README.md', line: 12, side: 'RIGHT', startLine: null }),
    ]);
    expect(plan.items.map((i) => [i.rule, i.file, i.line])).toEqual([
      ['CLI-TRAIN-003', 'README.md', 12],
      ['FLAG-001', 'README.md', 12],
    ]);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body).toContain('1 fix is suggested in a review comment.\n');
    expect(fake.comments[0].body).not.toContain('<details>');
  });

  it('a rerun posts nothing; a push fixing the line edits the comment and marks the suggestion fixed; a rerun after that sends no write', async () => {
    const n = pullWith({ 'README.md': README_LOAD_FROM });
    await flag(n);
    const sticky = fake.comments[0].id;
    const suggestionId = fake.reviewComments[0].id;

    fake.requests.length = 0;
    const again = await flag(n);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `GET ${R}/issues/1/comments`,
    ]);
    expect(again.delivered.summary).toBe(
      'Pull request #1: 0 suggestions posted, 1 already on the pull request, 0 marked fixed, report comment unchanged.',
    );

    fake.commit(
      'feature',
      { 'README.md': README_LOAD_FROM.replace(COMMAND_0X, COMMAND_1X) },
      'fix',
    );
    const fixedHead = headOf(n);
    fake.requests.length = 0;
    const fixed = await flag(n);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `PATCH ${R}/pulls/comments/${suggestionId}`,
      `GET ${R}/issues/1/comments`,
      `PATCH ${R}/issues/comments/${sticky}`,
    ]);
    expect(fixed.plan.items).toEqual([]);
    expect(fixed.delivered.summary).toBe(
      'Pull request #1: 0 suggestions posted, 0 already on the pull request, 1 marked fixed, report comment updated.',
    );
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments).toHaveLength(1);
    // The fixed line is no longer the text the suggestion was made on: GitHub shows it outdated.
    const listed = fake.handle('GET', `${R}/pulls/1/comments`, undefined).body as Array<{
      line: number | null;
      original_line: number;
      body: string;
    }>;
    expect(listed).toHaveLength(1);
    expect(listed[0].line).toBeNull();
    expect(listed[0].original_line).toBe(12);
    const marked = listed[0].body;
    expect(marked).toMatch(
      new RegExp(
        `^<!-- mmseg-migrate:suggestion [0-9a-f]{16} fixed -->\\n✅ Fixed as of ${fixedHead.slice(0, 7)}\\.\\n\\n~~`,
      ),
    );
    expect(marked).not.toContain('```suggestion');

    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].id).toBe(sticky);
    const clear = fake.comments[0].body;
    expect(
      clear.startsWith(
        `${FLAG_MARKER}\n### mmseg-migrate: all clear ✅\n\nNo MMSegmentation 0.x code on the lines this pull request adds.\n`,
      ),
    ).toBe(true);
    expect(clear).toContain('Fixed since an earlier run:');
    expect(clear).toContain(
      '| ✅ | ~~README.md~~ | ~~FLAG-001~~ | ~~MMSegmentation 0.x code: its 1.x form is suggested in a review comment~~ |',
    );
    expect(clear).toContain('| ✅ | ~~README.md~~ | ~~CLI-TRAIN-003~~ |');

    fake.requests.length = 0;
    const rerun = await flag(n);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `GET ${R}/issues/1/comments`,
    ]);
    expect(rerun.delivered.summary).toBe(
      'Pull request #1: 0 suggestions posted, 0 already on the pull request, 0 marked fixed, report comment unchanged.',
    );
    expect(fake.comments[0].body).toBe(clear);
  });

  it('a pull request touching a 0.x config only on a line without findings gets nothing in added mode; file mode reports the file', async () => {
    const n = pullWith({ 'configs/tiles_fcn.py': LEGACY_NOTED });
    const added = await flag(n, 'added');
    expect(added.plan.items).toEqual([]);
    expect(added.plan.analysed).toBe(1);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `GET ${R}/issues/1/comments`,
    ]);
    expect(added.delivered.comment).toBe('none');

    fake.requests.length = 0;
    const file = await flag(n, 'file');
    // Most of the file's edits lie outside the one hunk, so the fix is the converted file, not suggestions.
    expect(writes()).toEqual([`POST ${R}/issues/1/comments`]);
    expect(file.plan.suggestions).toEqual([]);
    expect(file.plan.items.map((i) => [i.rule, i.line])).toEqual([
      ['FLAG-002', 2],
      ['HOOK-004', 2],
      ['LOG-001', 2],
      ['FLAG-002', 4],
      ['FLAG-002', 11],
      ['INH-014', 11],
      ['PREP-003', 12],
      ['FLAG-002', 16],
      ['DATA-008', 20],
      ['FLAG-002', 20],
      ['FLAG-002', 25],
      ['LOOP-001', 25],
    ]);
    const converted = file.report.files.find((f) => f.path === 'configs/tiles_fcn.py')!.after;
    expect(file.plan.converted).toEqual([
      { path: 'configs/tiles_fcn.py', text: converted, added: false },
    ]);
    expect(converted).toContain('# tiles are 512x512 crops of the aerial survey\n');
    expect(fake.comments[0].body).toContain(
      `${file.plan.items.length} findings in the files this pull request changes`,
    );
    expect(fake.comments[0].body).toContain(
      '<summary><code>configs/tiles_fcn.py</code> — converted for MMSegmentation 1.x</summary>',
    );
  });

  it('diff_context reports what the hunk shows around the added line; added does not', async () => {
    const n = pullWith({ 'configs/tiles_fcn.py': LEGACY_NOTED });
    const files = await listPullFiles(client, REPO, n);
    expect(files).toEqual([
      {
        path: 'configs/tiles_fcn.py',
        status: 'modified',
        patch: [
          '@@ -6,6 +6,7 @@',
          '     train_cfg=dict(),',
          "     test_cfg=dict(mode='whole'))",
          " dataset_type = 'CustomDataset'",
          '+# tiles are 512x512 crops of the aerial survey',
          " data_root = 'data/tiles'",
          ' img_norm_cfg = dict(mean=[100.0, 110.0, 95.0], std=[50.0, 50.0, 50.0])',
          ' train_pipeline = [',
        ].join('\n'),
      },
    ]);
    fake.requests.length = 0;

    const context = await flag(n, 'diff_context');
    expect(context.plan.items.map((i) => [i.rule, i.line])).toEqual([
      ['FLAG-001', 11],
      ['INH-014', 11],
      ['PREP-003', 12],
    ]);
    expect(writes()).toEqual([`POST ${R}/pulls/1/reviews`, `POST ${R}/issues/1/comments`]);
    const review = fake.requests.find((r) => r.method === 'POST')!.body as {
      comments: Array<Record<string, unknown>>;
    };
    expect(
      review.comments.map(({ body, ...place }) => [
        place,
        String(body).endsWith('```suggestion\n```\n'),
      ]),
    ).toEqual([[{ path: 'configs/tiles_fcn.py', line: 11, side: 'RIGHT' }, true]]);

    const added = planFlags(await migrateRepository(checkout(headOf(n))), files, {
      filterMode: 'added',
    });
    expect(added.items).toEqual([]);
    expect(added.suggestions).toEqual([]);
  });

  it('lists 300+ changed files over four pages and reports a finding in a file on the last page', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 319; i += 1) {
      files[`docs/notes/n${String(i).padStart(3, '0')}.md`] =
        `# Note ${i}\n\nNothing to migrate.\n`;
    }
    files['scripts/finetune.sh'] = `#!/bin/sh\n${COMMAND_0X}\n`;
    const n = pullWith(files);

    const { plan } = await flag(n);
    const pages = fake.requests.filter((r) => r.route === `GET ${R}/pulls/1/files`);
    expect(pages.map((r) => r.url)).toEqual([
      `${R}/pulls/1/files?per_page=100`,
      `${R}/pulls/1/files?per_page=100&page=2`,
      `${R}/pulls/1/files?per_page=100&page=3`,
      `${R}/pulls/1/files?per_page=100&page=4`,
    ]);
    expect(plan.analysed).toBe(320);
    expect(plan.suggestions.map((s) => [s.path, s.start, s.end, s.lines])).toEqual([
      ['scripts/finetune.sh', 2, 2, [COMMAND_1X]],
    ]);
    expect(fake.reviewComments.map((c) => [c.path, c.line])).toEqual([['scripts/finetune.sh', 2]]);
  });

  it('lists a pull request’s files in GitHub’s shape: added, modified, removed, renamed', () => {
    fake.commit('main', { 'docs/old.md': '# old\n' }, 'docs');
    fake.branch('feature', 'main');
    fake.commit(
      'feature',
      {
        'README.md': README_LOAD_FROM,
        'configs/new.py': 'a = 1\n',
        'configs/tiles_fcn.py': null,
        'docs/old.md': null,
        'docs/moved.md': '# old\n',
      },
      'x',
    );
    const n = fake.openPull('feature', 'main');
    const head = headOf(n);
    const listed = fake.handle('GET', `${R}/pulls/${n}/files?per_page=2`, undefined);

    expect(listed.headers).toEqual({
      link: `<https://api.github.com${R}/pulls/1/files?per_page=2&page=2>; rel="next", <https://api.github.com${R}/pulls/1/files?per_page=2&page=2>; rel="last"`,
    });
    expect(listed.body).toEqual([
      {
        sha: expect.stringMatching(/^[0-9a-f]{40}$/),
        filename: 'README.md',
        status: 'modified',
        additions: 6,
        deletions: 0,
        changes: 6,
        blob_url: `https://github.com/octo/seg/blob/${head}/README.md`,
        raw_url: `https://github.com/octo/seg/raw/${head}/README.md`,
        contents_url: `https://api.github.com${R}/contents/README.md?ref=${head}`,
        patch: [
          '@@ -5,3 +5,9 @@',
          ' ```bash',
          ' python tools/train.py configs/tiles_fcn.py',
          ' ```',
          '+',
          '+Fine-tune from a checkpoint:',
          '+',
          '+```bash',
          `+${COMMAND_0X}`,
          '+```',
        ].join('\n'),
      },
      expect.objectContaining({
        // `git hash-object` of the file's content.
        sha: '1337a530cbc1bd7d20aee2d80f1f174a9182417d',
        filename: 'configs/new.py',
        status: 'added',
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: '@@ -0,0 +1 @@\n+a = 1',
      }),
    ]);
    const rest = fake.handle('GET', `${R}/pulls/${n}/files?per_page=2&page=2`, undefined);
    expect(rest.body).toEqual([
      expect.objectContaining({
        filename: 'configs/tiles_fcn.py',
        status: 'removed',
        additions: 0,
        deletions: 24,
        changes: 24,
      }),
      expect.objectContaining({
        filename: 'docs/moved.md',
        status: 'renamed',
        previous_filename: 'docs/old.md',
        changes: 0,
      }),
    ]);
    expect((rest.body as Array<{ patch?: string }>)[0].patch).toMatch(
      /^@@ -1,24 \+0,0 @@\n-norm_cfg = dict\(type='BN', requires_grad=True\)\n/,
    );
    expect((rest.body as Array<Record<string, unknown>>)[1]).not.toHaveProperty('patch');
  });

  it('answers a review comment outside the diff with GitHub’s 422, and stores nothing', async () => {
    const n = pullWith({ 'README.md': README_LOAD_FROM });
    const head = headOf(n);
    const post = (comment: Record<string, unknown>) =>
      client.rest.pulls
        .createReview({
          ...REPO,
          pull_number: n,
          commit_id: head,
          event: 'COMMENT',
          body: 'x',
          comments: [{ body: 'y', side: 'RIGHT', ...comment } as never],
        })
        .then(
          () => 'created',
          (e: { status: number; response: { data: unknown } }) => [e.status, e.response.data],
        );
    const refused = (errors: string[]) => [
      422,
      {
        message: 'Unprocessable Entity',
        errors,
        documentation_url:
          'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
        status: '422',
      },
    ];
    // The hunk shows head lines 5–13: line 1 is outside it, configs/tiles_fcn.py is not in the pull request.
    expect(await post({ path: 'README.md', line: 1 })).toEqual(
      refused(['Line could not be resolved']),
    );
    expect(await post({ path: 'configs/tiles_fcn.py', line: 1 })).toEqual(
      refused(['Path could not be resolved']),
    );
    expect(await post({ path: 'README.md', line: 12, start_line: 2, start_side: 'RIGHT' })).toEqual(
      refused(['Pull request review thread start line must be part of the same hunk as the line.']),
    );
    expect(fake.reviews).toEqual([]);
    expect(await post({ path: 'README.md', line: 12, start_line: 5, start_side: 'RIGHT' })).toBe(
      'created',
    );
    expect(fake.reviewComments.map((c) => [c.startLine, c.line])).toEqual([[5, 12]]);
  });
});

describe('runFlag, as the action runs it', () => {
  let http: HttpFake;
  let summaryFile: string;
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY };

  beforeAll(async () => {
    http = await serveOverHttp(() => fake);
    // @actions/core reads the summary file's path once per process.
    summaryFile = join(mkdtempSync(join(tmpdir(), 'mmseg-flag-summary-')), 'summary.md');
    writeFileSync(summaryFile, '');
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
  });

  afterAll(async () => {
    await http.close();
    rmSync(dirname(summaryFile), { recursive: true, force: true });
    for (const [key, value] of [
      ['GITHUB_OUTPUT', saved.output],
      ['GITHUB_STEP_SUMMARY', saved.summary],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  beforeEach(() => seed(http.url));

  interface Step {
    error?: Error;
    failed: boolean;
    stdout: string;
    summary: string;
    outputs: Record<string, string>;
    reportPath: string;
  }

  /** One step: `event` with `payload`, the action's inputs over their defaults, on `workspace`. */
  async function step(
    event: string,
    payload: unknown,
    workspace: string,
    inputs: Record<string, string> = {},
  ): Promise<Step> {
    const runner = mkdtempSync(join(work, 'runner-'));
    const eventPath = join(runner, 'event.json');
    writeFileSync(eventPath, JSON.stringify(payload));
    const outputFile = join(runner, 'output');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    process.env.GITHUB_OUTPUT = outputFile;
    const ctx = readRunContext({
      GITHUB_REPOSITORY: 'octo/seg',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: http.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
    });
    const given: Record<string, string> = { token: TOKEN, ...inputs };
    const reportPath = join(runner, 'mmseg-migrate-report.md');
    const printed: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as never;
    let error: Error | undefined;
    try {
      await runFlag(
        readInputs((name) => given[name] ?? ''),
        ctx,
        { prefix: '', reportPath },
        (line) => redact(line, [TOKEN]),
      );
    } catch (e) {
      error = e as Error;
    } finally {
      process.stdout.write = write;
    }
    const failed = process.exitCode === 1;
    process.exitCode = undefined;
    const outputs = readOutputs(readFileSync(outputFile, 'utf8'));
    return {
      ...(error ? { error } : {}),
      failed,
      stdout: printed.join(''),
      summary: readFileSync(summaryFile, 'utf8'),
      outputs,
      reportPath,
    };
  }

  /** The fork's pull_request run: read-only token, nothing written, the result saved. */
  async function forkRun() {
    const n = pullWith({ 'README.md': README_LOAD_FROM }, 'mallory/seg');
    fake.denyWrites();
    const run = await step('pull_request', fake.pullEvent(n), checkout(headOf(n)));
    return { n, run };
  }

  it('a fork’s pull request: annotations, job summary and the result file, no write and no failure', async () => {
    const { n, run } = await forkRun();
    const resultPath = join(dirname(run.reportPath), FLAG_RESULT_FILE);

    expect(run.error).toBeUndefined();
    expect(run.failed).toBe(false);
    expect(fake.routes()).toEqual([`GET ${R}/pulls/1/files`]);
    const outcome =
      'Pull request #1 comes from the fork mallory/seg, whose `pull_request` token is read-only: ' +
      `nothing was written to it; the result is saved in ${resultPath} for a \`workflow_run\` workflow to post.`;
    expect(run.stdout).toContain(`::notice::${outcome}\n`);
    expect(run.stdout).toContain(
      '::warning title=mmseg-migrate FLAG-001,file=README.md,line=12::MMSegmentation 0.x code: its 1.x form is suggested in a review comment\n',
    );
    expect(run.stdout.match(/^::(warning|error) /gm)).toHaveLength(1);
    expect(
      run.summary.startsWith(
        `${outcome}\n\n### mmseg-migrate: MMSegmentation 0.x code in this pull request\n`,
      ),
    ).toBe(true);
    expect(run.outputs).toEqual({
      'flag-result-path': resultPath,
      'pull-request-number': '1',
      'pull-request-operation': 'none',
      'files-changed': '1',
      'findings-errors': '0',
      'findings-warnings': '1',
      'report-path': run.reportPath,
    });
    const result = readFlagResult(readFileSync(resultPath, 'utf8'), {
      pullNumber: n,
      headSha: headOf(n),
      paths: new Set(['README.md']),
    });
    expect(result.plan.suggestions.map((s) => [s.path, s.start, s.end, s.lines])).toEqual([
      ['README.md', 12, 12, [COMMAND_1X]],
    ]);
    for (const text of [run.stdout, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('a read-only token on the repository’s own pull request: the 403 on the review is a warning, not a failure', async () => {
    const n = pullWith({ 'README.md': README_LOAD_FROM });
    fake.denyWrites();
    const run = await step('pull_request', fake.pullEvent(n), checkout(headOf(n)));

    expect(run.error).toBeUndefined();
    expect(run.failed).toBe(false);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `POST ${R}/pulls/1/reviews`,
    ]);
    expect(run.stdout).toMatch(
      /^::warning::The token may not write to pull request #1 \(GitHub answered 403: Resource not accessible by integration.*\): nothing was written; the result is saved in /m,
    );
    expect(run.outputs['findings-warnings']).toBe('1');
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('workflow_run posts what the fork’s run saved, after checking the pull request’s head', async () => {
    const { n, run } = await forkRun();
    const saved = readFileSync(join(dirname(run.reportPath), FLAG_RESULT_FILE), 'utf8');
    const head = headOf(n);
    // The base repository's `workflow_run` token may write.
    fake.denyWrites(false);
    fake.requests.length = 0;
    const trusted = mkdtempSync(join(work, 'trusted-'));
    mkdirSync(join(trusted, 'artifact'));
    writeFileSync(join(trusted, 'artifact', FLAG_RESULT_FILE), saved);

    const post = await step('workflow_run', workflowRun(head), trusted, {
      'flag-result': `artifact/${FLAG_RESULT_FILE}`,
    });
    expect(post.error).toBeUndefined();
    expect(post.failed).toBe(false);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1`,
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `POST ${R}/pulls/1/reviews`,
      `GET ${R}/issues/1/comments`,
      `POST ${R}/issues/1/comments`,
    ]);
    expect(fake.reviewComments.map((c) => [c.path, c.line, c.commitId])).toEqual([
      ['README.md', 12, head],
    ]);
    expect(fake.reviewComments[0].body).toContain(`\`\`\`suggestion\n${COMMAND_1X}\n\`\`\`\n`);
    expect(
      fake.comments.map((c) => c.body.startsWith(`${FLAG_MARKER}\n### mmseg-migrate:`)),
    ).toEqual([true]);
    expect(post.outputs['pull-request-number']).toBe('1');
    expect(post.summary).toContain(
      'Pull request #1: 1 suggestion posted, 0 already on the pull request, 0 marked fixed, report comment created.',
    );
  });

  it('workflow_run refuses a tampered result and posts nothing', async () => {
    const { run } = await forkRun();
    const saved = JSON.parse(readFileSync(join(dirname(run.reportPath), FLAG_RESULT_FILE), 'utf8'));
    const head = headOf(1);
    fake.denyWrites(false);
    fake.branch('other', 'main');
    fake.commit('other', { 'docs/other.md': '# other\n' }, 'other');
    fake.openPull('other', 'main');

    const tampered: Array<[string, unknown, string]> = [
      [
        'another pull request',
        { ...saved, pullNumber: 2 },
        `pull request #2 is at ${headOf(2)}, not at ${head}, the commit the run analysed: nothing is posted`,
      ],
      [
        'another head commit',
        { ...saved, headSha: 'f'.repeat(40) },
        `the flag result file is not one mmseg-migrate wrote: it was made at ${'f'.repeat(40)}, not at the run's head ${head}`,
      ],
      [
        'a path the pull request does not change',
        {
          ...saved,
          plan: {
            ...saved.plan,
            suggestions: [{ ...saved.plan.suggestions[0], path: '.github/workflows/ci.yml' }],
          },
        },
        'the flag result file is not one mmseg-migrate wrote: .github/workflows/ci.yml is not a file of the pull request',
      ],
    ];
    for (const [what, result, message] of tampered) {
      const trusted = mkdtempSync(join(work, 'trusted-'));
      writeFileSync(join(trusted, FLAG_RESULT_FILE), JSON.stringify(result));
      fake.requests.length = 0;
      const post = await step('workflow_run', workflowRun(head), trusted, {
        'flag-result': FLAG_RESULT_FILE,
      });
      expect([what, post.error?.message]).toEqual([what, message]);
      expect([what, writes()]).toEqual([what, []]);
    }
    expect(fake.reviews).toEqual([]);
    expect(fake.comments).toEqual([]);
  });

  /** A `workflow_run` payload for a fork's run: GitHub lists no pull request for it. */
  function workflowRun(headSha: string) {
    return {
      action: 'completed',
      workflow_run: { id: 76, event: 'pull_request', head_sha: headSha, pull_requests: [] },
      repository: { full_name: 'octo/seg', default_branch: 'main' },
    };
  }
});
