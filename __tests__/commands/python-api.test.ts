/**
 * Golden cases for the Python script API rewrite (spec §14): input script →
 * exact output text and exact findings (line, rule, severity), and the
 * output rewritten again is unchanged.
 */
import { initParsers, parsePython } from '../../src/python/parse.js';
import { rewritePythonScript } from '../../src/commands/python-api.js';
import type { Finding } from '../../src/report/findings.js';

beforeAll(async () => {
  await initParsers({ bash: true });
});

const FILE = 'tools/script.py';

/** `line rule severity` per finding, in report order. */
const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.line} ${f.rule} ${f.severity}`);

function rewrite(source: string): { text: string; findings: string[]; raw: Finding[] } {
  const out = rewritePythonScript(FILE, source);
  return { text: out.text, findings: brief(out.findings), raw: out.findings };
}

function parsesCleanly(text: string): boolean {
  const tree = parsePython(text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

interface Case {
  name: string;
  input: string;
  output: string;
  findings: string[];
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

const IMPORT_CASES: Case[] = [
  {
    name: 'API-020 Config and DictAction from mmcv',
    input: lines('from mmcv import Config, DictAction'),
    output: lines('from mmengine.config import Config, DictAction'),
    findings: ['1 API-020 info', '1 API-020 info'],
  },
  {
    name: 'split into modules, in the order the names were written',
    input: lines(
      'from mmcv.runner import (get_dist_info, init_dist, load_checkpoint,',
      '                         wrap_fp16_model)',
    ),
    output: lines(
      'from mmengine.dist import get_dist_info, init_dist',
      'from mmengine.runner import load_checkpoint',
      'from mmcv.runner import wrap_fp16_model',
    ),
    findings: ['1 API-022 info', '1 API-022 info', '1 API-023 info', '2 API-026 error'],
  },
  {
    name: 'split keeps the indentation of a nested import',
    input: lines(
      'def main():',
      '    from mmcv.utils import Config, get_git_hash',
      '    return Config, get_git_hash',
    ),
    output: lines(
      'def main():',
      '    from mmengine.config import Config',
      '    from mmengine.utils import get_git_hash',
      '    return Config, get_git_hash',
    ),
    findings: ['2 API-020 info', '2 API-031 info'],
  },
  {
    name: 'names of a later statement merge into an earlier one for the same module',
    input: lines('from mmcv import Config', 'from mmcv.utils import DictAction', 'import os'),
    output: lines('from mmengine.config import Config, DictAction', 'import os'),
    findings: ['1 API-020 info', '2 API-020 info'],
  },
  {
    name: 'a moved name joins an existing 1.x import above it',
    input: lines('from mmengine.config import Config', 'from mmcv import DictAction'),
    output: lines('from mmengine.config import Config, DictAction'),
    findings: ['2 API-020 info'],
  },
  {
    name: 'a comment inside a rewritten import is kept',
    input: lines('from mmcv.utils import (Config,  # noqa', '                        DictAction)'),
    output: lines('from mmengine.config import Config, DictAction  # noqa'),
    findings: ['1 API-020 info', '2 API-020 info'],
  },
  {
    name: 'API-006 set_random_seed moves, init_random_seed and train_segmentor are reported',
    input: lines('from mmseg.apis import init_random_seed, set_random_seed, train_segmentor'),
    output: lines(
      'from mmseg.apis import init_random_seed, train_segmentor',
      'from mmengine.runner import set_random_seed',
    ),
    findings: ['1 API-005 error', '1 API-006 info', '1 API-006 info'],
  },
  {
    name: 'API-007 get_root_logger and API-018 utilities are reported',
    input: lines(
      'from mmseg.utils import collect_env, get_root_logger, build_dp, find_latest_checkpoint',
    ),
    output: lines(
      'from mmseg.utils import collect_env, get_root_logger, build_dp, find_latest_checkpoint',
    ),
    findings: ['1 API-007 warning', '1 API-018 warning', '1 API-018 warning'],
  },
  {
    name: 'API-008 build_dataset / build_dataloader are reported, API-010 wrappers move',
    input: lines('from mmseg.datasets import ConcatDataset, build_dataloader, build_dataset'),
    output: lines(
      'from mmengine.dataset import ConcatDataset',
      'from mmseg.datasets import build_dataloader, build_dataset',
    ),
    findings: ['1 API-008 warning', '1 API-008 warning', '1 API-010 info'],
  },
  {
    name: 'API-009 PIPELINES becomes TRANSFORMS at every use',
    input: lines(
      'from mmseg.datasets import DATASETS, PIPELINES',
      '',
      '',
      '@PIPELINES.register_module()',
      'class MyTransform:',
      '    pass',
    ),
    output: lines(
      'from mmseg.registry import DATASETS, TRANSFORMS',
      '',
      '',
      '@TRANSFORMS.register_module()',
      'class MyTransform:',
      '    pass',
    ),
    findings: ['1 API-009 info', '1 API-009 info'],
  },
  {
    name: 'API-009 CustomDataset becomes BaseSegDataset',
    input: lines(
      'from mmseg.datasets import CustomDataset',
      '',
      '',
      'class MyDataset(CustomDataset):',
      '    pass',
    ),
    output: lines(
      'from mmseg.datasets import BaseSegDataset',
      '',
      '',
      'class MyDataset(BaseSegDataset):',
      '    pass',
    ),
    findings: ['1 API-009 info'],
  },
  {
    name: 'API-011 pipelines: generic transforms to mmcv, mmseg ones to transforms, formatting is an error',
    input: lines('from mmseg.datasets.pipelines import Compose, LoadAnnotations, Collect'),
    output: lines(
      'from mmcv.transforms import Compose',
      'from mmseg.datasets.transforms import LoadAnnotations',
      'from mmseg.datasets.pipelines import Collect',
    ),
    findings: ['1 API-011 info', '1 API-011 info', '1 API-011 error'],
  },
  {
    name: 'API-012 / API-013 mmseg.core.evaluation',
    input: lines('from mmseg.core.evaluation import get_palette, mean_iou'),
    output: lines(
      'from mmseg.utils import get_palette',
      'from mmseg.core.evaluation import mean_iou',
    ),
    findings: ['1 API-012 info', '1 API-013 error'],
  },
  {
    name: 'API-014 optimizer builders and layer-decay constructors',
    input: lines('from mmseg.core import build_optimizer, LayerDecayOptimizerConstructor'),
    output: lines(
      'from mmseg.core import build_optimizer',
      'from mmseg.engine.optimizers import LayerDecayOptimizerConstructor',
    ),
    findings: ['1 API-014 warning', '1 API-014 warning'],
  },
  {
    name: 'API-015 / API-016 samplers, add_prefix and mmseg.ops',
    input: lines(
      'from mmseg.core.seg import build_pixel_sampler',
      'from mmseg.core.utils import add_prefix',
      'from mmseg.ops import Upsample, resize',
    ),
    output: lines(
      'from mmseg.structures import build_pixel_sampler',
      'from mmseg.utils import add_prefix',
      'from mmseg.models.utils import Upsample, resize',
    ),
    findings: ['1 API-015 info', '2 API-015 info', '3 API-016 info', '3 API-016 info'],
  },
  {
    name: 'API-019 MMSegWandbHook',
    input: lines('from mmseg.core.hook import MMSegWandbHook'),
    output: lines('from mmseg.core.hook import MMSegWandbHook'),
    findings: ['1 API-019 error'],
  },
  {
    name: 'API-021 / API-024 modules and hooks, with the removed hook families',
    input: lines('from mmcv.runner import BaseModule, HOOKS, Hook, PolyLrUpdaterHook'),
    output: lines(
      'from mmengine.model import BaseModule',
      'from mmseg.registry import HOOKS',
      'from mmengine.hooks import Hook',
      'from mmcv.runner import PolyLrUpdaterHook',
    ),
    findings: ['1 API-021 info', '1 API-024 info', '1 API-024 info', '1 API-024 error'],
  },
  {
    name: 'API-023 _load_checkpoint goes to mmengine.runner.checkpoint',
    input: lines('from mmcv.runner.checkpoint import _load_checkpoint, CheckpointLoader'),
    output: lines(
      'from mmengine.runner.checkpoint import _load_checkpoint',
      'from mmengine.runner import CheckpointLoader',
    ),
    findings: ['1 API-023 info', '1 API-023 info'],
  },
  {
    name: 'API-025 / API-027 optimizer builders and runners',
    input: lines('from mmcv.runner import OPTIMIZERS, build_optimizer, build_runner'),
    output: lines(
      'from mmengine.registry import OPTIMIZERS',
      'from mmcv.runner import build_optimizer, build_runner',
    ),
    findings: ['1 API-025 warning', '1 API-025 warning', '1 API-027 error'],
  },
  {
    name: 'API-028 mmcv.parallel: moves, a rename and removals',
    input: lines(
      'from mmcv.parallel import MMDataParallel, MMDistributedDataParallel, is_module_wrapper',
      '',
      'wrapped = is_module_wrapper(model)',
    ),
    output: lines(
      'from mmcv.parallel import MMDataParallel',
      'from mmengine.model import MMDistributedDataParallel, is_model_wrapper',
      '',
      'wrapped = is_model_wrapper(model)',
    ),
    findings: ['1 API-028 error', '1 API-028 info', '1 API-028 info'],
  },
  {
    name: 'API-029 / API-030 registry and logging',
    input: lines('from mmcv.utils import Registry, build_from_cfg, get_logger, print_log'),
    output: lines(
      'from mmengine.registry import Registry, build_from_cfg',
      'from mmcv.utils import get_logger',
      'from mmengine.logging import print_log',
    ),
    findings: ['1 API-029 info', '1 API-029 info', '1 API-030 warning', '1 API-030 info'],
  },
  {
    name: 'API-032 torch helpers; collect_env stays in mmcv.utils',
    input: lines('from mmcv.utils import TORCH_VERSION, collect_env, _BatchNorm'),
    output: lines(
      'from mmengine.utils.dl_utils import TORCH_VERSION',
      'from mmcv.utils import collect_env',
      'from mmengine.utils.dl_utils.parrots_wrapper import _BatchNorm',
    ),
    findings: ['1 API-032 info', '1 API-032 info'],
  },
  {
    name: 'API-033 / API-034 / API-035 / API-037 file I/O, init, sync-bn (merged up) and result collection',
    input: lines(
      'from mmcv.fileio import FileClient, load',
      'from mmcv.cnn import ConvModule, constant_init',
      'from mmcv.cnn.utils import revert_sync_batchnorm',
      'from mmcv.engine import collect_results_cpu',
    ),
    output: lines(
      'from mmengine.fileio import FileClient, load',
      'from mmcv.cnn import ConvModule',
      'from mmengine.model import constant_init, revert_sync_batchnorm',
      'from mmengine.dist import collect_results_cpu',
    ),
    findings: [
      '1 API-033 info',
      '1 API-033 info',
      '2 API-034 info',
      '3 API-035 info',
      '4 API-037 info',
    ],
  },
  {
    name: 'API-038 tensorrt / onnx, and API-040 for a name of a removed module the table does not know',
    input: lines(
      'from mmcv.tensorrt import onnx2trt',
      'from mmseg.core.utils import check_dist_init, some_helper',
    ),
    output: lines(
      'from mmcv.tensorrt import onnx2trt',
      'from mmseg.core.utils import check_dist_init, some_helper',
    ),
    findings: ['1 API-038 error', '2 API-040 warning', '2 API-040 warning'],
  },
  {
    name: 'API-040 for a removed module imported whole',
    input: lines('from mmcv import runner', 'import mmcv.parallel'),
    output: lines('from mmcv import runner', 'import mmcv.parallel'),
    findings: ['1 API-040 warning', '2 API-040 warning'],
  },
];

const NAME_CASES: Case[] = [
  {
    name: 'API-001 / API-002 renames at the import, the calls and through an alias',
    input: lines(
      'from mmseg.apis import inference_segmentor as infer, init_segmentor',
      '',
      "model = init_segmentor('cfg.py', 'ckpt.pth', device='cpu')",
      "result = infer(model, 'demo.png')",
    ),
    output: lines(
      'from mmseg.apis import inference_model as infer, init_model',
      '',
      "model = init_model('cfg.py', 'ckpt.pth', device='cpu')",
      "result = infer(model, 'demo.png')",
    ),
    findings: ['1 API-001 info', '1 API-002 info'],
  },
  {
    name: 'a rename that would clash keeps the old name as an alias',
    input: lines(
      'from mmseg.apis import init_segmentor',
      '',
      '',
      'def init_model(cfg):',
      '    return init_segmentor(cfg)',
    ),
    output: lines(
      'from mmseg.apis import init_model as init_segmentor',
      '',
      '',
      'def init_model(cfg):',
      '    return init_segmentor(cfg)',
    ),
    findings: ['1 API-001 info'],
  },
  {
    name: 'mmseg.apis.init_segmentor attribute form',
    input: lines('import mmseg.apis', '', "model = mmseg.apis.init_segmentor('cfg.py')"),
    output: lines('import mmseg.apis', '', "model = mmseg.apis.init_model('cfg.py')"),
    findings: ['3 API-001 info'],
  },
  {
    name: 'import mmcv: moved attributes get imports, kept ones stay',
    input: lines(
      'import mmcv',
      '',
      "cfg = mmcv.Config.fromfile('a.py')",
      "img = mmcv.imread('a.png')",
      "mmcv.mkdir_or_exist('out')",
    ),
    output: lines(
      'import mmcv',
      'from mmengine.config import Config',
      'from mmengine.utils import mkdir_or_exist',
      '',
      "cfg = Config.fromfile('a.py')",
      "img = mmcv.imread('a.png')",
      "mkdir_or_exist('out')",
    ),
    findings: ['3 API-020 info', '5 API-031 info'],
  },
  {
    name: 'import mmcv is replaced when nothing uses it any more',
    input: lines(
      'import os',
      'import mmcv',
      '',
      "cfg = mmcv.Config.fromfile('a.py')",
      'mmcv.dump(cfg, os.devnull)',
    ),
    output: lines(
      'import os',
      'from mmengine.config import Config',
      'from mmengine.fileio import dump',
      '',
      "cfg = Config.fromfile('a.py')",
      'dump(cfg, os.devnull)',
    ),
    findings: ['4 API-020 info', '5 API-033 info'],
  },
  {
    name: 'an attribute use whose bare name is taken is reported, not rewritten (API-041)',
    input: lines('import mmcv', '', 'Config = dict', "cfg = mmcv.Config.fromfile('a.py')"),
    output: lines('import mmcv', '', 'Config = dict', "cfg = mmcv.Config.fromfile('a.py')"),
    findings: ['4 API-041 warning'],
  },
  {
    name: 'removed APIs used through their module are reported',
    input: lines('import mmcv', '', 'model = mmcv.runner.wrap_fp16_model(model)'),
    output: lines('import mmcv', '', 'model = mmcv.runner.wrap_fp16_model(model)'),
    findings: ['3 API-026 error'],
  },
  {
    name: 'API-002 the 0.x result indexed or used as an array',
    input: lines(
      'from mmseg.apis import inference_segmentor',
      '',
      '',
      'def run(model, img):',
      '    result = inference_segmentor(model, img)',
      '    mask = result[0]',
      '    print(result.shape)',
      '    return mask, inference_segmentor(model, img)[0]',
    ),
    output: lines(
      'from mmseg.apis import inference_model',
      '',
      '',
      'def run(model, img):',
      '    result = inference_model(model, img)',
      '    mask = result[0]',
      '    print(result.shape)',
      '    return mask, inference_model(model, img)[0]',
    ),
    findings: ['1 API-002 info', '6 API-002 warning', '7 API-002 warning', '8 API-002 warning'],
  },
  {
    name: 'API-003 show_result_pyplot: palette, fig_size and block dropped, later positionals as keywords',
    input: lines(
      'from mmseg.apis import init_segmentor, show_result_pyplot',
      '',
      "model = init_segmentor('cfg.py')",
      "show_result_pyplot(model, 'a.png', result, PALETTE, (15, 10), 0.5, 'title', False, 'out.png')",
      'show_result_pyplot(',
      '    model,',
      "    'a.png',",
      '    result,',
      '    get_palette(args.palette),',
      '    opacity=args.opacity,',
      '    block=False)',
    ),
    output: lines(
      'from mmseg.apis import init_model, show_result_pyplot',
      '',
      "model = init_model('cfg.py')",
      "show_result_pyplot(model, 'a.png', result, opacity=0.5, title='title', out_file='out.png')",
      'show_result_pyplot(',
      '    model,',
      "    'a.png',",
      '    result,',
      '    opacity=args.opacity)',
    ),
    findings: ['1 API-001 info', '4 API-003 warning', '5 API-003 warning'],
  },
  {
    name: 'API-004 model.show_result',
    input: lines(
      'from mmseg.apis import init_model',
      '',
      "model = init_model('cfg.py')",
      'img = model.show_result(frame, result, show=False)',
    ),
    output: lines(
      'from mmseg.apis import init_model',
      '',
      "model = init_model('cfg.py')",
      'img = model.show_result(frame, result, show=False)',
    ),
    findings: ['4 API-004 error'],
  },
];

const COMMAND_CASES: Case[] = [
  {
    name: 'literal commands are rewritten: argv list, os.system string',
    input: lines(
      'import os',
      'import subprocess',
      '',
      "subprocess.run(['python', 'tools/train.py', 'a.py', '--options', 'model.backbone.depth=50'])",
      "os.system('python tools/test.py a.py ckpt.pth --options model.backbone.depth=50')",
      "subprocess.run(['python', 'tools/train.py', cfg, '--options', 'model.backbone.depth=50'], check=True)",
      "subprocess.run(['ls', '-l'])",
    ),
    output: lines(
      'import os',
      'import subprocess',
      '',
      "subprocess.run(['python', 'tools/train.py', 'a.py', '--cfg-options', 'model.backbone.depth=50'])",
      "os.system('python tools/test.py a.py ckpt.pth --cfg-options model.backbone.depth=50')",
      "subprocess.run(['python', 'tools/train.py', cfg, '--cfg-options', 'model.backbone.depth=50'], check=True)",
      "subprocess.run(['ls', '-l'])",
    ),
    // The command-line rules report each `--options` → `--cfg-options`.
    findings: ['4 CLI-GEN-004 info', '5 CLI-GEN-004 info', '6 CLI-GEN-004 info'],
  },
  {
    name: 'commands built at run time are reported (API-042)',
    input: lines(
      'import os',
      'import subprocess',
      '',
      "os.system(f'python tools/train.py {cfg} --options a=b')",
      "subprocess.call('python tools/train.py ' + cfg + ' --no-validate', shell=True)",
      "subprocess.check_call('python tools/test.py %s ckpt.pth --eval mIoU' % cfg, shell=True)",
      "subprocess.run(['python', 'tools/train.py', *extra])",
      "os.system('echo ' + name)",
    ),
    output: lines(
      'import os',
      'import subprocess',
      '',
      "os.system(f'python tools/train.py {cfg} --options a=b')",
      "subprocess.call('python tools/train.py ' + cfg + ' --no-validate', shell=True)",
      "subprocess.check_call('python tools/test.py %s ckpt.pth --eval mIoU' % cfg, shell=True)",
      "subprocess.run(['python', 'tools/train.py', *extra])",
      "os.system('echo ' + name)",
    ),
    findings: ['4 API-042 warning', '5 API-042 warning', '6 API-042 warning', '7 API-042 warning'],
  },
];

describe('rewritePythonScript', () => {
  describe.each([
    ['imports', IMPORT_CASES],
    ['names and calls', NAME_CASES],
    ['commands', COMMAND_CASES],
  ])('%s', (_group, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const out = rewrite(c.input);
      expect(out.text).toBe(c.output);
      expect(out.findings).toEqual(c.findings);
      expect(parsesCleanly(out.text)).toBe(true);
      // Idempotent: the output is already 1.x.
      expect(rewrite(out.text).text).toBe(out.text);
    });
  });

  it('reports a move with the statement before and after', () => {
    const out = rewritePythonScript(FILE, 'from mmcv import Config, imread\n');
    expect(out).toEqual({
      text: 'from mmengine.config import Config\nfrom mmcv import imread\n',
      findings: [
        {
          rule: 'API-020',
          severity: 'info',
          file: FILE,
          line: 1,
          message: '`mmcv.Config` is `mmengine.config.Config` in mmseg 1.x / mmcv 2.x / mmengine.',
          before: 'from mmcv import Config, imread',
          after: 'from mmengine.config import Config\nfrom mmcv import imread',
        },
      ],
    });
  });

  it('reports a removed API with its 1.x replacement', () => {
    const out = rewritePythonScript(FILE, 'from mmseg.apis import single_gpu_test\n');
    expect(out.findings).toEqual([
      {
        rule: 'API-005',
        severity: 'error',
        file: FILE,
        line: 1,
        message:
          '`mmseg.apis.single_gpu_test` does not exist in mmseg 1.x / mmcv 2.x. Build a runner instead: `mmengine.runner.Runner.from_cfg(cfg).train()` / `.test()`.',
      },
    ]);
  });

  it('leaves a 1.x script byte for byte, with no findings', () => {
    const source = [
      '# Copyright',
      'import argparse',
      'import mmcv',
      'from mmengine.config import Config, DictAction',
      'from mmengine.runner import Runner',
      'from mmseg.apis import inference_model, init_model, show_result_pyplot',
      'from mmseg.utils import register_all_modules',
      '',
      '',
      'def main():  # entry point',
      "    cfg = Config.fromfile('cfg.py')",
      "    model = init_model(cfg, 'ckpt.pth', device='cpu')",
      "    result = inference_model(model, mmcv.imread('a.png'))",
      "    show_result_pyplot(model, 'a.png', result, 0.5, show=False)",
      '    runner = Runner.from_cfg(cfg)',
      '    runner.train()',
      '',
    ].join('\n');
    expect(rewritePythonScript(FILE, source)).toEqual({ text: source, findings: [] });
  });

  it('leaves a script without mmseg or mmcv byte for byte', () => {
    const source = 'import os\r\n\r\nConfig = 1  # not mmcv\r\nos.system("ls -l")\r\n';
    expect(rewritePythonScript(FILE, source)).toEqual({ text: source, findings: [] });
  });

  it('keeps CRLF line endings in split imports', () => {
    const out = rewritePythonScript(FILE, 'from mmcv import Config, imread\r\nx = 1\r\n');
    expect(out.text).toBe(
      'from mmengine.config import Config\r\nfrom mmcv import imread\r\nx = 1\r\n',
    );
  });

  it('wraps a long generated import in the OpenMMLab style', () => {
    const out = rewritePythonScript(
      FILE,
      'import mmcv\n\nmmcv.mkdir_or_exist(d)\nmmcv.scandir(d)\nmmcv.track_progress(f, xs)\nmmcv.track_parallel_progress(f, xs, 2)\n',
    );
    expect(out.text).toBe(
      [
        'from mmengine.utils import (mkdir_or_exist, scandir, track_progress,',
        '                            track_parallel_progress)',
        '',
        'mkdir_or_exist(d)',
        'scandir(d)',
        'track_progress(f, xs)',
        'track_parallel_progress(f, xs, 2)',
        '',
      ].join('\n'),
    );
  });

  it('does not guess show_result_pyplot arguments in a script with no other 0.x API', () => {
    const source =
      'from mmseg.apis import show_result_pyplot\nshow_result_pyplot(model, img, result, alpha)\n';
    const out = rewritePythonScript(FILE, source);
    expect(out.text).toBe(source);
    expect(brief(out.findings)).toEqual(['2 API-003 warning']);
  });

  it('leaves a script with a syntax error unchanged and says so', () => {
    const source = 'from mmcv import Config\ndef broken(:\n';
    const out = rewritePythonScript(FILE, source);
    expect(out.text).toBe(source);
    expect(brief(out.findings)).toEqual(['2 PY-001 error']);
  });
});
