/**
 * The bundled action (`dist/index.js`) in `mode: auto` on `pull_request`
 * events, as a child process with the environment and event payload file
 * GitHub Actions gives a step, against a local HTTP server answering like
 * GitHub's REST API: the review with the suggestion, the sticky comment, the
 * outputs and job summary, a rerun that writes nothing, and a fork's run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FLAG_MARKER } from '../src/flag/comment.js';
import { FakeGitHub } from './github/fake-github.js';
import { serveOverHttp, type HttpFake } from './github/serve-http.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'ghs_E2eFlagTokenThatMustNeverAppearInOutput42';
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const R = '/repos/octo/seg';

const README = `# Tiles segmentation

Training runs on one GPU:

\`\`\`bash
python tools/train.py configs/tiles_fcn.py
\`\`\`
`;
const COMMAND_0X = 'python tools/train.py configs/tiles_fcn.py --load-from ckpt.pth';
const COMMAND_1X = 'python tools/train.py configs/tiles_fcn.py --cfg-options load_from=ckpt.pth';
/** Line 12 is the 0.x command. */
const README_PR = `${README}
Fine-tune from a checkpoint:

\`\`\`bash
${COMMAND_0X}
\`\`\`
`;

interface Step {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

let http: HttpFake;
let fake: FakeGitHub;
let work: string;
let workspace: string;
let headSha: string;
const captured: string[] = [];

beforeAll(async () => {
  http = await serveOverHttp(() => fake);
  fake = new FakeGitHub('octo', 'seg', 'main', http.url);
  fake.commit('main', { 'README.md': README }, 'the project');
  fake.branch('feature', 'main');
  headSha = fake.commit('feature', { 'README.md': README_PR }, 'fine-tuning');
  fake.openPull('feature', 'main');
  work = mkdtempSync(join(tmpdir(), 'mmseg-action-flag-'));
  // The head commit checked out, as actions/checkout with `ref: …head.sha` leaves it.
  workspace = join(work, 'repo');
  for (const [path, entry] of fake.filesAt(headSha)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), entry.content);
  }
});

afterAll(async () => {
  await http.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs dist/index.js as the runner would on a `pull_request` event with `payload`. */
function runStep(
  payload: unknown,
  name: string,
  inputs: Record<string, string> = {},
): Promise<Step> {
  const output = join(work, `${name}.output`);
  const summary = join(work, `${name}.summary`);
  const eventPath = join(work, `${name}.event.json`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(eventPath, JSON.stringify(payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/seg',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_SHA: headSha,
    GITHUB_API_URL: http.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${http.url}/graphql`,
    GITHUB_RUN_ID: '4343',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: work,
  };
  for (const [key, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) {
    const value =
      inputs[key] ?? (spec.default === '${{ github.token }}' ? TOKEN : (spec.default ?? ''));
    env[`INPUT_${key.toUpperCase()}`] = value;
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => {
      const step = {
        status,
        stdout,
        stderr,
        outputs: readOutputs(readFileSync(output, 'utf8')),
        summary: readFileSync(summary, 'utf8'),
      };
      captured.push(step.stdout, step.stderr, step.summary, JSON.stringify(step.outputs));
      done(step);
    });
  });
}

describe('the bundled action on pull_request (mode auto → flag)', () => {
  it('posts one review with the suggestion and one sticky comment, and sets the outputs and the summary', async () => {
    const step = await runStep(fake.pullEvent(1, 'opened'), 'first');

    expect(step.stderr).toBe('');
    expect(step.status).toBe(0);
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
      body: string;
      comments: Array<{ path: string; line: number; side: string; body: string }>;
    };
    expect(review.commit_id).toBe(headSha);
    expect(review.event).toBe('COMMENT');
    expect(review.comments.map(({ path, line, side }) => ({ path, line, side }))).toEqual([
      { path: 'README.md', line: 12, side: 'RIGHT' },
    ]);
    expect(review.comments[0].body).toContain(`\n\`\`\`suggestion\n${COMMAND_1X}\n\`\`\`\n`);
    expect(fake.reviewComments.map((c) => [c.path, c.line, c.commitId])).toEqual([
      ['README.md', 12, headSha],
    ]);

    const sticky = fake.requests[4].body as { body: string };
    expect(
      sticky.body.startsWith(
        `${FLAG_MARKER}\n### mmseg-migrate: MMSegmentation 0.x code in this pull request\n\n` +
          '2 findings on the lines this pull request adds (1 warning, 1 info); 1 fix is suggested as review comments.\n',
      ),
    ).toBe(true);
    // Rows link to the head commit's blob.
    expect(sticky.body).toContain(
      `[\`README.md\`](<https://github.com/octo/seg/blob/${headSha}/README.md#L12>)`,
    );

    expect(step.outputs).toEqual({
      'flag-result-path': join(work, 'mmseg-migrate-flag.json'),
      'pull-request-number': '1',
      'pull-request-operation': 'none',
      'files-changed': '1',
      'findings-errors': '0',
      'findings-warnings': '1',
      'report-path': join(work, 'mmseg-migrate-report.md'),
    });
    expect(step.summary).toContain(
      'Pull request #1: 1 suggestion posted, 0 already on the pull request, 0 marked fixed, report comment created.',
    );
    expect(step.summary).toContain(
      '### mmseg-migrate: MMSegmentation 0.x code in this pull request',
    );
    expect(step.stdout).toContain(
      '::warning title=mmseg-migrate FLAG-001,file=README.md,line=12::MMSegmentation 0.x code: its 1.x form is suggested in a review comment',
    );
    const saved = JSON.parse(readFileSync(join(work, 'mmseg-migrate-flag.json'), 'utf8'));
    expect([saved.pullNumber, saved.headSha]).toEqual([1, headSha]);
  });

  it('a rerun on the same head sends no write', async () => {
    fake.requests.length = 0;
    const step = await runStep(fake.pullEvent(1), 'rerun');

    expect(step.status).toBe(0);
    expect(fake.routes()).toEqual([
      `GET ${R}/pulls/1/files`,
      `GET ${R}/pulls/1/comments`,
      `GET ${R}/issues/1/comments`,
    ]);
    expect(step.summary).toContain(
      'Pull request #1: 0 suggestions posted, 1 already on the pull request, 0 marked fixed, report comment unchanged.',
    );
  });

  it('a fork’s pull request: reads the files, writes nothing, says why', async () => {
    fake.requests.length = 0;
    const event = fake.pullEvent(1);
    const forked = {
      ...event,
      pull_request: {
        ...event.pull_request,
        head: {
          ...event.pull_request.head,
          repo: { ...event.pull_request.head.repo, full_name: 'mallory/seg' },
        },
      },
    };
    const step = await runStep(forked, 'fork');

    expect(step.status).toBe(0);
    expect(fake.routes()).toEqual([`GET ${R}/pulls/1/files`]);
    expect(step.stdout).toContain(
      '::notice::Pull request #1 comes from the fork mallory/seg, whose `pull_request` token is read-only: nothing was written to it',
    );
    expect(step.outputs['flag-result-path']).toBe(join(work, 'mmseg-migrate-flag.json'));
    expect(step.stdout).toContain(
      '::warning title=mmseg-migrate FLAG-001,file=README.md,line=12::',
    );
  });

  it('never shows the token in any output, summary or file it writes', () => {
    expect(captured.length).toBe(12);
    for (const text of captured) expect(text).not.toContain(TOKEN);
    for (const file of ['mmseg-migrate-report.md', 'mmseg-migrate-flag.json']) {
      expect(readFileSync(join(work, file), 'utf8')).not.toContain(TOKEN);
    }
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });
});
