import {
  evaluateModule,
  parseModule,
  readBaseDecl,
  type EvalOptions,
  type ModuleValues,
} from '../../src/python/evaluate.js';
import { initParsers } from '../../src/python/parse.js';
import { dict, int, str, toJsonText, type DictValue, type Value } from '../../src/python/values.js';

beforeAll(() => initParsers());

function run(source: string, options?: EvalOptions): ModuleValues {
  return evaluateModule(parseModule(source, 'configs/a.py'), options);
}

/** All config keys as compact JSON (tuples print as lists, floats keep their `.0`). */
function json(source: string, options?: EvalOptions): string {
  return toJsonText(dict(run(source, options).names), 0);
}

const rules = (r: ModuleValues) => r.findings.map((f) => `${f.rule}@${f.line}`);

describe('parseModule', () => {
  it('parses a valid file without findings', () => {
    const mod = parseModule("model = dict(type='A')\n", 'a.py');
    expect(mod.syntaxErrors).toEqual([]);
    expect(mod.tree.rootNode.type).toBe('module');
    expect(mod.file).toBe('a.py');
  });

  it('reports a PY-001 error with the line of the broken code', () => {
    const mod = parseModule('a = 1\nmodel = dict(\n    type=\n', 'a.py');
    expect(mod.syntaxErrors.length).toBeGreaterThan(0);
    expect(mod.syntaxErrors.every((f) => f.rule === 'PY-001' && f.severity === 'error')).toBe(true);
    expect(mod.syntaxErrors[0].line).toBeGreaterThanOrEqual(2);
  });
});

describe('readBaseDecl', () => {
  const decl = (src: string) => readBaseDecl(parseModule(src, 'a.py'));

  it('reads a list of paths, with the statement span', () => {
    const src = '# c\n_base_ = [\n    \'../_base_/models/fcn.py\', "../x.py"\n]\nmodel = 1\n';
    expect(decl(src)).toEqual({
      decl: {
        paths: ['../_base_/models/fcn.py', '../x.py'],
        line: 2,
        span: { file: 'a.py', start: 4, end: src.indexOf('\nmodel'), line: 2 },
      },
      findings: [],
    });
  });

  it('reads a single string, implicit concatenation included', () => {
    expect(decl("_base_ = './a' '.py'\n").decl?.paths).toEqual(['./a.py']);
  });

  it('gives nothing for a file without _base_', () => {
    expect(decl('a = 1\n')).toEqual({ findings: [] });
  });

  it.each([
    ["_base_ = ('./a.py', './b.py')\n"],
    ["_base_ = './a' + '.py'\n"],
    ['_base_ = [x]\n'],
    ["_base_ = f'./{x}.py'\n"],
  ])('INH-018 when _base_ is not a str or a list of str literals: %s', (src) => {
    const r = decl(src);
    expect(r.decl).toBeUndefined();
    expect(r.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['INH-018', 'error', 1]]);
  });
});

describe('top-level names', () => {
  it('keeps first-assignment order, excludes _base_, dunders, imports, functions and classes', () => {
    const src = [
      "_base_ = ['./b.py']",
      'import os',
      'from os import path as p',
      'b = 1',
      'a = 2',
      'b = 3',
      '__version__ = "1"',
      'def helper():',
      '    return 1',
      'class Foo:',
      '    pass',
      'f = lambda q: q',
      'alias = os',
      'c = a * 10',
      '',
    ].join('\n');
    const r = run(src);
    expect([...r.names.keys()]).toEqual(['b', 'a', 'c']);
    expect(json(src)).toBe('{"b":3,"a":2,"c":20}');
    expect(r.findings).toEqual([]);
  });

  it('evaluates chained, tuple, annotated and augmented assignments', () => {
    const src = [
      'a = b = [1]',
      'c, (d, *e) = 1, (2, 3, 4)',
      'f: int = 5',
      'g: float',
      'f += 2',
      'h = 1, 2',
      "s = 'x'",
      's *= 3',
      'n = 7',
      'n //= 2',
      '',
    ].join('\n');
    expect(json(src)).toBe(
      '{"a":[1],"b":[1],"c":1,"d":2,"e":[3,4],"f":7,"h":[1,2],"s":"xxx","n":3}',
    );
    expect(run(src).names.get('h')!.t).toBe('tuple');
  });

  it('records the span of the statement that last assigned each name', () => {
    const r = run("a = 1\nb = dict()\na = 3\nb['k'] = 4\n");
    expect(r.assignments).toEqual(
      new Map([
        ['a', { file: 'configs/a.py', start: 17, end: 22, line: 3 }],
        ['b', { file: 'configs/a.py', start: 23, end: 33, line: 4 }],
      ]),
    );
  });

  it('gives every value its origin, and names the variable a bare name read went through', () => {
    const src = "norm = dict(type='BN')\nmodel = dict(norm_cfg=norm, n=norm['type'])\n";
    const r = run(src);
    const norm = r.names.get('norm') as DictValue;
    expect(norm.at).toEqual({ file: 'configs/a.py', start: 7, end: 22, line: 1 });
    const model = r.names.get('model') as DictValue;
    const read = model.entries.get('norm_cfg') as DictValue;
    expect(read.at).toEqual({ ...norm.at, via: 'norm' });
    // The value is shared, not copied.
    expect(read.entries).toBe(norm.entries);
    // A subscript read keeps the span where the item was written.
    const typeStart = src.indexOf("'BN'");
    expect(model.entries.get('n')).toEqual(
      str('BN', { file: 'configs/a.py', start: typeStart, end: typeStart + 4, line: 1 }),
    );
  });
});

describe('_base_ and placeholders', () => {
  const base = dict([
    ['model', dict([['decode_head', dict([['num_classes', int(19)]])]])],
    ['crop_size', int(512)],
  ]);

  it('turns {{_base_.a.b}} into a BaseRef with its span', () => {
    const src =
      'n = {{_base_.model.decode_head.num_classes}}\nm = dict(x={{ _base_.crop_size }})\n';
    const r = run(src);
    expect(r.names.get('n')).toEqual({
      t: 'baseref',
      path: ['model', 'decode_head', 'num_classes'],
      at: { file: 'configs/a.py', start: 4, end: src.indexOf('\n'), line: 1 },
    });
    expect(json(src)).toBe(
      '{"n":"{{_base_.model.decode_head.num_classes}}","m":{"x":"{{_base_.crop_size}}"}}',
    );
    expect(r.findings).toEqual([]);
  });

  it('reads _base_ attributes and items from the merged bases', () => {
    const src = [
      "_base_ = ['./b.py']",
      'head = _base_.model.decode_head',
      "n = _base_['model']['decode_head']['num_classes'] + 1",
      'c = _base_.crop_size * 2',
      'model = dict(decode_head=dict(head, num_classes=5))',
      '',
    ].join('\n');
    expect(json(src, { base })).toBe(
      '{"head":{"num_classes":19},"n":20,"c":1024,"model":{"decode_head":{"num_classes":5}}}',
    );
  });

  it('makes _base_ reads opaque when the bases are not given', () => {
    const r = run("_base_ = './b.py'\nc = _base_.crop_size\n");
    expect(r.names.get('c')).toMatchObject({ t: 'opaque', src: '_base_.crop_size' });
    expect(rules(r)).toEqual(['PY-002@2']);
  });

  it('reports a missing key of the bases', () => {
    const r = run('c = _base_.nothing\n', { base });
    expect(r.names.get('c')).toMatchObject({
      t: 'opaque',
      reason: 'the config has no key `nothing`',
    });
  });

  it('substitutes the predefined variables inside string literals', () => {
    const predefined = {
      fileDirname: '/repo/configs',
      fileBasename: 'a.py',
      fileBasenameNoExtension: 'a',
      fileExtname: '.py',
    };
    const src =
      "work_dir = '{{ fileDirname }}/../work_dirs/{{fileBasenameNoExtension}}'\nx = f'{{fileExtname}}'\n";
    expect(json(src, { predefined })).toBe('{"work_dir":"/repo/configs/../work_dirs/a","x":".py"}');
    expect(json("d = '{{ fileDirname }}'\n")).toBe('{"d":"{{ fileDirname }}"}');
  });
});

describe('statements that change values', () => {
  it('applies item assignment to every name sharing the object, as Python aliasing does', () => {
    const src = [
      'a = dict(x=dict(y=1))',
      "b = a['x']",
      'c = dict(**a)',
      "a['x']['y'] = 2",
      "a['z'] = 3",
      '',
    ].join('\n');
    expect(json(src)).toBe('{"a":{"x":{"y":2},"z":3},"b":{"y":2},"c":{"x":{"y":2}}}');
  });

  it('never mutates a value it already handed out', () => {
    const first = run("a = dict(k=1)\nb = a\nb['k'] = 2\n");
    const r = run("a = dict(k=1)\nb = dict(a)\nb['k'] = 2\n");
    expect(toJsonText(dict(r.names), 0)).toBe('{"a":{"k":1},"b":{"k":2}}');
    expect(toJsonText(dict(first.names), 0)).toBe('{"a":{"k":2},"b":{"k":2}}');
    const base = dict([['model', dict([['x', int(1)]])]]);
    const before = toJsonText(base, 0);
    const viaBase = run("model = _base_.model\nmodel['x'] = 2\nmodel.y = 3\n", { base });
    expect(toJsonText(dict(viaBase.names), 0)).toBe('{"model":{"x":2,"y":3}}');
    expect(toJsonText(base, 0)).toBe(before);
  });

  it('follows pipeline edits by index', () => {
    const src = [
      "train_pipeline = [dict(type='Load'), dict(type='Resize', img_scale=(2048, 512))]",
      "train_pipeline[1]['img_scale'] = (1024, 256)",
      "train_pipeline[-1]['keep_ratio'] = True",
      'data = dict(train=dict(pipeline=train_pipeline))',
      '',
    ].join('\n');
    expect(json(src)).toBe(
      '{"train_pipeline":[{"type":"Load"},{"type":"Resize","img_scale":[1024,256],"keep_ratio":true}],' +
        '"data":{"train":{"pipeline":[{"type":"Load"},{"type":"Resize","img_scale":[1024,256],"keep_ratio":true}]}}}',
    );
  });

  it('follows list and dict methods used as statements', () => {
    const src = [
      'lst = [1]',
      'alias = lst',
      'lst.append(2)',
      'lst.extend((3, 4))',
      'lst.insert(0, 0)',
      'lst.pop()',
      'lst += [9]',
      'copy = lst',
      'lst = lst + [10]',
      "keys = {'a': dict(lr_mult=1.0)}",
      "keys.update({f'stage.{i}': dict(decay_mult=0.0) for i in range(2)})",
      'keys.update(b=1)',
      "keys.setdefault('a', 5)",
      "keys.pop('b')",
      '',
    ].join('\n');
    expect(json(src)).toBe(
      '{"lst":[0,1,2,3,9,10],"alias":[0,1,2,3,9],"copy":[0,1,2,3,9],' +
        '"keys":{"a":{"lr_mult":1.0},"stage.0":{"decay_mult":0.0},"stage.1":{"decay_mult":0.0}}}',
    );
  });

  it('deletes names and items', () => {
    expect(json("a = 1\nb = dict(x=1, y=2)\ndel a\ndel b['x']\na = 3\n")).toBe(
      '{"b":{"y":2},"a":3}',
    );
  });

  it('reports attribute assignment on a plain dict and keeps the name opaque', () => {
    const r = run('model = dict(a=1)\nmodel.a = 2\n');
    expect(rules(r)).toEqual(['PY-003@2']);
    expect(r.names.get('model')).toMatchObject({ t: 'opaque', src: 'model.a = 2' });
  });

  it('reports calls that may change values', () => {
    const r = run(
      "model = dict(a=1)\nprint(model)\nmodel.copy()\n'x'.upper()\npatch(model)\nmodel.merge_from({})\n",
    );
    expect(rules(r)).toEqual(['PY-003@5', 'PY-003@6']);
    expect(r.names.get('model')).toMatchObject({ t: 'opaque', src: 'model.merge_from({})' });
  });
});

describe('statements that are not evaluated', () => {
  it.each([
    ['if', 'if True:\n    a = 1\nelse:\n    b = 2\n'],
    ['for', 'for i in range(2):\n    a = i\n    b = i\n'],
    ['with', 'with open("x") as a:\n    b = a.read()\n'],
    ['try', 'try:\n    a = 1\nexcept Exception as b:\n    pass\n'],
    ['while', 'while False:\n    a = b = 1\n'],
  ])('a top-level %s gives PY-003 and opaque names', (keyword, body) => {
    const src = `x = 1\n${body}y = 2\n`;
    const r = run(src);
    expect(r.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['PY-003', 'warning', 2]]);
    expect(r.findings[0].message).toContain(`\`${keyword}\``);
    const names = [...r.names.keys()];
    expect(names[0]).toBe('x');
    expect(names[names.length - 1]).toBe('y');
    const touched = names.slice(1, -1);
    expect(touched.sort()).toEqual(keyword === 'for' ? ['a', 'b', 'i'] : ['a', 'b']);
    for (const n of touched) {
      expect(r.names.get(n)).toMatchObject({ t: 'opaque', src: body.trimEnd() });
    }
  });

  it('keeps the names of a range object opaque but usable', () => {
    const r = run('r = range(3)\nx = list(r)\n');
    expect(toJsonText(dict(r.names), 0)).toBe('{"r":{"__opaque__":"range(3)"},"x":[0,1,2]}');
    expect(rules(r)).toEqual(['PY-002@1']);
  });
});

describe('robustness', () => {
  it('evaluates what it can in a broken file and never throws', () => {
    const mod = parseModule("a = 1\nb = dict(x=\nc = 'ok'\n", 'broken.py');
    expect(mod.syntaxErrors.length).toBeGreaterThan(0);
    const r = evaluateModule(mod);
    expect((r.names.get('a') as Value | undefined)?.t).toBe('int');
  });

  it('survives random garbage', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet =
      "()[]{}:,.=+-*/%'\"\\\n #fbr_019xyz_base_ lambda if for in not and import def ** f'{x}'";
    for (let k = 0; k < 300; k++) {
      let src = k % 2 ? 'x = ' : '';
      const len = Math.floor(next() * 120);
      for (let i = 0; i < len; i++) src += alphabet[Math.floor(next() * alphabet.length)];
      const mod = parseModule(src, 'g.py');
      expect(() => readBaseDecl(mod)).not.toThrow();
      const r = evaluateModule(mod);
      expect(r.names).toBeInstanceOf(Map);
    }
  });

  it('reports expressions nested deeper than the stack as PY-003, keeping the name opaque', () => {
    const src = `x = ${'('.repeat(5000)}1${')'.repeat(5000)}\ny = 2\n`;
    const r = run(src);
    expect(r.names.get('x')!.t).toBe('opaque');
    expect(r.names.get('y')).toMatchObject({ t: 'int', v: 2 });
    expect(rules(r)).toEqual(['PY-003@1']);
  });
});
