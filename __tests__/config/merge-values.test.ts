/**
 * The merge on values directly, for what source configs rarely show:
 * `_delete_` given as a non-bool, and values the evaluator could not compute.
 */
import { mergeIntoBase } from '../../src/config/merge.js';
import {
  dict,
  float,
  int,
  list,
  none,
  opaque,
  str,
  truthy,
  type Value,
} from '../../src/python/values.js';
import { pyRepr } from './repr.js';

const ctx = { file: 'c.py', lineOf: () => 7 };
const base = dict([
  [
    'model',
    dict([
      ['a', int(1)],
      ['b', int(2)],
    ]),
  ],
  ['dyn', opaque('make()', 'call')],
]);

describe('mergeIntoBase', () => {
  it.each<[string, Value, string]>([
    ['0', int(0), "{'a': 1, 'b': 2, 'c': 3}"],
    ["''", str(''), "{'a': 1, 'b': 2, 'c': 3}"],
    ['None', none(), "{'a': 1, 'b': 2, 'c': 3}"],
    ["'yes'", str('yes'), "{'c': 3}"],
    ['[0]', list([int(0)]), "{'c': 3}"],
    ['0.5', float(0.5), "{'c': 3}"],
  ])('_delete_=%s follows Python truthiness', (_, marker, expected) => {
    const child = dict([
      [
        'model',
        dict([
          ['_delete_', marker],
          ['c', int(3)],
        ]),
      ],
    ]);
    const r = mergeIntoBase(child, base, ctx);
    expect(r.findings).toEqual([]);
    expect(pyRepr(r.value.entries.get('model')!)).toBe(expected);
  });

  it('does not guess when a value is unevaluated', () => {
    const child = dict([
      ['model', opaque('build()', 'call')],
      ['dyn', dict([['x', int(1)]])],
    ]);
    const r = mergeIntoBase(child, base, ctx);
    expect(r.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.message])).toEqual([
      [
        'INH-003',
        'error',
        'c.py',
        7,
        "cannot tell whether 'model' merges into or replaces the base dict",
      ],
      [
        'INH-003',
        'error',
        'c.py',
        7,
        "cannot tell whether the base value 'dyn' merges into is a dict",
      ],
    ]);
  });

  it('leaves both inputs unchanged', () => {
    const child = dict([
      [
        'model',
        dict([
          ['_delete_', int(0)],
          ['a', int(5)],
        ]),
      ],
    ]);
    const before = [pyRepr(child), pyRepr(base)];
    mergeIntoBase(child, base, ctx);
    expect([pyRepr(child), pyRepr(base)]).toEqual(before);
  });
});

describe('truthy', () => {
  it('is Python bool() for data and unknown for unevaluated values', () => {
    expect(truthy(float(NaN))).toBe(true);
    expect(truthy(float(-0))).toBe(false);
    expect(truthy(dict())).toBe(false);
    expect(truthy(opaque('x', 'y'))).toBeUndefined();
  });
});
