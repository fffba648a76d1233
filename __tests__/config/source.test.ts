import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNameParts, joinBasePath, normalizeRepoPath } from '../../src/config/paths.js';
import { createResolver } from '../../src/config/resolve.js';
import { diskSource, memorySource } from '../../src/config/source.js';
import { initParsers } from '../../src/python/parse.js';

const text = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);

describe('diskSource', () => {
  let top: string;
  let root: string;

  beforeAll(async () => {
    await initParsers();
    top = mkdtempSync(join(tmpdir(), 'mmseg-source-'));
    root = join(top, 'repo');
    mkdirSync(join(root, 'configs', '_base_'), { recursive: true });
    mkdirSync(join(top, 'outside'));
    writeFileSync(join(top, 'outside', 'secret.py'), "secret = 'x'\n");
    writeFileSync(join(root, 'configs', '_base_', 'a.py'), 'a = 1\n');
    writeFileSync(join(root, 'configs', '..hidden.py'), 'h = 1\n');
    // Inside the repository: allowed.
    symlinkSync('_base_/a.py', join(root, 'configs', 'alias.py'));
    // Out of the repository, by a file link and by a directory link.
    symlinkSync(join(top, 'outside', 'secret.py'), join(root, 'configs', 'link.py'));
    symlinkSync(join(top, 'outside'), join(root, 'evil'));
    writeFileSync(join(root, 'configs', 'uses_link.py'), "_base_ = './link.py'\n");
    writeFileSync(join(root, 'configs', 'uses_alias.py'), "_base_ = './alias.py'\nb = 2\n");
  });

  afterAll(() => rmSync(top, { recursive: true, force: true }));

  it('reads files inside the root by repo-relative POSIX path', () => {
    const source = diskSource(root);
    expect(text(source.read('configs/_base_/a.py'))).toBe('a = 1\n');
    expect(text(source.read('./configs/x/../_base_/a.py'))).toBe('a = 1\n');
    expect(text(source.read('configs/..hidden.py'))).toBe('h = 1\n');
    expect(text(source.read('configs/alias.py'))).toBe('a = 1\n');
  });

  it('refuses missing files, directories and every way out of the root', () => {
    const source = diskSource(root);
    expect(source.read('configs/missing.py')).toBeUndefined();
    expect(source.read('configs')).toBeUndefined();
    expect(source.read('../outside/secret.py')).toBeUndefined();
    expect(source.read(join(top, 'outside', 'secret.py'))).toBeUndefined();
    expect(source.read('configs/link.py')).toBeUndefined();
    expect(source.read('evil/secret.py')).toBeUndefined();
  });

  it('a missing root reads nothing', () => {
    expect(diskSource(join(top, 'no-such-dir')).read('a.py')).toBeUndefined();
  });

  it('a base reached through a link out of the repository is INH-001', () => {
    const resolver = createResolver(diskSource(root));
    expect(resolver.resolve('configs/uses_link.py').findings).toEqual([
      {
        rule: 'INH-001',
        severity: 'error',
        file: 'configs/uses_link.py',
        line: 1,
        message: "base './link.py' (configs/link.py) does not exist or cannot be read",
      },
    ]);
    const ok = resolver.resolve('configs/uses_alias.py');
    expect(ok.findings).toEqual([]);
    expect([...ok.value.entries.keys()]).toEqual(['a', 'b']);
  });
});

describe('memorySource', () => {
  it('stores text as UTF-8 and normalises paths', () => {
    const source = memorySource({ './a/b.py': 'é', 'c.bin': new Uint8Array([1, 2]) });
    expect([...source.read('a/b.py')!]).toEqual([0xc3, 0xa9]);
    expect([...source.read('a/./x/../b.py')!]).toEqual([0xc3, 0xa9]);
    expect([...source.read('c.bin')!]).toEqual([1, 2]);
    expect(source.read('../a/b.py')).toBeUndefined();
    expect(source.read('nope.py')).toBeUndefined();
  });

  it('refuses keys that are not repository paths', () => {
    expect(() => memorySource({ '../x.py': '' })).toThrow("'../x.py' is not a repository path");
  });
});

describe('repository paths', () => {
  it('normalises and refuses paths out of the repository', () => {
    expect(normalizeRepoPath('a/./b//c/../d.py')).toBe('a/b/d.py');
    expect(normalizeRepoPath('a/../../b.py')).toBeUndefined();
    expect(normalizeRepoPath('/etc/passwd')).toBeUndefined();
    expect(normalizeRepoPath('\\\\server\\share')).toBeUndefined();
    expect(normalizeRepoPath('C:/x.py')).toBeUndefined();
    expect(normalizeRepoPath('a\0.py')).toBeUndefined();
    expect(normalizeRepoPath('.')).toBeUndefined();
  });

  it('joins a _base_ entry onto the directory of the naming file', () => {
    expect(joinBasePath('configs/fcn/x.py', '../_base_/m.py')).toBe('configs/_base_/m.py');
    expect(joinBasePath('configs/fcn/x.py', './y.py')).toBe('configs/fcn/y.py');
    expect(joinBasePath('x.py', 'y.py')).toBe('y.py');
    expect(joinBasePath('configs/x.py', '../../y.py')).toBeUndefined();
    expect(joinBasePath('configs/x.py', '/abs/y.py')).toBeUndefined();
  });

  it('splits a file name as Python os.path does for the predefined variables', () => {
    expect(fileNameParts('configs/fcn/fcn.r50.py')).toEqual({
      fileDirname: 'configs/fcn',
      fileBasename: 'fcn.r50.py',
      fileBasenameNoExtension: 'fcn.r50',
      fileExtname: '.py',
    });
    expect(fileNameParts('.hidden')).toEqual({
      fileDirname: '',
      fileBasename: '.hidden',
      fileBasenameNoExtension: '.hidden',
      fileExtname: '',
    });
  });
});
