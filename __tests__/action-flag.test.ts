/**
 * The bundled action (`dist/index.js`) in `mode: auto` on `pull_request`
 * events, as a child process with the environment and event payload file
 * GitHub Actions gives a step, against a local HTTP server answering like
 * GitHub's REST API: the review with the suggestion, the sticky comment, the
 * outputs and job summary, a rerun that writes nothing, and a fork's run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLAG_MARKER } from '../src/flag/comment.js';
import { FakeGitHub } from './github/fake-github.js';
import { serveOverHttp, type HttpFake } from './github/serve-http.js';
import { checkOut, runActionStep, stepTexts, type ActionStep } from './helpers/action-step.js';
import { COMMAND_1X, README, README_LOAD_FROM } from './helpers/readme-fixture.js';

const TOKEN = 'ghs_E2eFlagTokenThatMustNeverAppearInOutput42';
const R = '/repos/octo/seg';

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
  headSha = fake.commit('feature', { 'README.md': README_LOAD_FROM }, 'fine-tuning');
  fake.openPull('feature', 'main');
  work = mkdtempSync(join(tmpdir(), 'mmseg-action-flag-'));
  // The head commit checked out, as actions/checkout with `ref: …head.sha` leaves it.
  workspace = join(work, 'repo');
  checkOut(fake, headSha, workspace);
});

afterAll(async () => {
  await http.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs dist/index.js as the runner would on a `pull_request` event with `payload`. */
async function runStep(
  payload: unknown,
  name: string,
  inputs: Record<string, string> = {},
  event = 'pull_request',
): Promise<ActionStep> {
  const step = await runActionStep({
    work,
    workspace,
    name,
    event,
    payload,
    ref: 'refs/pull/1/merge',
    sha: headSha,
    runId: '4343',
    apiUrl: http.url,
    token: TOKEN,
    inputs,
  });
  captured.push(...stepTexts(step));
  return step;
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
          '2 findings on the lines this pull request adds (1 warning, 1 info); 1 fix is suggested in a review comment.\n',
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

  it('refuses pull_request_target, whose write token must never meet the pull request’s code', async () => {
    fake.requests.length = 0;
    const step = await runStep(fake.pullEvent(1), 'target', {}, 'pull_request_target');

    expect(step.status).toBe(1);
    expect(fake.routes()).toEqual([]);
    expect(step.stdout).toContain(
      '::error::mode `flag` does not run under `pull_request_target`: that event has a write token',
    );
  });

  it('on workflow_run without a saved result, says which input to set and sends nothing', async () => {
    fake.requests.length = 0;
    const payload = {
      workflow_run: { head_sha: headSha, event: 'pull_request', pull_requests: [] },
    };
    const step = await runStep(payload, 'run-without-result', {}, 'workflow_run');

    expect(step.status).toBe(1);
    expect(fake.routes()).toEqual([]);
    expect(step.stdout).toContain(
      '::error::mode `flag` on `workflow_run` posts a saved result: set `flag-result` to the file the `pull_request` run saved',
    );
  });

  it('never shows the token in any output, summary or file it writes', () => {
    expect(captured.length).toBe(20);
    for (const text of captured) expect(text).not.toContain(TOKEN);
    for (const file of ['mmseg-migrate-report.md', 'mmseg-migrate-flag.json']) {
      expect(readFileSync(join(work, file), 'utf8')).not.toContain(TOKEN);
    }
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });
});
