import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverFiles, isCandidateName } from '../../src/scan/discover.js';

let root: string;
let outside: string;

function write(base: string, path: string, text = 'x = 1\n'): void {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'discover-repo-'));
  outside = mkdtempSync(join(tmpdir(), 'discover-outside-'));
  for (const path of [
    'configs/fcn/fcn.py',
    'configs/_base_/models/fcn.py',
    'configs/legacy/old.py',
    'tools/dist_train.sh',
    'tools/launch',
    'README.md',
    'Makefile',
    'docker/Dockerfile',
    '.github/workflows/train.yml',
    'demo/demo.ipynb',
    'model-index.yml',
    'tests/test_fcn_test.py',
    // skipped: default folders at any depth, and kinds the scan never reads
    '.git/config',
    '.git/hooks/pre-commit',
    'node_modules/pkg/setup.py',
    'work_dirs/run1/fcn.py',
    'data/cityscapes/info.json',
    'tests/data/config.py',
    'resources/logo.png',
    'requirements.txt',
    '.gitignore',
  ]) {
    write(root, path);
  }
  write(outside, 'secret.py');
  write(outside, 'tree/inner.py');
  symlinkSync(join(outside, 'secret.py'), join(root, 'configs/outside.py'));
  symlinkSync(join(outside, 'tree'), join(root, 'linked_tree'));
  symlinkSync(join(root, 'configs/fcn/fcn.py'), join(root, 'configs/alias.py'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('discoverFiles', () => {
  it('lists the candidate kinds, sorted, skipping default folders and every symlink', async () => {
    expect(await discoverFiles(root)).toEqual([
      '.github/workflows/train.yml',
      'Makefile',
      'README.md',
      'configs/_base_/models/fcn.py',
      'configs/fcn/fcn.py',
      'configs/legacy/old.py',
      'demo/demo.ipynb',
      'docker/Dockerfile',
      'model-index.yml',
      'tests/test_fcn_test.py',
      'tools/dist_train.sh',
      'tools/launch',
    ]);
  });

  it('walks to the same list as the glob matcher when no globs are given', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'discover-walk-'));
    try {
      for (const path of [
        'a/data/x.py',
        'data',
        'b/data',
        'b/work_dirs',
        'b/keep.py',
        'c/node_modules/z/q.py',
        '.hidden/y.py',
        '.env',
        'deep/er/still/here.sh',
        'image.png',
        'notes.txt',
      ]) {
        write(tree, path);
      }
      symlinkSync(join(tree, 'b'), join(tree, 'linked-folder'));
      symlinkSync(join(tree, 'b', 'keep.py'), join(tree, 'linked.py'));
      const walked = await discoverFiles(tree);
      expect(walked).toEqual(['.hidden/y.py', 'b/keep.py', 'deep/er/still/here.sh']);
      // An exclude glob that matches nothing takes the glob matcher's path.
      expect(await discoverFiles(tree, { exclude: ['no-such-folder'] })).toEqual(walked);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('applies exclude globs: a folder, and a file pattern at any depth', async () => {
    expect(
      await discoverFiles(root, { exclude: ['configs/legacy', '**/*_test.py', 'docker/'] }),
    ).toEqual([
      '.github/workflows/train.yml',
      'Makefile',
      'README.md',
      'configs/_base_/models/fcn.py',
      'configs/fcn/fcn.py',
      'demo/demo.ipynb',
      'model-index.yml',
      'tools/dist_train.sh',
      'tools/launch',
    ]);
  });

  it('include globs restrict the listing; default exclusions still apply', async () => {
    expect(
      await discoverFiles(root, { include: ['configs/**', '**/*.sh', 'work_dirs/**'] }),
    ).toEqual([
      'configs/_base_/models/fcn.py',
      'configs/fcn/fcn.py',
      'configs/legacy/old.py',
      'tools/dist_train.sh',
    ]);
  });

  it('never lists a path outside the root, even when an include glob climbs out', async () => {
    const found = await discoverFiles(join(root, 'configs'), {
      include: ['../**/*.md', '**/*.py'],
    });
    expect(found).toEqual(['_base_/models/fcn.py', 'fcn/fcn.py', 'legacy/old.py']);
  });

  it('returns nothing for a missing root', async () => {
    expect(await discoverFiles(join(root, 'nope'))).toEqual([]);
  });
});

describe('isCandidateName', () => {
  it.each([
    ['train.py', true],
    ['run.BASH', true],
    ['Dockerfile.cuda', true],
    ['GNUmakefile', true],
    ['launch', true],
    ['logo.png', false],
    ['.env', false],
    ['weights.pth', false],
  ])('%s → %s', (name, expected) => {
    expect(isCandidateName(name)).toBe(expected);
  });
});
