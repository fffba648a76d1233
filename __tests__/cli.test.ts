/**
 * The real command line: the bundled `dist/cli.cjs` behind `bin/`, run as a
 * child process the way a user runs `npx mmseg-migrate`.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'mmseg-migrate.js');
const examples = join(root, 'examples');

function cli(args: string[], cwd = root, env: NodeJS.ProcessEnv = process.env) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mmseg-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('mmseg-migrate CLI', () => {
  it('prints usage with --help and rejects unknown commands', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('resolve <config.py>');
    const bad = cli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'frobnicate' is neither a command nor a folder");
    expect(cli(['resolve', 'no/such/file.py']).code).toBe(2);
  });

  describe('resolve --json', () => {
    it('merges a partial data override into the inherited chain', () => {
      const run = cli(
        [
          'resolve',
          'configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_bs4.py',
          '--json',
          '--root',
          examples,
        ],
        examples,
      );
      expect(run.code).toBe(0);
      const config = JSON.parse(run.stdout);
      expect(config.data.samples_per_gpu).toBe(4);
      expect(config.data.workers_per_gpu).toBe(2);
      expect(config.data.train.img_dir).toBe('leftImg8bit/train');
      expect(config.model.type).toBe('EncoderDecoder');
      expect(config).not.toHaveProperty('_base_');
      expect(run.stderr).toBe('');
    });

    it('replaces a dict marked _delete_ and keeps floats as floats', () => {
      const run = cli(
        ['resolve', 'configs/upernet/upernet_r50_512x512_160k_ade20k_adamw.py', '--json'],
        examples,
      );
      expect(run.code).toBe(0);
      const config = JSON.parse(run.stdout);
      expect(config.optimizer).toEqual({
        type: 'AdamW',
        lr: 0.00006,
        betas: [0.9, 0.999],
        weight_decay: 0.01,
        paramwise_cfg: { custom_keys: { norm: { decay_mult: 0 }, head: { lr_mult: 10 } } },
      });
      expect(run.stdout).toMatch(/"decay_mult": 0\.0\b/);
      expect(run.stdout).toMatch(/"lr_mult": 10\.0\b/);
      expect(config.lr_config.warmup_iters).toBe(1500);
    });
  });

  it('prints a resolved config as Python that resolves to the same value', () => {
    const config = 'configs/upernet/upernet_r50_512x512_160k_ade20k_adamw.py';
    const text = cli(['resolve', config], examples);
    expect(text.code).toBe(0);
    // examples/ lives in this repository, so paths are relative to its root.
    expect(text.stdout.split('\n')[0]).toBe(`# examples/${config}`);
    const dir = writeTree({ 'printed.py': text.stdout });
    try {
      const again = cli(['resolve', 'printed.py', '--json'], dir);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual(
        JSON.parse(cli(['resolve', config, '--json'], examples).stdout),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves a whole folder, reporting bad files without stopping', () => {
    const dir = writeTree({
      'configs/_base_/base.py': "model = dict(type='EncoderDecoder', depth=50)\n",
      'configs/good.py': "_base_ = './_base_/base.py'\nmodel = dict(depth=101)\n",
      'configs/broken.py': "_base_ = './_base_/base.py'\nmodel = dict(depth=\n",
      'configs/escape.py': "_base_ = '../../../etc/passwd.py'\nmodel = dict(depth=1)\n",
      'configs/cycle_a.py': "_base_ = './cycle_b.py'\nmodel = dict(a=1)\n",
      'configs/cycle_b.py': "_base_ = './cycle_a.py'\nmodel = dict(b=1)\n",
      'configs/missing.py': "_base_ = './_base_/nowhere.py'\nmodel = dict(depth=1)\n",
    });
    try {
      const run = cli(['resolve', 'configs', '--json'], dir);
      expect(run.code).toBe(1);
      const all = JSON.parse(run.stdout);
      expect(all['good.py']).toEqual({ model: { type: 'EncoderDecoder', depth: 101 } });
      expect(run.stderr).toContain('escape.py:1: error INH-001');
      expect(run.stderr).toContain('missing.py:1: error INH-001');
      expect(run.stderr).toMatch(
        /cycle_a\.py:1: error INH-017 _base_ cycle: cycle_a\.py → cycle_b\.py → cycle_a\.py/,
      );
      expect(run.stderr).toMatch(/broken\.py:2: error PY-001/);

      const summary = cli(['resolve', 'configs'], dir);
      expect(summary.code).toBe(1);
      expect(summary.stdout).not.toContain('good.py');
      expect(summary.stdout).toContain('escape.py: does not resolve');
      expect(summary.stdout).toMatch(/^7 configs resolved, 5 with errors$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scans the example repository as JSON with roles, verdicts and signals', () => {
    const run = cli(['scan', examples, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const scan = JSON.parse(run.stdout) as {
      files: {
        path: string;
        role: string;
        version?: string;
        verdictBy?: string;
        signals: { key: string }[];
      }[];
    };
    const byPath = new Map(scan.files.map((f) => [f.path, f]));
    expect(byPath.get('configs/_base_/default_runtime.py')).toMatchObject({
      role: 'base-config',
      version: '0.x',
    });
    expect(byPath.get('configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_bs4.py')).toMatchObject({
      role: 'config',
      version: '0.x',
      signals: [{ key: 'data', line: 4, kind: 'strong-0.x' }],
    });
    // A model base with no signal of its own takes the verdict of its chains (DET-006).
    expect(byPath.get('configs/_base_/models/fcn_r50-d8.py')).toMatchObject({
      role: 'base-config',
      version: '0.x',
      verdictBy: 'chain',
      signals: [],
    });
    expect(byPath.get('tools/dist_train.sh')?.role).toBe('shell');
    expect(byPath.get('demo/infer.py')).toMatchObject({ role: 'python', version: 'not-a-config' });
    expect(byPath.get('README.md')?.role).toBe('markdown');
  });

  it('prints the scan as a table with a summary line', () => {
    const run = cli(['scan', 'examples']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^configs\/fcn\/fcn_r50-d8_512x1024_40k_cityscapes_bs4\.py +config +0\.x +data$/m,
    );
    expect(run.stdout).toMatch(/^\d+ files, 18 configs \(18 on 0\.x\)$/m);
  });

  describe('code cache', () => {
    const scan = ['scan', 'examples', '--json'];
    let folder: string;
    let env: NodeJS.ProcessEnv;
    const caches = () => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));
    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'mmseg-cache-'));
      env = { ...process.env, MMSEG_MIGRATE_CACHE_DIR: folder };
      delete env.NODE_DISABLE_COMPILE_CACHE;
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('is written by the first run and used as it is by the next', () => {
      const first = cli(scan, root, env);
      expect(first.code).toBe(0);
      expect(caches()).toHaveLength(1);
      const file = join(folder, caches()[0]);
      expect(statSync(file).size).toBeGreaterThan(100_000);
      // A run that accepts the cache leaves the file alone.
      utimesSync(file, 0, 0);
      const second = cli(scan, root, env);
      expect(second.stdout).toBe(first.stdout);
      expect(statSync(file).mtimeMs).toBe(0);
    });

    it('replaces a damaged cache and the caches of other bundles, with the same output', () => {
      const clean = cli(scan, root, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' });
      expect(caches()).toEqual([]);
      cli(scan, root, env);
      const [name] = caches();
      const damaged = join(folder, name);
      writeFileSync(damaged, Buffer.alloc(4096, 7));
      writeFileSync(join(folder, 'cli-0000000000000000-v0.0.0-x64.v8cache'), 'old');
      const run = cli(scan, root, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(clean.stdout);
      expect(caches()).toEqual([name]);
      expect(readFileSync(damaged).equals(Buffer.alloc(4096, 7))).toBe(false);
    });
  });
});
