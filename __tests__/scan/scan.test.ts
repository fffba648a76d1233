import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanRepository, type ScanResult } from '../../src/scan/scan.js';

const here = dirname(fileURLToPath(import.meta.url));
const examples = resolve(here, '../../examples');

const src = (...lines: string[]) => lines.join('\n') + '\n';
const rows = (result: ScanResult) => result.files.map((f) => [f.path, f.role, f.version]);

function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'scan-repo-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('scanRepository on examples/', () => {
  it('classifies every file of the example repository', async () => {
    const result = await scanRepository(examples);
    expect(result.root).toBe(examples);
    expect(rows(result)).toEqual([
      ['.github/workflows/train.yml', 'workflow', undefined],
      ['Makefile', 'makefile', undefined],
      ['README.md', 'markdown', undefined],
      ['configs/_base_/datasets/ade20k_512x512.py', 'base-config', '0.x'],
      ['configs/_base_/datasets/cityscapes_512x1024.py', 'base-config', '0.x'],
      ['configs/_base_/default_runtime.py', 'base-config', '0.x'],
      ['configs/_base_/models/fcn_r50-d8.py', 'base-config', '0.x'],
      ['configs/_base_/models/upernet_r50.py', 'base-config', '0.x'],
      ['configs/_base_/schedules/poly_160k.py', 'base-config', '0.x'],
      ['configs/_base_/schedules/poly_40k.py', 'base-config', '0.x'],
      ['configs/boundary/boundary_fcn_r50-d8_512x1024_40k_cityscapes.py', 'base-config', '0.x'],
      ['configs/boundary/boundary_fcn_r50-d8_512x1024_80k_cityscapes.py', 'config', '0.x'],
      ['configs/fcn/fcn_r101-d8_512x1024_40k_cityscapes.py', 'base-config', '0.x'],
      ['configs/fcn/fcn_r101-d8_512x1024_40k_cityscapes_fp16.py', 'config', '0.x'],
      ['configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py', 'base-config', '0.x'],
      ['configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_bs4.py', 'config', '0.x'],
      ['configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_slide.py', 'config', '0.x'],
      ['configs/upernet/upernet_r50_512x512_160k_ade20k.py', 'base-config', '0.x'],
      ['configs/upernet/upernet_r50_512x512_160k_ade20k_adamw.py', 'base-config', '0.x'],
      ['configs/upernet/upernet_r50_512x512_160k_ade20k_adamw_fp16.py', 'config', '0.x'],
      ['configs/upernet/upernet_r50_512x512_160k_ade20k_warmup.py', 'config', '0.x'],
      ['demo/infer.py', 'python', 'not-a-config'],
      ['demo/inference.ipynb', 'notebook', undefined],
      ['docker/Dockerfile', 'dockerfile', undefined],
      ['scripts/train_all.sh', 'shell', undefined],
      ['tools/check_config.py', 'python', 'not-a-config'],
      ['tools/dist_test.sh', 'shell', undefined],
      ['tools/dist_train.sh', 'shell', undefined],
    ]);
    expect(result.findings).toEqual([]);
    expect(result.files.flatMap((f) => f.findings)).toEqual([]);
  });

  it('keeps the signals of a file with the lines they were written on', async () => {
    const result = await scanRepository(examples, { include: ['configs/**'] });
    const signals = (path: string) =>
      result.files.find((f) => f.path === path)!.signals.map((s) => `${s.kind} ${s.key}@${s.line}`);
    expect(signals('configs/upernet/upernet_r50_512x512_160k_ade20k_adamw_fp16.py')).toEqual([
      'weak-0.x fp16@3',
    ]);
    expect(signals('configs/upernet/upernet_r50_512x512_160k_ade20k_warmup.py')).toEqual([
      'strong-0.x lr_config@5',
    ]);
    // own content only: the model override and the placeholder carry no signal
    expect(signals('configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_slide.py')).toEqual([]);
    expect(signals('configs/_base_/schedules/poly_40k.py')).toEqual([
      'strong-0.x optimizer_config@3',
      'strong-0.x lr_config@4',
      'strong-0.x runner@5',
      'strong-0.x checkpoint_config@6',
      'strong-0.x evaluation@7',
    ]);
  });
});

describe('scanRepository: DET-006 chain verdicts', () => {
  it('gives neutral files the verdict of their chains, and warns when the chains disagree', async () => {
    const root = makeRepo({
      'configs/_base_/models/net.py': "model = dict(type='EncoderDecoder')\n",
      'configs/_base_/models/unused.py': "model = dict(type='EncoderDecoder')\n",
      'configs/_base_/old_schedule.py': "runner = dict(type='IterBasedRunner', max_iters=10)\n",
      'configs/_base_/new_schedule.py':
        "train_cfg = dict(type='IterBasedTrainLoop', max_iters=10)\n",
      'configs/old/a.py': "_base_ = ['../_base_/models/net.py', '../_base_/old_schedule.py']\n",
      'configs/old/b.py': "_base_ = './a.py'\nmodel = dict(decode_head=dict(num_classes=3))\n",
      'configs/new/c.py': "_base_ = ['../_base_/models/net.py', '../_base_/new_schedule.py']\n",
      'configs/neutral_only.py':
        "_base_ = './_base_/models/unused.py'\nnorm_cfg = dict(type='BN')\n",
    });
    roots.push(root);
    const result = await scanRepository(root);
    expect(rows(result)).toEqual([
      ['configs/_base_/models/net.py', 'base-config', 'neutral'],
      ['configs/_base_/models/unused.py', 'base-config', 'neutral'],
      ['configs/_base_/new_schedule.py', 'base-config', '1.x'],
      ['configs/_base_/old_schedule.py', 'base-config', '0.x'],
      ['configs/neutral_only.py', 'config', 'neutral'],
      ['configs/new/c.py', 'config', '1.x'],
      ['configs/old/a.py', 'base-config', '0.x'],
      ['configs/old/b.py', 'config', '0.x'],
    ]);
    const net = result.files.find((f) => f.path === 'configs/_base_/models/net.py')!;
    expect(net.findings).toEqual([
      {
        rule: 'DET-006',
        severity: 'warning',
        file: 'configs/_base_/models/net.py',
        line: 0,
        message:
          'neutral config in the chains of 2 0.x and 1 1.x configs; left as it is, because ' +
          'rewriting it for one side would break the other',
      },
    ]);
  });

  it('survives a _base_ cycle and a base that does not exist', async () => {
    const root = makeRepo({
      'configs/x.py': "_base_ = './y.py'\nmodel = dict()\n",
      'configs/y.py': "_base_ = ['./x.py', './missing.py']\nlr_config = dict(policy='step')\n",
    });
    roots.push(root);
    expect(rows(await scanRepository(root))).toEqual([
      ['configs/x.py', 'base-config', '0.x'],
      ['configs/y.py', 'base-config', '0.x'],
    ]);
  });
});

describe('scanRepository: DET-005 on the merged chain', () => {
  it('warns when a runner leftover contradicts an inherited train_cfg', async () => {
    const root = makeRepo({
      'configs/_base_/schedules/s160k.py': src(
        "train_cfg = dict(type='IterBasedTrainLoop', max_iters=160000, val_interval=16000)",
      ),
      'configs/m/m_320k.py': src(
        "_base_ = ['../_base_/schedules/s160k.py']",
        "optim_wrapper = dict(type='OptimWrapper')",
        "runner = dict(type='IterBasedRunner', max_iters=320000)",
      ),
    });
    roots.push(root);
    const result = await scanRepository(root);
    const mixed = result.files.find((f) => f.path === 'configs/m/m_320k.py')!;
    expect(mixed.version).toBe('mixed');
    expect(mixed.findings.map((f) => `${f.rule}@${f.line} ${f.message}`)).toEqual([
      "DET-005@3 'runner' is MMSegmentation 0.x in a file that is otherwise 1.x; mmengine ignores it",
      'DET-005@3 runner.max_iters=320000 disagrees with train_cfg.max_iters=160000; mmengine uses ' +
        'train_cfg, so the file probably does not do what its name says',
    ]);
  });
});

describe('scanRepository: files that cannot be read', () => {
  it('reports binary, non-UTF-8 and oversized files and keeps going', async () => {
    const root = makeRepo({
      'configs/ok.py': 'optimizer_config = dict()\n',
      'configs/binary.py': new Uint8Array([0x6d, 0x00, 0x01, 0x02]),
      'docs/latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'annotations.json': '[' + '0,'.repeat(600_000) + '0]',
      'tools/blob': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00]),
    });
    roots.push(root);
    const result = await scanRepository(root);
    expect(rows(result)).toEqual([['configs/ok.py', 'config', '0.x']]);
    expect(result.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([
      ['annotations.json', 'IO-003', 'info'],
      ['configs/binary.py', 'IO-002', 'error'],
      ['docs/latin1.md', 'IO-002', 'error'],
      ['tools/blob', 'IO-002', 'info'],
    ]);
  });

  it('reports a Python syntax error, does not call the file a config, and goes on', async () => {
    const root = makeRepo({
      'configs/broken.py': "lr_config = dict(policy='poly'\n",
      'configs/fine.py': "runner = dict(type='EpochBasedRunner', max_epochs=5)\n",
    });
    roots.push(root);
    const result = await scanRepository(root);
    const broken = result.files.find((f) => f.path === 'configs/broken.py')!;
    expect(broken.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['PY-001', 'error', 1],
    ]);
    expect(rows(result)).toEqual([
      ['configs/broken.py', 'python', 'not-a-config'],
      ['configs/fine.py', 'config', '0.x'],
    ]);
  });
});
