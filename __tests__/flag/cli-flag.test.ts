/** `mmseg-migrate flag` through the real bundled CLI. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitDiff } from '../helpers/git-diff.js';

const bin = fileURLToPath(new URL('../../bin/mmseg-migrate.js', import.meta.url));
const README_BEFORE = '# Seg\n';
const README_AFTER =
  '# Seg\n\n```bash\npython tools/train.py configs/a.py --load-from ckpt.pth\n```\n';

let work: string;
let diff: string;

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, 'flag', ...args], { encoding: 'utf8', input });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cli-flag-'));
  mkdirSync(join(work, 'repo'));
  writeFileSync(join(work, 'repo', 'README.md'), README_AFTER);
  diff = gitDiff(new Map([['README.md', README_BEFORE]]), new Map([['README.md', README_AFTER]]));
  writeFileSync(join(work, 'pr.diff'), diff);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mmseg-migrate flag', () => {
  it('prints the findings on added lines and each suggestion as the lines it replaces', () => {
    const run = cli([join(work, 'repo'), '--patch', join(work, 'pr.diff')]);
    expect(run.stdout).toBe(
      'README.md:4: info CLI-TRAIN-003 `--load-from X` → `--cfg-options load_from=X`.\n' +
        'README.md:4: warning FLAG-001 MMSegmentation 0.x code: its 1.x form is suggested in a review comment\n' +
        'suggestion for README.md:4\n' +
        '  - python tools/train.py configs/a.py --load-from ckpt.pth\n' +
        '  + python tools/train.py configs/a.py --cfg-options load_from=ckpt.pth\n' +
        '2 findings (1 warning, 1 info); 1 suggestion.\n',
    );
    expect(run.status).toBe(0);
  });

  it('reads the diff from standard input, fails on warnings when asked, and writes the comment', () => {
    const report = join(work, 'comment.md');
    const run = cli(
      [join(work, 'repo'), '--patch', '-', '--fail-on', 'warning', '--report', report],
      diff,
    );
    expect(run.status).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain(
      '### mmseg-migrate: MMSegmentation 0.x code in this pull request',
    );
  });

  it('says nothing about 0.x lines the diff does not add', () => {
    const none = gitDiff(
      new Map([['README.md', README_AFTER]]),
      new Map([['README.md', `${README_AFTER}\nMore text.\n`]]),
    );
    writeFileSync(join(work, 'repo', 'README.md'), `${README_AFTER}\nMore text.\n`);
    try {
      const run = cli([join(work, 'repo'), '--patch', '-', '--json'], none);
      expect(JSON.parse(run.stdout)).toMatchObject({ items: [], suggestions: [], converted: [] });
      const file = cli(
        [join(work, 'repo'), '--patch', '-', '--json', '--filter-mode', 'file'],
        none,
      );
      expect(JSON.parse(file.stdout).items.map((i: { rule: string }) => i.rule)).toEqual([
        'CLI-TRAIN-003',
        'FLAG-001',
      ]);
    } finally {
      writeFileSync(join(work, 'repo', 'README.md'), README_AFTER);
    }
  });

  it('explains bad arguments with exit code 2', () => {
    expect(cli([join(work, 'repo')]).stderr).toContain(
      '--patch FILE (a unified diff, `-` for standard input) is required',
    );
    const mode = cli([join(work, 'repo'), '--patch', '-', '--filter-mode', 'changed'], diff);
    expect([mode.status, mode.stderr]).toEqual([
      2,
      'mmseg-migrate flag: --filter-mode takes added, diff_context, file, nofilter\n',
    ]);
    const missing = cli([join(work, 'repo'), '--patch', join(work, 'nope.diff')]);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      `mmseg-migrate flag: '${join(work, 'nope.diff')}' does not exist\n`,
    ]);
  });
});
