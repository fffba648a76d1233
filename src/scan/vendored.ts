/**
 * Copies of the libraries themselves inside a repository (a research repo
 * that ships its own `mmseg/` or `mmcv/` package, as SegFormer does). Their
 * code is the 0.x library, not code that uses it: moving to 1.x means
 * installing the 1.x library, so their files are not rewritten.
 */
import { finding, type Finding } from '../report/findings.js';

const LIBRARIES = ['mmseg', 'mmcv'];

/** Files that only a copy of the package has, beside its `__init__.py`. */
const MARKERS: Record<string, string[]> = {
  mmseg: ['version.py', 'apis/__init__.py', 'models/builder.py'],
  mmcv: ['version.py', 'runner/__init__.py', 'ops/__init__.py'],
};

/** The folders (repo-relative, with a trailing `/`) that hold a copy of a library package. */
export function vendoredPackages(paths: Iterable<string>): string[] {
  const all = new Set(paths);
  const roots: string[] = [];
  for (const path of all) {
    const match = /^(?:(.*)\/)?([^/]+)\/__init__\.py$/.exec(path);
    if (!match || !LIBRARIES.includes(match[2])) continue;
    const root = `${match[1] ? `${match[1]}/` : ''}${match[2]}/`;
    if (MARKERS[match[2]].some((m) => all.has(`${root}${m}`))) roots.push(root);
  }
  return roots.sort();
}

/**
 * The test suite beside a copy of the library (`tests/` next to `mmseg/`, as
 * in a fork of MMSegmentation): it tests the 0.x library itself, so it moves
 * with the library, not with the tool's rewrites.
 */
export function libraryTests(paths: Iterable<string>, roots: readonly string[]): string[] {
  const all = [...paths];
  const tests = roots.map((root) => `${root.replace(/[^/]+\/$/, '')}tests/`);
  return [...new Set(tests)].filter((folder) => all.some((p) => p.startsWith(folder))).sort();
}

export function vendoredFinding(root: string, tests: readonly string[] = []): Finding {
  const name = root.replace(/\/$/, '').split('/').pop();
  const beside = tests.find((t) => t === `${root.replace(/[^/]+\/$/, '')}tests/`);
  const what = beside ? `its files and the tests beside it (${beside})` : 'its files';
  return finding(
    'DET-010',
    'warning',
    `${root}__init__.py`,
    0,
    `${root} is a copy of the ${name} package itself, so ${what} are left as they are: install the 1.x library instead and port whatever this copy changes`,
  );
}
