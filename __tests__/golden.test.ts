/**
 * Golden cases: each folder under `__tests__/cases/` holds a small
 * repository `before/`, the repository expected after `--write` in `after/`,
 * and the expected findings in `report.json`. The real CLI migrates a copy
 * of `before/`; running it again on the result must change nothing.
 * `GOLDEN_UPDATE=1 npm test` rewrites `after/` and `report.json` from the
 * tool's output, for review in the diff.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderFiles } from './helpers/folder-files.js';
import { caseNames, cliBin, repoRoot, updatingGolden } from './helpers/golden.js';

const cases = join(repoRoot, '__tests__', 'cases');

interface ExpectedFinding {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

function migrate(dir: string, ...flags: string[]) {
  const run = spawnSync(process.execPath, [cliBin, dir, '--json', '--fail-on', 'never', ...flags], {
    encoding: 'utf8',
  });
  if (run.status === null || run.status > 1) throw new Error(`CLI failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    files: { path: string; status: string; findings: ExpectedFinding[] }[];
    findings: ExpectedFinding[];
  };
  const findings = [...report.findings, ...report.files.flatMap((f) => f.findings)]
    .map(({ file, line, rule, severity }) => ({ file, line, rule, severity }))
    .sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule),
    );
  return { code: run.status, report, findings };
}

const names = caseNames(cases);

/** Rules no input can reach: safety nets for the tool's own mistakes. */
const UNREACHABLE: Record<string, string> = {
  'API-043': 'reported only if a Python rewrite would not parse; every rewrite is checked first',
};

function documentedRules(): string[] {
  const rulesDir = join(repoRoot, 'rules');
  return readdirSync(rulesDir)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => Object.keys(JSON.parse(readFileSync(join(rulesDir, n), 'utf8')).rules ?? {}));
}

describe('golden cases', () => {
  it('has cases', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it('cover every documented rule, in a case that reports it or says it shows it', () => {
    const covered = new Set<string>();
    for (const name of names) {
      const covers = join(cases, name, 'covers.txt');
      if (existsSync(covers)) {
        for (const id of readFileSync(covers, 'utf8').split(/\s+/)) if (id) covered.add(id);
      }
      const report = JSON.parse(readFileSync(join(cases, name, 'report.json'), 'utf8'));
      for (const f of report as ExpectedFinding[]) covered.add(f.rule);
    }
    // The pull-request bot's rules are shown by its own golden cases.
    const flagCases = join(repoRoot, '__tests__', 'flag-cases');
    for (const name of caseNames(flagCases)) {
      const expected = JSON.parse(readFileSync(join(flagCases, name, 'expected.json'), 'utf8'));
      for (const f of expected.findings as ExpectedFinding[]) covered.add(f.rule);
    }
    const documented = documentedRules();
    const missing = documented.filter((id) => !covered.has(id) && !(id in UNREACHABLE));
    expect(missing).toEqual([]);
    expect([...covered].filter((id) => !documented.includes(id))).toEqual([]);
  });

  describe.each(names)('%s', (name) => {
    const dir = join(cases, name);
    let work: string;
    let result: ReturnType<typeof migrate>;

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), `golden-${name}-`));
      cpSync(join(dir, 'before'), work, { recursive: true });
      result = migrate(work, '--write');
      if (updatingGolden) {
        rmSync(join(dir, 'after'), { recursive: true, force: true });
        cpSync(work, join(dir, 'after'), { recursive: true });
        writeFileSync(join(dir, 'report.json'), JSON.stringify(result.findings, null, 2) + '\n');
      }
    });

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('writes the expected files', () => {
      const expected = folderFiles(join(dir, 'after'));
      const actual = folderFiles(work);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of expected)
        expect({ path, text: actual.get(path) }).toEqual({ path, text });
    });

    it('reports the expected findings', () => {
      const expected = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      expect(result.findings).toEqual(expected);
    });

    it('changes nothing when run again on its output', () => {
      const again = migrate(work, '--check');
      expect(again.report.files.filter((f) => f.status === 'changed')).toEqual([]);
      expect(again.code).toBe(0);
    });
  });
});
