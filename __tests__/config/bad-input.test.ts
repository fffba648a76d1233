/**
 * Each kind of bad input becomes a finding with rule, severity, file and
 * line; the run goes on, and a sound sibling in the same repository still
 * resolves exactly.
 */
import { createResolver, type Resolver } from '../../src/config/resolve.js';
import { memorySource } from '../../src/config/source.js';
import { initParsers } from '../../src/python/parse.js';
import type { Finding } from '../../src/report/findings.js';
import { pyRepr } from './repr.js';

beforeAll(() => initParsers());

const SOUND = {
  'configs/_base_/ok.py': 'model = dict(depth=50)\n',
  'configs/sound.py': "_base_ = './_base_/ok.py'\nlr = 0.1\n",
};

function repo(extra: Record<string, string | Uint8Array>, maxBytes?: number): Resolver {
  return createResolver(memorySource({ ...SOUND, ...extra }), { maxBytes });
}

/** The sibling that has nothing wrong with it, resolved by the same resolver after the bad one. */
function expectSoundSibling(resolver: Resolver): void {
  const r = resolver.resolve('configs/sound.py');
  expect(r.findings).toEqual([]);
  expect(r.ok).toBe(true);
  expect(pyRepr(r.value)).toBe("{'model': {'depth': 50}, 'lr': 0.1}");
}

const error = (rule: string, file: string, line: number, message: string): Finding => ({
  rule,
  severity: 'error',
  file,
  line,
  message,
});

describe('missing files and paths that leave the repository', () => {
  it('a missing file resolved directly is IO-001', () => {
    const resolver = repo({});
    const r = resolver.resolve('configs/nope.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error(
        'IO-001',
        'configs/nope.py',
        0,
        'file does not exist, cannot be read, or leaves the repository',
      ),
    ]);
    expectSoundSibling(resolver);
  });

  it('a missing base is INH-001 at the _base_ line of the child, naming the path', () => {
    const resolver = repo({
      'configs/child.py': "x = 1\n_base_ = ['./_base_/ok.py', '../_base_/gone.py']\n",
    });
    const r = resolver.resolve('configs/child.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error(
        'INH-001',
        'configs/child.py',
        2,
        "base '../_base_/gone.py' (_base_/gone.py) does not exist or cannot be read",
      ),
    ]);
    // The readable base still contributes.
    expect(pyRepr(r.value)).toBe("{'model': {'depth': 50}, 'x': 1}");
    expect(r.bases).toEqual(['configs/_base_/ok.py', '_base_/gone.py']);
    expect(r.chain).toEqual(['configs/child.py', 'configs/_base_/ok.py']);
    expectSoundSibling(resolver);
  });

  it.each([
    ['../../../etc/passwd', 'climbing out'],
    ['/etc/passwd.py', 'absolute'],
    ['C:\\Windows\\x.py', 'a drive path'],
  ])('a base path %s (%s) is INH-001 "leaves the repository"', (path) => {
    const resolver = repo({
      'configs/evil.py': `_base_ = ${JSON.stringify(path)}\n`,
    });
    const r = resolver.resolve('configs/evil.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error('INH-001', 'configs/evil.py', 1, `base '${path}' leaves the repository`),
    ]);
    expect(r.bases).toEqual([]);
    expectSoundSibling(resolver);
  });

  it('a path given to resolve that leaves the repository is IO-001', () => {
    const resolver = repo({});
    const r = resolver.resolve('../outside.py');
    expect(r.findings).toEqual([error('IO-001', '../outside.py', 0, 'path leaves the repository')]);
    expect(r.ok).toBe(false);
    expectSoundSibling(resolver);
  });
});

describe('files that cannot be read as text', () => {
  it('a binary file is IO-002; its child gets INH-001 "could not be read"', () => {
    const resolver = repo({
      'configs/bin.py': new Uint8Array([0x78, 0x3d, 0x31, 0x00, 0x0a]),
      'configs/uses_bin.py': "_base_ = 'bin.py'\n",
    });
    expect(resolver.resolve('configs/bin.py').findings).toEqual([
      error('IO-002', 'configs/bin.py', 0, 'binary file (contains a NUL byte); not read'),
    ]);
    const child = resolver.resolve('configs/uses_bin.py');
    expect(child.ok).toBe(false);
    expect(child.chain).toEqual(['configs/uses_bin.py', 'configs/bin.py']);
    expect(child.findings).toEqual([
      error(
        'INH-001',
        'configs/uses_bin.py',
        1,
        "base 'bin.py' (configs/bin.py) could not be read (IO-002)",
      ),
      error('IO-002', 'configs/bin.py', 0, 'binary file (contains a NUL byte); not read'),
    ]);
    expectSoundSibling(resolver);
  });

  it('invalid UTF-8 is IO-002', () => {
    const resolver = repo({ 'configs/latin1.py': new Uint8Array([0x78, 0x3d, 0x27, 0xe9, 0x27]) });
    const r = resolver.resolve('configs/latin1.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error('IO-002', 'configs/latin1.py', 0, 'file is not valid UTF-8 text; not read'),
    ]);
    expectSoundSibling(resolver);
  });

  it('a UTF-8 byte-order mark is dropped', () => {
    const text = new TextEncoder().encode("x = 'é'\n");
    const resolver = repo({ 'configs/bom.py': new Uint8Array([0xef, 0xbb, 0xbf, ...text]) });
    const r = resolver.resolve('configs/bom.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value)).toBe("{'x': 'é'}");
  });

  it('a file over maxBytes is IO-003 and is not parsed', () => {
    const resolver = repo({ 'configs/big.py': `x = '${'a'.repeat(100)}'\n` }, 64);
    const r = resolver.resolve('configs/big.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error(
        'IO-003',
        'configs/big.py',
        0,
        'file is 107 bytes, more than the limit of 64 bytes; not read',
      ),
    ]);
    expectSoundSibling(resolver);
  });

  it('a base that is not a Python file is not read', () => {
    const resolver = repo({
      'configs/b.json': '{"x": 1}',
      'configs/c.py': "_base_ = 'b.json'\n",
    });
    expect(resolver.resolve('configs/c.py').findings).toEqual([
      error(
        'INH-001',
        'configs/c.py',
        1,
        "base 'b.json' (configs/b.json) is not a Python file; only .py bases are resolved",
      ),
    ]);
    expect(resolver.resolve('configs/b.json').findings).toEqual([
      error('IO-001', 'configs/b.json', 0, 'only Python (.py) config files are resolved'),
    ]);
  });
});

describe('Python that cannot be evaluated', () => {
  it('a syntax error is PY-001 in the file, and the child gets INH-001', () => {
    const resolver = repo({
      'configs/_base_/broken.py': 'a = 1\nmodel = dict(\n',
      'configs/child.py': "_base_ = ['./_base_/ok.py', './_base_/broken.py']\ny = 1\n",
    });
    const broken = resolver.resolve('configs/_base_/broken.py');
    expect(broken.ok).toBe(false);
    expect(broken.findings.length).toBeGreaterThan(0);
    expect(broken.findings.every((f) => f.rule === 'PY-001' && f.severity === 'error')).toBe(true);
    expect(broken.findings.every((f) => f.file === 'configs/_base_/broken.py')).toBe(true);
    expect(broken.findings[0].line).toBeGreaterThanOrEqual(2);
    expect(pyRepr(broken.value)).toBe('{}');

    const child = resolver.resolve('configs/child.py');
    expect(child.ok).toBe(false);
    expect(child.findings[0]).toEqual(
      error(
        'INH-001',
        'configs/child.py',
        1,
        "base './_base_/broken.py' (configs/_base_/broken.py) could not be read (PY-001)",
      ),
    );
    expect(child.findings.slice(1)).toEqual(broken.findings);
    expect(pyRepr(child.value)).toBe("{'model': {'depth': 50}, 'y': 1}");
    expectSoundSibling(resolver);
  });

  it('a _base_ cycle is INH-017 in every file of the loop, and resolution ends', () => {
    const resolver = repo({
      'configs/a.py': "_base_ = './b.py'\na = 1\n",
      'configs/b.py': "\n_base_ = './a.py'\nb = 2\n",
      'configs/leaf.py': "_base_ = './a.py'\n",
    });
    const leaf = resolver.resolve('configs/leaf.py');
    expect(leaf.ok).toBe(false);
    expect(leaf.findings).toEqual([
      error(
        'INH-017',
        'configs/a.py',
        1,
        '_base_ cycle: configs/a.py → configs/b.py → configs/a.py',
      ),
      error(
        'INH-017',
        'configs/b.py',
        2,
        '_base_ cycle: configs/b.py → configs/a.py → configs/b.py',
      ),
    ]);
    expect(leaf.chain).toEqual(['configs/leaf.py', 'configs/a.py', 'configs/b.py']);
    expect(resolver.resolve('configs/a.py').ok).toBe(false);
    expect(resolver.resolve('configs/b.py').ok).toBe(false);
    expectSoundSibling(resolver);
  });

  it('a file naming itself is a cycle of one', () => {
    const resolver = repo({ 'configs/self.py': "_base_ = 'self.py'\nx = 1\n" });
    const r = resolver.resolve('configs/self.py');
    expect(r.findings).toEqual([
      error('INH-017', 'configs/self.py', 1, '_base_ cycle: configs/self.py → configs/self.py'),
    ]);
    expect(pyRepr(r.value)).toBe("{'x': 1}");
    expectSoundSibling(resolver);
  });

  it('a package base (pkg::path) is INH-016 and is not resolved', () => {
    const resolver = repo({
      'configs/pkg.py': "_base_ = ['mmseg::_base_/models/fcn_r50-d8.py', './_base_/ok.py']\n",
    });
    const r = resolver.resolve('configs/pkg.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      error(
        'INH-016',
        'configs/pkg.py',
        1,
        "base 'mmseg::_base_/models/fcn_r50-d8.py' is a package base (pkg::path); package bases are not resolved",
      ),
    ]);
    expect(pyRepr(r.value)).toBe("{'model': {'depth': 50}}");
    expectSoundSibling(resolver);
  });
});
