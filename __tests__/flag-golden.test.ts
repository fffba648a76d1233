/**
 * Golden cases of the pull-request bot: each folder under
 * `__tests__/flag-cases/` holds a repository at a pull request's base
 * (`base/`) and head (`head/`), optionally `options.json`
 * (`{"filterMode": …}`) and `pr.diff` (the diff to use instead of the one
 * between the two folders), and `expected.json`: the findings, suggestions
 * and whole-file conversions the real CLI's `flag` verb reports. Applying
 * the suggestions and conversions to the head and running again must leave
 * nothing of the bot's to say. `GOLDEN_UPDATE=1` rewrites `expected.json`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderFiles } from './helpers/folder-files.js';
import { gitDiff } from './helpers/git-diff.js';
import { caseNames, cliBin, repoRoot, updatingGolden } from './helpers/golden.js';

const cases = join(repoRoot, '__tests__', 'flag-cases');

interface Plan {
  items: { file: string; line: number; rule: string; severity: string }[];
  suggestions: { path: string; start: number; end: number; lines: string[] }[];
  converted: { path: string; text: string; added: boolean }[];
}

interface Expected {
  findings: Plan['items'];
  suggestions: Plan['suggestions'];
  converted: string[];
}

function flag(dir: string, diff: string, filterMode: string): Plan {
  const patch = join(dir, '..', `${dir.split('/').pop()}.diff`);
  writeFileSync(patch, diff);
  const run = spawnSync(
    process.execPath,
    [
      cliBin,
      'flag',
      dir,
      '--patch',
      patch,
      '--json',
      '--fail-on',
      'never',
      '--filter-mode',
      filterMode,
    ],
    { encoding: 'utf8' },
  );
  rmSync(patch);
  if (run.status !== 0) throw new Error(`CLI failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Plan;
}

function expectedOf(plan: Plan): Expected {
  return {
    findings: plan.items.map(({ file, line, rule, severity }) => ({ file, line, rule, severity })),
    suggestions: plan.suggestions.map(({ path, start, end, lines }) => ({
      path,
      start,
      end,
      lines,
    })),
    converted: plan.converted.map((c) => c.path),
  };
}

/** The head with every suggestion applied and every converted file written, as a reviewer would. */
function applyPlan(dir: string, plan: Plan): void {
  for (const c of plan.converted) writeFileSync(join(dir, c.path), c.text);
  const byPath = new Map<string, Plan['suggestions']>();
  for (const s of plan.suggestions) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  for (const [path, suggestions] of byPath) {
    const text = readFileSync(join(dir, path), 'utf8');
    const lines = text.split('\n');
    for (const s of [...suggestions].sort((a, b) => b.start - a.start)) {
      lines.splice(s.start - 1, s.end - s.start + 1, ...s.lines);
    }
    writeFileSync(join(dir, path), lines.join('\n'));
  }
}

const names = caseNames(cases);

describe('flag golden cases', () => {
  it('has cases', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  describe.each(names)('%s', (name) => {
    const dir = join(cases, name);
    const options = existsSync(join(dir, 'options.json'))
      ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { filterMode?: string })
      : {};
    const filterMode = options.filterMode ?? 'added';
    let work: string;
    let plan: Plan;

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), `flag-${name}-`));
      cpSync(join(dir, 'head'), join(work, 'head'), { recursive: true });
      const diff = existsSync(join(dir, 'pr.diff'))
        ? readFileSync(join(dir, 'pr.diff'), 'utf8')
        : gitDiff(folderFiles(join(dir, 'base')), folderFiles(join(dir, 'head')));
      plan = flag(join(work, 'head'), diff, filterMode);
      if (updatingGolden) {
        writeFileSync(join(dir, 'expected.json'), JSON.stringify(expectedOf(plan), null, 2) + '\n');
      }
    });

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('reports the expected findings, suggestions and conversions', () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      expect(expectedOf(plan)).toEqual(expected);
    });

    // A case with its own pr.diff describes a checkout that is not the diff's head.
    const applicable = !existsSync(join(dir, 'pr.diff'));
    (applicable ? it : it.skip)(
      'has nothing left to flag once its suggestions and conversions are applied',
      () => {
        applyPlan(join(work, 'head'), plan);
        // FLAG-004's fix is the repository's migration, as its message says.
        if (plan.items.some((i) => i.rule === 'FLAG-004')) {
          const run = spawnSync(
            process.execPath,
            [cliBin, join(work, 'head'), '--write', '--fail-on', 'never'],
            { encoding: 'utf8' },
          );
          expect(run.status).toBe(0);
        }
        const diff = gitDiff(folderFiles(join(dir, 'base')), folderFiles(join(work, 'head')));
        const again = flag(join(work, 'head'), diff, filterMode);
        expect(again.items.filter((i) => i.rule.startsWith('FLAG-'))).toEqual([]);
        expect(again.suggestions).toEqual([]);
        expect(again.converted).toEqual([]);
      },
    );
  });
});
