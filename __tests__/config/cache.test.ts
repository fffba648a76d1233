/**
 * A resolver reads (and so parses, evaluates and resolves) each file once,
 * however many chains share it and however often it is asked for.
 */
import { createResolver } from '../../src/config/resolve.js';
import { memorySource, type SourceFiles } from '../../src/config/source.js';
import { initParsers } from '../../src/python/parse.js';
import { pyRepr } from './repr.js';

beforeAll(() => initParsers());

function counting(source: SourceFiles): { source: SourceFiles; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    source: {
      read(path) {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return source.read(path);
      },
    },
  };
}

describe('resolution cache', () => {
  const files: Record<string, string> = {
    '_base_/models/m.py': "_base_ = '../common.py'\nmodel = dict(norm={{_base_.norm}})\n",
    '_base_/common.py': "norm = 'BN'\n",
    '_base_/data.py': "data = dict(root='d')\n",
    '_base_/sched.py': 'lr = 0.01\n',
  };
  for (let i = 0; i < 20; i++) {
    files[`configs/leaf${i}.py`] =
      `_base_ = ['../_base_/models/m.py', '../_base_/data.py', '../_base_/sched.py']\nlr = ${i}\n`;
    files[`configs/child${i}.py`] = `_base_ = './leaf${i}.py'\nmodel = dict(idx=${i})\n`;
  }

  it('reads every file exactly once across all chains and repeated requests', () => {
    const { source, reads } = counting(memorySource(files));
    const resolver = createResolver(source);
    const paths = Object.keys(files);
    for (const path of [...paths].reverse()) resolver.resolve(path);
    for (const path of paths) resolver.resolve(path);
    expect([...reads.keys()].sort()).toEqual([...paths].sort());
    expect([...reads.values()].every((n) => n === 1)).toBe(true);

    const r = resolver.resolve('configs/child7.py');
    expect(r.ok).toBe(true);
    expect(pyRepr(r.value)).toBe(
      "{'norm': 'BN', 'model': {'norm': 'BN', 'idx': 7}, 'data': {'root': 'd'}, 'lr': 7}",
    );
    expect(r.chain).toEqual([
      'configs/child7.py',
      'configs/leaf7.py',
      '_base_/models/m.py',
      '_base_/common.py',
      '_base_/data.py',
      '_base_/sched.py',
    ]);
    // The same result object is handed out again, not recomputed.
    expect(resolver.resolve('./configs/child7.py')).toBe(r);
  });

  it('reads a missing file once too', () => {
    const { source, reads } = counting(
      memorySource({ 'a.py': "_base_ = 'gone.py'\n", 'b.py': "_base_ = 'gone.py'\n" }),
    );
    const resolver = createResolver(source);
    resolver.resolve('a.py');
    resolver.resolve('b.py');
    resolver.resolve('gone.py');
    expect(reads.get('gone.py')).toBe(1);
  });

  it('does not let a cached base be changed by the files that inherit it', () => {
    const resolver = createResolver(
      memorySource({
        'b.py': 'model = dict(a=1, sub=dict(x=1))\n',
        'c1.py': "_base_ = 'b.py'\nmodel = dict(sub=dict(_delete_=True, y=2))\n",
        'c2.py': "_base_ = 'b.py'\nmodel = dict(a=3)\n",
      }),
    );
    expect(pyRepr(resolver.resolve('c1.py').value)).toBe("{'model': {'a': 1, 'sub': {'y': 2}}}");
    expect(pyRepr(resolver.resolve('c2.py').value)).toBe("{'model': {'a': 3, 'sub': {'x': 1}}}");
    expect(pyRepr(resolver.resolve('b.py').value)).toBe("{'model': {'a': 1, 'sub': {'x': 1}}}");
  });

  it('merges the children of a settled file into the settled value', () => {
    const settledValue = resolveIn({ 'b.py': 'opt = 0.1\nmodel = dict(a=1)\n' }, 'b.py');
    const resolver = createResolver(
      memorySource({
        'b.py': 'model = dict(a=1)\nopt = 0.1\n',
        'c.py': "_base_ = 'b.py'\nopt = 0.2\n",
      }),
      { settled: (path) => (path === 'b.py' ? settledValue : undefined) },
    );
    const c = resolver.resolve('c.py');
    // The settled value's key order, and its very objects where the child changes nothing.
    expect(pyRepr(c.value)).toBe("{'opt': 0.2, 'model': {'a': 1}}");
    expect(c.value.entries.get('model')).toBe(settledValue.entries.get('model'));
    // The settled file itself still resolves from its own text.
    expect(pyRepr(resolver.resolve('b.py').value)).toBe("{'model': {'a': 1}, 'opt': 0.1}");
  });
});

function resolveIn(files: Record<string, string>, path: string) {
  return createResolver(memorySource(files)).resolve(path).value;
}
