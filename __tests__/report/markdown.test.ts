import { escapeCell, renderMarkdown } from '../../src/report/markdown.js';
import type { MigrationReport } from '../../src/report/model.js';
import { ruleDoc } from '../../src/report/rule-docs.js';
import { f, largeReport, threeFileReport } from './fixtures.js';
import MarkdownIt from 'markdown-it';
import { markupProblems } from './markup.js';

/** A rule's summary as the renderer's tooltip shows it, for summaries with nothing to escape. */
function tip(id: string): string {
  const summary = ruleDoc(id)!.summary;
  expect(summary).toMatch(/^[^&<>"|`\n]*$/);
  return summary;
}

const EXPECTED_THREE_FILES = `**mmseg-migrate**: 2 files converted, 1 blocked, 3 need attention (2 errors, 1 warning, 2 info)

4 files scanned: 2 changed (2 configs), 1 unchanged, 1 blocked.

| File | Status | Errors | Warnings | Info |
| --- | --- | ---: | ---: | ---: |
| \`configs/deeplab/dl_r50.py\` | ⛔ blocked | 1 | 0 | 0 |
| \`configs/fcn/fcn_r50.py\` | ✅ converted | 0 | 1 | 2 |
| \`configs/_base_/models/fcn.py\` | ✅ converted | 0 | 0 | 0 |

<details>
<summary>Findings about the run: 1 error</summary>

| File | Line | Severity | Rule | Message |
| --- | ---: | --- | --- | --- |
| \`data/weights.py\` |  | ❌ error | <abbr title="${tip('IO-002')}">IO-002</abbr> | binary file (contains a NUL byte) |

</details>

<details>
<summary><code>configs/deeplab/dl_r50.py</code> — ⛔ blocked: 1 error</summary>

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 1 | ❌ error | <abbr title="${tip('INH-006')}">INH-006</abbr> | both bases define 'model' |

</details>

<details>
<summary><code>configs/fcn/fcn_r50.py</code> — ✅ converted: 1 warning, 2 info</summary>

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 9 | ⚠️ warning | <abbr title="${tip('LOOP-008')}">LOOP-008</abbr> | workflow is removed |

<details>
<summary>2 info findings</summary>

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 2 | ℹ️ info | <abbr title="${tip('LOOP-002')}">LOOP-002</abbr> | EpochBasedRunner |
| 4 | ℹ️ info | <abbr title="${tip('SCHED-020')}">SCHED-020</abbr> | lr\\_config = None |

</details>

</details>
`;

describe('renderMarkdown', () => {
  it('renders a small report whole: summary, file table with attention first, findings per file', () => {
    expect(renderMarkdown(threeFileReport())).toBe(EXPECTED_THREE_FILES);
    expect(markupProblems(EXPECTED_THREE_FILES)).toEqual([]);
  });

  it('puts a title above the summary and links file names when given a URL for them', () => {
    const md = renderMarkdown(threeFileReport(), {
      title: 'Migration to MMSegmentation 1.x',
      fileUrl: (p) => `https://github.com/o/r/blob/mmseg-migrate/${p}`,
    });
    expect(md.split('\n').slice(0, 3)).toEqual([
      '## Migration to MMSegmentation 1.x',
      '',
      '**mmseg-migrate**: 2 files converted, 1 blocked, 3 need attention (2 errors, 1 warning, 2 info)',
    ]);
    expect(md).toContain(
      '| [`configs/deeplab/dl_r50.py`](<https://github.com/o/r/blob/mmseg-migrate/configs/deeplab/dl_r50.py>) | ⛔ blocked | 1 | 0 | 0 |\n',
    );
  });

  it('says so when no file needed anything', () => {
    const report: MigrationReport = {
      root: '/r',
      files: [
        { path: 'a.py', role: 'config', status: 'unchanged', before: '', after: '', findings: [] },
      ],
      findings: [],
    };
    expect(renderMarkdown(report)).toBe(
      '**mmseg-migrate**: 0 files converted, 0 need attention (0 errors, 0 warnings, 0 info)\n\n' +
        '1 file scanned: 0 changed (0 configs), 1 unchanged, 0 blocked.\n\n' +
        'No file needed a change.\n',
    );
  });

  it('lists an unchanged file that has findings, and says "needs" for one file', () => {
    const report: MigrationReport = {
      root: '/r',
      files: [
        {
          path: 'configs/mixed.py',
          role: 'config',
          status: 'unchanged',
          before: '',
          after: '',
          findings: [f('DET-005', 'warning', 'configs/mixed.py', 3, 'runner next to train_cfg')],
        },
      ],
      findings: [],
    };
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe(
      '**mmseg-migrate**: 0 files converted, 1 needs attention (0 errors, 1 warning, 0 info)',
    );
    expect(md).toContain('| `configs/mixed.py` | unchanged | 0 | 1 | 0 |\n');
    expect(md).toContain('<summary><code>configs/mixed.py</code> — unchanged: 1 warning</summary>');
  });

  it('escapes hostile messages and paths so they neither break the table nor inject HTML', () => {
    const path = 'configs/we|rd_`x`.py';
    const hostile =
      'a | b `code` <script>alert(1)</script> **bold** [link](http://x) & ~~s~~\nsecond line';
    const report: MigrationReport = {
      root: '/r',
      files: [
        {
          path,
          role: 'config',
          status: 'changed',
          before: '',
          after: '',
          findings: [
            f('PIPE-003', 'warning', path, 4, hostile),
            f('NEW-001', 'error', path, 5, '|'),
          ],
        },
      ],
      findings: [],
    };
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).toContain(
      '| 4 | ⚠️ warning | <abbr title="' +
        '&#96;Resize(img_scale, multiscale_mode, ratio_range, keep_ratio, min_size)&#96; becomes ' +
        '&#96;Resize&#96;, &#96;RandomResize&#96; or &#96;RandomChoiceResize&#96;, always with ' +
        '&#96;keep_ratio&#96;.">PIPE-003</abbr> | ' +
        'a \\| b \\`code\\` &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* ' +
        '\\[link\\](http://x) &amp; \\~\\~s\\~\\~<br>second line |\n',
    );
    // An undocumented rule is shown as plain text, without a tooltip.
    expect(md).toContain('| 5 | ❌ error | NEW-001 | \\| |\n');
    expect(md).toContain('| configs/we\\|rd\\_\\`x\\`.py | ✅ converted | 1 | 1 | 0 |\n');
    expect(md).toContain('<summary><code>configs/we&#124;rd_&#96;x&#96;.py</code>');
    expect(markupProblems(md)).toEqual([]);
    // A GFM parser shows the message as the text it is, in one cell.
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).toContain(
      '<td>a | b `code` &lt;script&gt;alert(1)&lt;/script&gt; **bold** [link](http://x) &amp; ' +
        '~~s~~<br>second line</td>',
    );
    expect(html).toContain('<td>configs/we|rd_`x`.py</td>');
  });

  it('has a markup checker that sees broken tables and unbalanced blocks', () => {
    expect(markupProblems('| a | b |\n| --- | --- |\n| 1 | 2 |\n')).toEqual([]);
    expect(markupProblems('| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n')).toEqual([
      'line 3 has a wrong cell count',
    ]);
    expect(markupProblems('| a | b |\n| --- | --- |\n| 1 \\| 2 |\n')).toEqual([
      'line 3 has a wrong cell count',
    ]);
    expect(markupProblems('<details>\n<summary>x</summary>\n\ny\n')).toEqual([
      '1 <details> but 0 </details>',
    ]);
    expect(markupProblems('| a |\n| b |\n')).toEqual(['2 table lines but 0 rows']);
  });

  it('escapes every Markdown and HTML metacharacter of a cell', () => {
    expect(escapeCell('\\ ` * _ [ ] ~ | < > &')).toBe(
      '\\\\ \\` \\* \\_ \\[ \\] \\~ \\| &lt; &gt; &amp;',
    );
    expect(escapeCell('a\r\nb\nc')).toBe('a<br>b<br>c');
  });

  it('gives the summary and the file table alone without details', () => {
    const report = threeFileReport();
    const full = renderMarkdown(report);
    const brief = renderMarkdown(report, { details: false });
    expect(full.startsWith(brief.trimEnd())).toBe(true);
    expect(brief).not.toContain('<details>');
    expect(brief).toContain('| File |');
  });

  it('never mentions anyone: `@name` does not notify', () => {
    expect(escapeCell('see @open-mmlab and a@b')).toBe('see @\u200bopen-mmlab and a@\u200bb');
  });

  it('groups info findings per rule when listing them one by one does not fit', () => {
    const report = threeFileReport();
    const file = report.files[0];
    for (let line = 10; line < 40; line++) {
      file.findings.push(f('SCHED-020', 'info', file.path, line, 'lr_config = None'));
    }
    const whole = renderMarkdown(report);
    const md = renderMarkdown(report, {
      maxChars: whole.length - 1,
      detailsUrl: 'https://ci/run/7',
    });
    expect(md.length).toBeLessThan(whole.length);
    expect(md).toContain(
      '<details>\n<summary>32 info findings</summary>\n\n' +
        '| Rule | Count | Summary |\n| --- | ---: | --- |\n' +
        `| LOOP-002 | 1 | ${tip('LOOP-002')} |\n` +
        `| SCHED-020 | 31 | ${tip('SCHED-020')} |\n\n</details>\n`,
    );
    expect(
      md.endsWith(
        '**Shortened** to stay within ' +
          `${(whole.length - 1).toLocaleString('en-US')} characters: info findings are counted ` +
          'per rule; every finding is in [the full report](<https://ci/run/7>).\n',
      ),
    ).toBe(true);
    expect(markupProblems(md)).toEqual([]);
  });

  it('then keeps the findings of the first files only, and every file in the table', () => {
    const report = threeFileReport();
    const head = renderMarkdown(report).split('\n<details>')[0];
    // Room for the table, the run's block and the blocked file's block, not the third file's.
    const md = renderMarkdown(report, { maxChars: 1500, fullReportPath: 'report dir/full.md' });
    expect(md.length).toBeLessThanOrEqual(1500);
    expect(md.startsWith(head)).toBe(true);
    expect(md).toContain('<summary>Findings about the run: 1 error</summary>');
    expect(md).toContain('<summary><code>configs/deeplab/dl_r50.py</code>');
    expect(md).not.toContain('<summary><code>configs/fcn/fcn_r50.py</code>');
    expect(
      md.endsWith(
        '</details>\n\n**Shortened** to stay within 1,500 characters: info findings are counted ' +
          'per rule and the findings of 1 file are not shown (the table keeps each ' +
          "file's counts); every finding is in `report dir/full.md`.\n",
      ),
    ).toBe(true);
    expect(markupProblems(md)).toEqual([]);
  });

  it('says the run findings were left out when they are', () => {
    const report = threeFileReport();
    const md = renderMarkdown(report, { maxChars: 900 });
    expect(md).not.toContain('<details>');
    expect(md).toContain(
      'the findings of 2 files and of the run are not shown (the table keeps each ' +
        "file's counts); run `npx mmseg-migrate --json` for every finding.\n",
    );
    expect(md.length).toBeLessThanOrEqual(900);
  });

  it('then cuts the table, saying how many files it leaves out', () => {
    const md = renderMarkdown(threeFileReport(), { maxChars: 560 });
    expect(md).toBe(
      '**mmseg-migrate**: 2 files converted, 1 blocked, 3 need attention (2 errors, 1 warning, 2 info)\n\n' +
        '4 files scanned: 2 changed (2 configs), 1 unchanged, 1 blocked.\n\n' +
        '| File | Status | Errors | Warnings | Info |\n| --- | --- | ---: | ---: | ---: |\n' +
        '| `configs/deeplab/dl_r50.py` | ⛔ blocked | 1 | 0 | 0 |\n' +
        '| `configs/fcn/fcn_r50.py` | ✅ converted | 0 | 1 | 2 |\n\n' +
        '**Truncated** to stay within 560 characters: 1 more file is not listed and no ' +
        'findings are shown; run `npx mmseg-migrate --json` for every finding.\n',
    );
  });

  it('falls back to the bare verdict under a limit smaller than any table', () => {
    expect(renderMarkdown(threeFileReport(), { maxChars: 200 })).toBe(
      'mmseg-migrate: 2 files converted, 1 blocked, 3 need attention (2 errors, 1 warning, 2 info)\n',
    );
    expect(renderMarkdown(threeFileReport(), { maxChars: 20 })).toBe('mmseg-migrate: 2 fil');
  });

  it("keeps 2,000 files × 20 findings within GitHub's 65,536 characters, valid and pointed to the full report", () => {
    const report = largeReport(2000, 20);
    const md = renderMarkdown(report, {
      detailsUrl: 'https://github.com/o/r/actions/runs/1',
      fullReportPath: 'mmseg-migrate-report.md',
    });
    expect(md.length).toBeLessThanOrEqual(65536);
    expect(md.length).toBeGreaterThan(60000);
    expect(md.split('\n')[0]).toBe(
      '**mmseg-migrate**: 1960 files converted, 40 blocked, 2000 need attention ' +
        '(2000 errors, 4000 warnings, 34000 info)',
    );
    expect(md).toMatch(
      /\n\*\*Truncated\*\* to stay within 65,536 characters: 1,\d{3} more files are not listed and no findings are shown; every finding is in \[the full report\]\(<https:\/\/github\.com\/o\/r\/actions\/runs\/1>\) and in `mmseg-migrate-report\.md`\.\n$/,
    );
    // The 40 blocked files come first.
    const rows = md.split('\n').filter((l) => l.startsWith('| `configs/'));
    expect(rows.slice(0, 40).every((r) => r.includes('⛔ blocked'))).toBe(true);
    expect(rows[40]).toContain('model_0000');
    const listed = rows.length;
    const said = Number(/: ([\d,]+) more files/.exec(md)![1].replace(',', ''));
    expect(listed + said).toBe(2000);
    expect(markupProblems(md)).toEqual([]);
  });

  it('keeps per-file findings for as many of 60 files as fit, the rest counted', () => {
    const report = largeReport(60, 20);
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(65536);
    const shown = md.match(/<summary><code>/g)!.length;
    const omitted = Number(/the findings of (\d+) files are not shown/.exec(md)![1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown + omitted).toBe(60);
    expect(md.split('\n').filter((l) => l.startsWith('| `configs/')).length).toBe(60);
    expect(markupProblems(md)).toEqual([]);
    // Without a limit, nothing is grouped or left out.
    const whole = renderMarkdown(report, { maxChars: Infinity });
    expect(whole.match(/<summary><code>/g)!.length).toBe(60);
    expect(whole.match(/ℹ️ info/g)!.length).toBe(60 * 17);
    expect(whole).not.toContain('Shortened');
    expect(markupProblems(whole)).toEqual([]);
  });

  it('is deterministic: the same report in any file order gives the same text', () => {
    const report = largeReport(300, 5);
    const shuffled: MigrationReport = {
      ...report,
      files: [...report.files].reverse().map((file) => ({
        ...file,
        findings: [...file.findings].reverse(),
      })),
    };
    const a = renderMarkdown(report, { maxChars: 20000 });
    expect(renderMarkdown(report, { maxChars: 20000 })).toBe(a);
    expect(renderMarkdown(shuffled, { maxChars: 20000 })).toBe(a);
  });
});
