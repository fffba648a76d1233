import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderDiff, renderDiffStat } from '../../src/report/diff.js';
import type { FileOutcome, MigrationReport } from '../../src/report/model.js';
import { threeFileReport } from './fixtures.js';

function outcome(path: string, before: string, after: string): FileOutcome {
  return { path, role: 'config', status: 'changed', before, after, findings: [] };
}

describe('renderDiff', () => {
  it('gives git-style unified diffs of the changed files, in path order', () => {
    expect(renderDiff(threeFileReport())).toBe(
      [
        'diff --git a/configs/_base_/models/fcn.py b/configs/_base_/models/fcn.py',
        '--- a/configs/_base_/models/fcn.py',
        '+++ b/configs/_base_/models/fcn.py',
        '@@ -1,3 +1,5 @@',
        " norm_cfg = dict(type='SyncBN')",
        "+data_preprocessor = dict(type='SegDataPreProcessor')",
        ' model = dict(',
        "-    type='EncoderDecoder')",
        "+    type='EncoderDecoder',",
        '+    data_preprocessor=data_preprocessor)',
        'diff --git a/configs/fcn/fcn_r50.py b/configs/fcn/fcn_r50.py',
        '--- a/configs/fcn/fcn_r50.py',
        '+++ b/configs/fcn/fcn_r50.py',
        '@@ -1,2 +1,2 @@',
        " _base_ = './base.py'",
        "-runner = dict(type='IterBasedRunner', max_iters=80000)",
        "+train_cfg = dict(type='IterBasedTrainLoop', max_iters=80000)",
        '',
      ].join('\n'),
    );
  });

  it('keeps three lines of context, splits distant hunks and marks a missing final newline', () => {
    const before = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join('\n');
    const after = before.replace('line2', 'LINE2').replace('line12', 'LINE12');
    const report: MigrationReport = {
      root: '/r',
      files: [outcome('x.py', before, after)],
      findings: [],
    };
    expect(renderDiff(report)).toBe(
      [
        'diff --git a/x.py b/x.py',
        '--- a/x.py',
        '+++ b/x.py',
        '@@ -1,5 +1,5 @@',
        ' line1',
        '-line2',
        '+LINE2',
        ' line3',
        ' line4',
        ' line5',
        '@@ -9,4 +9,4 @@',
        ' line9',
        ' line10',
        ' line11',
        '-line12',
        '\\ No newline at end of file',
        '+LINE12',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('is empty when nothing changed, and ignores blocked files', () => {
    const report = threeFileReport();
    report.files = report.files.filter((f) => f.status !== 'changed');
    report.files[0] = { ...report.files[0], after: 'something else\n' };
    expect(report.files[0].status).toBe('blocked');
    expect(renderDiff(report)).toBe('');
    expect(renderDiffStat(report)).toBe('');
  });

  it('applies with git apply and turns every old text into the new one', () => {
    const report: MigrationReport = {
      root: '/r',
      files: [
        ...threeFileReport().files,
        outcome(
          'tools/train.sh',
          'python tools/train.py $CFG\r\n',
          'python tools/train.py $CFG --amp\r\n',
        ),
        outcome('configs/new.py', '', 'a = 1\n'),
        outcome('configs/no_eol.py', 'x = 1', 'x = 2'),
      ],
      findings: [],
    };
    const dir = mkdtempSync(join(tmpdir(), 'mmseg-migrate-diff-'));
    try {
      for (const file of report.files) {
        mkdirSync(join(dir, dirname(file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.before);
      }
      writeFileSync(join(dir, 'all.patch'), renderDiff(report));
      execFileSync('git', ['apply', '--whitespace=nowarn', 'all.patch'], { cwd: dir });
      for (const file of report.files) {
        expect({ path: file.path, text: readFileSync(join(dir, file.path), 'utf8') }).toEqual({
          path: file.path,
          text: file.status === 'changed' ? file.after : file.before,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderDiffStat', () => {
  it('counts inserted and deleted lines per file and in total', () => {
    expect(renderDiffStat(threeFileReport())).toBe(
      ' configs/_base_/models/fcn.py | 4 +++-\n' +
        ' configs/fcn/fcn_r50.py       | 2 +-\n' +
        ' 2 files changed, 4 insertions(+), 2 deletions(-)\n',
    );
  });

  it('scales the bars of a large change to 40 columns', () => {
    const many = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `${tag}${i}\n`).join('');
    const report: MigrationReport = {
      root: '/r',
      files: [outcome('big.py', many(100, 'a'), many(100, 'b')), outcome('one.py', 'x\n', 'y\n')],
      findings: [],
    };
    expect(renderDiffStat(report)).toBe(
      ` big.py | 200 ${'+'.repeat(20)}${'-'.repeat(20)}\n` +
        ' one.py |   2 +-\n' +
        ' 2 files changed, 101 insertions(+), 101 deletions(-)\n',
    );
  });
});
