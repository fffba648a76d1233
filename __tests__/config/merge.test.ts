/**
 * One golden case per inheritance construct: the exact dict mmengine's
 * `Config.fromfile` builds (printed as Python's repr, so key order, int/float
 * and list/tuple all count).
 */
import { createResolver, type ResolvedConfig } from '../../src/config/resolve.js';
import { memorySource } from '../../src/config/source.js';
import { initParsers } from '../../src/python/parse.js';
import { pyRepr } from './repr.js';

beforeAll(() => initParsers());

function resolveIn(files: Record<string, string>, path: string): ResolvedConfig {
  return createResolver(memorySource(files)).resolve(path);
}

/** Resolves and insists the chain was exact. */
function exact(files: Record<string, string>, path: string): string {
  const r = resolveIn(files, path);
  expect(r.findings).toEqual([]);
  expect(r.ok).toBe(true);
  return pyRepr(r.value);
}

describe('base declarations', () => {
  it('a string _base_ is one base, relative to the naming file', () => {
    const files = {
      'configs/_base_/a.py': "x = 1\nmodel = dict(type='A', depth=50)\n",
      'configs/c.py': "_base_ = './_base_/a.py'\ny = 2.0\n",
    };
    expect(exact(files, 'configs/c.py')).toBe(
      "{'x': 1, 'model': {'type': 'A', 'depth': 50}, 'y': 2.0}",
    );
    const r = resolveIn(files, 'configs/c.py');
    expect(r.bases).toEqual(['configs/_base_/a.py']);
    expect(r.chain).toEqual(['configs/c.py', 'configs/_base_/a.py']);
    expect(r.file).toBe('configs/c.py');
  });

  it('a list _base_ combines the bases in list order, then the file', () => {
    const files = {
      'm.py': 'model = dict(a=1)\n',
      'd.py': "data = dict(b='x')\n",
      'c.py': "_base_ = ['./m.py', 'd.py']\nz = (3,)\n",
    };
    expect(exact(files, 'c.py')).toBe("{'model': {'a': 1}, 'data': {'b': 'x'}, 'z': (3,)}");
    expect(resolveIn(files, 'c.py').bases).toEqual(['m.py', 'd.py']);
  });

  it('resolves ../ paths from the directory of each file in the chain', () => {
    const files = {
      'configs/_base_/models/m.py': "_base_ = '../common/n.py'\nmodel = dict(n={{_base_.norm}})\n",
      'configs/_base_/common/n.py': "norm = 'BN'\n",
      'configs/_base_/default.py': 'log_level = 1\n',
      'configs/fcn/x.py': "_base_ = ['../_base_/models/m.py', '../_base_/default.py']\n",
    };
    expect(exact(files, 'configs/fcn/x.py')).toBe(
      "{'norm': 'BN', 'model': {'n': 'BN'}, 'log_level': 1}",
    );
    const r = resolveIn(files, 'configs/fcn/x.py');
    expect(r.bases).toEqual(['configs/_base_/models/m.py', 'configs/_base_/default.py']);
    expect(r.chain).toEqual([
      'configs/fcn/x.py',
      'configs/_base_/models/m.py',
      'configs/_base_/common/n.py',
      'configs/_base_/default.py',
    ]);
  });

  it('follows a chain four files deep, each level overriding the one below', () => {
    const files = {
      'l0.py': "a = dict(k0=0, k1=0, k2=0, k3=0)\nonly0 = 'zero'\n",
      'l1.py': "_base_ = 'l0.py'\na = dict(k1=1, k2=1, k3=1)\n",
      'l2.py': "_base_ = 'l1.py'\na = dict(k2=2, k3=2)\nonly2 = [2]\n",
      'l3.py': "_base_ = 'l2.py'\na = dict(k3=3)\n",
    };
    expect(exact(files, 'l3.py')).toBe(
      "{'a': {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3}, 'only0': 'zero', 'only2': [2]}",
    );
    expect(resolveIn(files, 'l3.py').chain).toEqual(['l3.py', 'l2.py', 'l1.py', 'l0.py']);
  });
});

describe('merging a file into its bases', () => {
  const base =
    "model = dict(type='A', backbone=dict(depth=50, norm=dict(type='BN', eps=0.001)), head=dict(c=1))\n" +
    "pipeline = [dict(type='Load'), dict(type='Flip', p=0.5)]\n" +
    "data = dict(train=dict(pipeline=[1, 2], root='r'))\n" +
    "lr = 0.01\noptimizer = dict(type='SGD', lr=0.01, momentum=0.9)\n";

  it('a partial dict overrides only the keys it names, keeping base order', () => {
    const files = {
      'b.py': base,
      'c.py': "_base_ = 'b.py'\nmodel = dict(backbone=dict(norm=dict(type='SyncBN')), neck=None)\n",
    };
    const r = resolveIn(files, 'c.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value.entries.get('model')!)).toBe(
      "{'type': 'A', 'backbone': {'depth': 50, 'norm': {'type': 'SyncBN', 'eps': 0.001}}, 'head': {'c': 1}, 'neck': None}",
    );
    expect([...r.value.entries.keys()]).toEqual(['model', 'pipeline', 'data', 'lr', 'optimizer']);
  });

  it('a list replaces the base list, at the top and inside dicts', () => {
    const files = {
      'b.py': base,
      'c.py':
        "_base_ = 'b.py'\npipeline = [dict(type='C')]\ndata = dict(train=dict(pipeline=[3]))\n",
    };
    const r = resolveIn(files, 'c.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value.entries.get('pipeline')!)).toBe("[{'type': 'C'}]");
    expect(pyRepr(r.value.entries.get('data')!)).toBe("{'train': {'pipeline': [3], 'root': 'r'}}");
  });

  it('a scalar replaces, whatever the base held (even a dict)', () => {
    const files = {
      'b.py': base,
      'c.py':
        "_base_ = 'b.py'\nlr = 1\nmodel = dict(backbone=dict(depth=None))\noptimizer = 'adam'\n",
    };
    const r = resolveIn(files, 'c.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value)).toBe(
      "{'model': {'type': 'A', 'backbone': {'depth': None, 'norm': {'type': 'BN', 'eps': 0.001}}, 'head': {'c': 1}}, " +
        "'pipeline': [{'type': 'Load'}, {'type': 'Flip', 'p': 0.5}], " +
        "'data': {'train': {'pipeline': [1, 2], 'root': 'r'}}, 'lr': 1, 'optimizer': 'adam'}",
    );
  });

  it('_delete_=True replaces the base dict, at the top level and nested, and is removed', () => {
    const files = {
      'b.py': base,
      'c.py':
        "_base_ = 'b.py'\n" +
        "optimizer = dict(_delete_=True, type='AdamW', lr=0.0001)\n" +
        "model = dict(backbone=dict(norm=dict(_delete_=True, type='GN', num_groups=32)))\n",
    };
    const r = resolveIn(files, 'c.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value.entries.get('optimizer')!)).toBe("{'type': 'AdamW', 'lr': 0.0001}");
    expect(pyRepr(r.value.entries.get('model')!)).toBe(
      "{'type': 'A', 'backbone': {'depth': 50, 'norm': {'type': 'GN', 'num_groups': 32}}, 'head': {'c': 1}}",
    );
  });

  it('_delete_=False is removed and the dicts merge', () => {
    const files = {
      'b.py': base,
      'c.py': "_base_ = 'b.py'\noptimizer = dict(_delete_=False, lr=0.1)\n",
    };
    expect(pyRepr(resolveIn(files, 'c.py').value.entries.get('optimizer')!)).toBe(
      "{'type': 'SGD', 'lr': 0.1, 'momentum': 0.9}",
    );
  });

  it('_delete_ stays in the result when the base lacks the key (mmengine never pops it then)', () => {
    const files = {
      'b.py': base,
      'c.py':
        "_base_ = 'b.py'\n" +
        'model = dict(head=dict(extra=dict(_delete_=True, b=2)))\n' +
        'fresh = dict(_delete_=True, c=1)\n',
    };
    const r = resolveIn(files, 'c.py');
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value.entries.get('model')!)).toBe(
      "{'type': 'A', 'backbone': {'depth': 50, 'norm': {'type': 'BN', 'eps': 0.001}}, 'head': {'c': 1, 'extra': {'_delete_': True, 'b': 2}}}",
    );
    expect(pyRepr(r.value.entries.get('fresh')!)).toBe("{'_delete_': True, 'c': 1}");
  });

  it('a dict over a base non-dict is reported as mmengine TypeError (INH-003)', () => {
    const files = {
      'b.py': base,
      'c.py': "_base_ = 'b.py'\n\npipeline = dict(type='X')\n",
      'ok.py': "_base_ = 'b.py'\nlr = 2.0\n",
    };
    const resolver = createResolver(memorySource(files));
    const r = resolver.resolve('c.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        rule: 'INH-003',
        severity: 'error',
        file: 'c.py',
        line: 3,
        message:
          "'pipeline' is a dict in the child config but of type list in the base config; mmengine raises TypeError (set _delete_=True to replace the base value)",
      },
    ]);
    // Best effort: the child value stands.
    expect(pyRepr(r.value.entries.get('pipeline')!)).toBe("{'type': 'X'}");
    expect(resolver.resolve('ok.py').ok).toBe(true);
  });

  it('a key set by two sibling bases is mmengine KeyError (INH-006), reported at the _base_ line', () => {
    const files = {
      'm.py': 'model = dict(a=1)\nshared = 1\n',
      'd.py': 'data = 2\nshared = 2\n',
      'c.py': "# header\n_base_ = ['m.py', 'd.py']\n",
      'fine.py': "_base_ = ['m.py']\n",
    };
    const resolver = createResolver(memorySource(files));
    const r = resolver.resolve('c.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        rule: 'INH-006',
        severity: 'error',
        file: 'c.py',
        line: 2,
        message:
          "duplicate key among bases: d.py sets 'shared' (also in m.py); mmengine raises KeyError: Duplicate key is not allowed among bases",
      },
    ]);
    expect(pyRepr(r.value)).toBe("{'model': {'a': 1}, 'shared': 2, 'data': 2}");
    expect(resolver.resolve('fine.py').ok).toBe(true);
  });
});

describe('values taken from the bases', () => {
  const base =
    "crop_size = (512, 1024)\nnorm = dict(type='BN', requires_grad=True)\nmodel = dict(backbone=dict(depth=50))\n";

  it('{{_base_.x}} is replaced by the merged bases value, also inside lists and dicts', () => {
    const files = {
      'b.py': base,
      'c.py':
        "_base_ = 'b.py'\n" +
        'size = {{_base_.crop_size}}\n' +
        'items = [{{_base_.norm}}, 1, ({{_base_.model.backbone.depth}},)]\n' +
        "head = dict(norm={{_base_.norm}}, type='H')\n",
    };
    expect(exact(files, 'c.py')).toBe(
      "{'crop_size': (512, 1024), 'norm': {'type': 'BN', 'requires_grad': True}, 'model': {'backbone': {'depth': 50}}, " +
        "'size': (512, 1024), 'items': [{'type': 'BN', 'requires_grad': True}, 1, (50,)], " +
        "'head': {'norm': {'type': 'BN', 'requires_grad': True}, 'type': 'H'}}",
    );
  });

  it('_base_.x attribute reads see the merged bases', () => {
    const files = {
      'b.py': base,
      'c.py': "_base_ = 'b.py'\nbackbone = _base_.model.backbone\nsize = _base_.crop_size\n",
    };
    expect(exact(files, 'c.py')).toBe(
      "{'crop_size': (512, 1024), 'norm': {'type': 'BN', 'requires_grad': True}, 'model': {'backbone': {'depth': 50}}, " +
        "'backbone': {'depth': 50}, 'size': (512, 1024)}",
    );
  });

  it('a {{_base_}} path the bases do not have is INH-005 at the line that names it', () => {
    const files = {
      'b.py': base,
      'c.py': "_base_ = 'b.py'\nx = 1\nsize = [{{_base_.model.neck}}]\n",
    };
    const r = resolveIn(files, 'c.py');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        rule: 'INH-005',
        severity: 'error',
        file: 'c.py',
        line: 3,
        message:
          "{{_base_.model.neck}}: the merged bases have no 'model.neck' (mmengine raises KeyError)",
      },
    ]);
  });
});

describe('what becomes a key', () => {
  it('every top-level variable becomes a key, except __names and _base_', () => {
    const files = {
      'c.py':
        "norm_cfg = dict(type='SyncBN')\ncrop_size = (512, 512)\n__hidden = 1\n" +
        'model = dict(norm_cfg=norm_cfg, size=crop_size)\n',
    };
    expect(exact(files, 'c.py')).toBe(
      "{'norm_cfg': {'type': 'SyncBN'}, 'crop_size': (512, 512), 'model': {'norm_cfg': {'type': 'SyncBN'}, 'size': (512, 512)}}",
    );
  });

  it('a child variable does not change what a base already built from its own variable', () => {
    const files = {
      'b.py': "test_pipeline = ['old']\ndata = dict(test=dict(pipeline=test_pipeline))\n",
      'c.py': "_base_ = 'b.py'\ntest_pipeline = ['new']\n",
    };
    expect(exact(files, 'c.py')).toBe(
      "{'test_pipeline': ['new'], 'data': {'test': {'pipeline': ['old']}}}",
    );
  });

  it('the predefined variables name the file, relative to the repository', () => {
    const files = {
      'configs/fcn/fcn_r50.py':
        "work_dir = './work_dirs/{{ fileBasenameNoExtension }}'\n" +
        "where = '{{fileDirname}}|{{ fileBasename }}|{{ fileExtname }}'\n",
    };
    expect(exact(files, 'configs/fcn/fcn_r50.py')).toBe(
      "{'work_dir': './work_dirs/fcn_r50', 'where': 'configs/fcn|fcn_r50.py|.py'}",
    );
  });
});
