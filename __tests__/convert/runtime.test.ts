import { convertHooks } from '../../src/convert/hooks.js';
import { convertLoops } from '../../src/convert/loop.js';
import { convertRuntime, renamedScope } from '../../src/convert/runtime.js';
import type { Pass } from '../../src/convert/types.js';
import { getPath, opaque, withEntry, type DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

const run = (old: DictValue) => convertRuntime({ old, out: old, ctx });

/** Runs passes in the driver's order over one view. */
function chain(old: DictValue, passes: Pass[]) {
  let out = old;
  const findings: Finding[] = [];
  for (const pass of passes) {
    const r = pass({ old, out, ctx });
    out = r.out;
    findings.push(...r.findings);
  }
  return { out, findings };
}

const expected = (source: string, name = 'x') => show(py(source).entries.get(name));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const lines = (...rows: string[]) => rows.join('\n');

const RUNTIME = lines(
  'log_config = dict(',
  '    interval=50,',
  "    hooks=[dict(type='TextLoggerHook', by_epoch=False)])",
  "dist_params = dict(backend='nccl')",
  "log_level = 'INFO'",
  'load_from = None',
  'resume_from = None',
  "workflow = [('train', 1)]",
  'cudnn_benchmark = True',
);

describe('a 0.x runtime base on its own', () => {
  it('becomes the official 1.x default_runtime shape (loops, hooks and runtime passes)', () => {
    const { out, findings } = chain(py(RUNTIME), [convertLoops, convertHooks, convertRuntime]);
    const official = py(
      lines(
        "default_scope = 'mmseg'",
        'env_cfg = dict(',
        '    cudnn_benchmark=True,',
        "    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0),",
        "    dist_cfg=dict(backend='nccl'),",
        ')',
        "vis_backends = [dict(type='LocalVisBackend')]",
        'visualizer = dict(',
        "    type='SegLocalVisualizer', vis_backends=vis_backends, name='visualizer')",
        'log_processor = dict(by_epoch=False)',
        "log_level = 'INFO'",
        'load_from = None',
        'resume = False',
      ),
    );
    expect([...out.entries.keys()].sort()).toEqual([...official.entries.keys()].sort());
    for (const key of official.entries.keys()) {
      expect([key, show(out.entries.get(key))]).toEqual([key, show(official.entries.get(key))]);
    }
    // The only news: mp_cfg defaults applied, reported at the environment's `dist_params`.
    expect(brief(findings)).toEqual([['RUNTIME-004', 'info', 4]]);
  });
});

describe('convertRuntime', () => {
  it('RUNTIME-001: default_scope for the runtime owner or a runnable view, not for other bases', () => {
    expect(show(run(py("log_level = 'INFO'")).out.entries.get('default_scope'))).toBe('"mmseg"');
    const runnable = py("model = dict(type='EncoderDecoder')\ndata = dict(test=dict())");
    expect(show(run(runnable).out.entries.get('default_scope'))).toBe('"mmseg"');
    const schedule = py("runner = dict(type='IterBasedRunner', max_iters=10)");
    const r = run(schedule);
    expect(show(r.out)).toBe(show(schedule));
    expect(r.findings).toEqual([]);
  });

  it('RUNTIME-002: dist_params moves into env_cfg.dist_cfg as the same object; port is reported', () => {
    const old = py(lines('log_level = "INFO"', "dist_params = dict(backend='gloo', port=29501)"));
    const { out, findings } = run(old);
    expect(getPath(out, ['env_cfg', 'dist_cfg'])).toBe(old.entries.get('dist_params'));
    expect(out.entries.has('dist_params')).toBe(false);
    expect(brief(findings)).toEqual([
      ['RUNTIME-002', 'info', 2],
      // Anchored at the first runtime-owner key: dist_params.
      ['RUNTIME-004', 'info', 2],
    ]);
  });

  it('RUNTIME-003 / RUNTIME-013: absent environment keys get the 0.x defaults, written in full', () => {
    const { out } = run(py("log_level = 'DEBUG'"));
    expect(show(out.entries.get('env_cfg'))).toBe(
      expected(
        lines(
          'x = dict(cudnn_benchmark=False,',
          "         mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0),",
          "         dist_cfg=dict(backend='nccl'))",
        ),
      ),
    );
    expect(show(out.entries.get('log_level'))).toBe('"DEBUG"');
  });

  it('RUNTIME-004: mp settings move into mp_cfg; OMP/MKL thread counts are dropped with a warning', () => {
    const old = py(
      lines(
        "dist_params = dict(backend='nccl')",
        "mp_start_method = 'spawn'",
        'omp_num_threads = 1',
        'mkl_num_threads = 1',
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['env_cfg', 'mp_cfg']))).toBe(
      expected("x = dict(mp_start_method='spawn', opencv_num_threads=0)"),
    );
    for (const key of ['mp_start_method', 'omp_num_threads', 'mkl_num_threads']) {
      expect(out.entries.has(key)).toBe(false);
    }
    expect(brief(findings)).toEqual([
      ['RUNTIME-004', 'info', 1],
      ['RUNTIME-004', 'warning', 3],
      ['RUNTIME-004', 'warning', 4],
    ]);
    expect(findings[0].message).toContain('opencv_num_threads');
    expect(findings[0].message).not.toContain('mp_start_method');
  });

  it('RUNTIME-004: both mp settings given means no default finding', () => {
    const old = py(
      lines("log_level = 'INFO'", "mp_start_method = 'fork'", 'opencv_num_threads = 2'),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['env_cfg', 'mp_cfg']))).toBe(
      expected("x = dict(mp_start_method='fork', opencv_num_threads=2)"),
    );
    expect(findings).toEqual([]);
  });

  it('environment keys in a view without the runtime owner are consumed, not written', () => {
    const old = py('cudnn_benchmark = False\nopencv_num_threads = 4');
    const { out, findings } = run(old);
    expect([...out.entries.keys()]).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('RUNTIME-005 / RUNTIME-010 / RUNTIME-012: load_from, find_unused_parameters and work_dir stay', () => {
    const old = py(
      lines(
        "load_from = 'ckpt.pth'",
        'find_unused_parameters = True',
        "work_dir = './work_dirs/x'",
      ),
    );
    const { out, findings } = run(old);
    for (const key of ['load_from', 'find_unused_parameters', 'work_dir']) {
      expect(out.entries.get(key)).toBe(old.entries.get(key));
    }
    expect(show(out.entries.get('resume'))).toBe('false');
    expect(brief(findings)).toEqual([['RUNTIME-004', 'info', 1]]);
  });

  it('RUNTIME-006: resume_from = X becomes load_from = X and resume = True, replacing load_from', () => {
    const old = py(
      lines("load_from = 'a.pth'", "resume_from = 'work/latest.pth'", "log_level = 'INFO'"),
    );
    const { out, findings } = run(old);
    expect(out.entries.get('load_from')).toBe(old.entries.get('resume_from'));
    expect(show(out.entries.get('resume'))).toBe('true');
    expect(out.entries.has('resume_from')).toBe(false);
    expect(brief(findings)).toEqual([
      ['RUNTIME-004', 'info', 3],
      ['RUNTIME-006', 'warning', 2],
      ['RUNTIME-006', 'info', 1],
    ]);
    expect(findings[1].message).toContain('--resume');
  });

  it('RUNTIME-006: resume_from alone in a leaf view writes load_from and resume without the owner', () => {
    const { out } = run(py("resume_from = 'latest.pth'"));
    expect(show(out.entries.get('load_from'))).toBe('"latest.pth"');
    expect(show(out.entries.get('resume'))).toBe('true');
    expect(out.entries.has('env_cfg')).toBe(false);
  });

  it('RUNTIME-007: auto_resume = True becomes resume = True; the load_from caveat is reported', () => {
    const plain = run(py(lines('resume_from = None', 'auto_resume = True')));
    expect(show(plain.out.entries.get('resume'))).toBe('true');
    expect(plain.out.entries.has('auto_resume')).toBe(false);
    expect(plain.out.entries.has('resume_from')).toBe(false);
    expect(brief(plain.findings)).toEqual([['RUNTIME-007', 'warning', 2]]);
    expect(plain.findings[0].message).not.toContain('load_from set');

    const withLoad = run(py(lines("load_from = 'w.pth'", 'auto_resume = True')));
    expect(show(withLoad.out.entries.get('load_from'))).toBe('"w.pth"');
    expect(withLoad.findings.map((f) => f.rule)).toEqual(['RUNTIME-004', 'RUNTIME-007']);
    expect(withLoad.findings[1].message).toContain('resumes from load_from');

    const off = run(py(lines("log_level = 'INFO'", 'auto_resume = False')));
    expect(show(off.out.entries.get('resume'))).toBe('false');
    expect(off.out.entries.has('auto_resume')).toBe(false);
  });

  it('RUNTIME-008: gpu_ids is dropped', () => {
    const { out, findings } = run(py('gpu_ids = [0]'));
    expect(out.entries.has('gpu_ids')).toBe(false);
    expect(brief(findings)).toEqual([['RUNTIME-008', 'info', 1]]);
  });

  it('RUNTIME-009: seed / deterministic become randomness, always with a seed', () => {
    const both = run(py('seed = 0\ndeterministic = True'));
    expect(show(both.out.entries.get('randomness'))).toBe(
      expected('x = dict(seed=0, deterministic=True)'),
    );
    expect(both.out.entries.has('seed')).toBe(false);
    expect(both.out.entries.has('deterministic')).toBe(false);
    expect(brief(both.findings)).toEqual([['RUNTIME-009', 'info', 1]]);

    const onlyDet = run(py('deterministic = True'));
    expect(show(onlyDet.out.entries.get('randomness'))).toBe(
      expected('x = dict(seed=None, deterministic=True)'),
    );
    expect(run(py("log_level = 'INFO'")).out.entries.has('randomness')).toBe(false);
  });

  it('RUNTIME-011: mmcls modules in custom_imports become mmpretrain', () => {
    const old = py("custom_imports = dict(imports='mmcls.models', allow_failed_imports=False)");
    const { out, findings } = run(old);
    expect(show(out.entries.get('custom_imports'))).toBe(
      expected("x = dict(imports='mmpretrain.models', allow_failed_imports=False)"),
    );
    expect(brief(findings)).toEqual([['RUNTIME-011', 'info', 1]]);

    const listed = py("custom_imports = dict(imports=['my.module', 'mmcls'])");
    const r = run(listed);
    expect(show(r.out.entries.get('custom_imports'))).toBe(
      expected("x = dict(imports=['my.module', 'mmpretrain'])"),
    );
    const other = py("custom_imports = dict(imports=['mmdet.models'])");
    expect(run(other).out.entries.get('custom_imports')).toBe(other.entries.get('custom_imports'));
  });

  it('renamedScope renames only the package part', () => {
    expect(renamedScope('mmcls.ConvNeXt')).toBe('mmpretrain.ConvNeXt');
    expect(renamedScope('mmcls')).toBe('mmpretrain');
    expect(renamedScope('mmclsx.A')).toBeUndefined();
    expect(renamedScope('ResNet')).toBeUndefined();
  });

  it('unreadable resume_from / auto_resume stay as written with a warning; opaque dist_params moves', () => {
    const base = py("log_level = 'INFO'");
    const a = run(withEntry(base, 'resume_from', opaque('args.resume', 'attribute')));
    expect(a.out.entries.get('resume_from')).toEqual(opaque('args.resume', 'attribute'));
    expect(a.out.entries.has('resume')).toBe(false);
    expect(brief(a.findings)).toEqual([
      ['RUNTIME-004', 'info', 1],
      ['RUNTIME-006', 'warning', 0],
    ]);

    const b = run(withEntry(base, 'auto_resume', opaque('flag', 'name')));
    expect(b.out.entries.has('auto_resume')).toBe(true);
    expect(brief(b.findings)).toEqual([
      ['RUNTIME-004', 'info', 1],
      ['RUNTIME-007', 'warning', 0],
    ]);

    const dist = opaque('get_dist()', 'call');
    const c = run(withEntry(base, 'dist_params', dist));
    expect(getPath(c.out, ['env_cfg', 'dist_cfg'])).toBe(dist);
  });
});
