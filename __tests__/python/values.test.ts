import {
  dict,
  editDict,
  float,
  int,
  list,
  pyFloatRepr,
  sameValue,
  str,
  toJsonText,
  tuple,
  valueEquals,
} from '../../src/python/values.js';

describe('pyFloatRepr', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [512, '512.0'],
    [1e16, '1e+16'],
    [123.456, '123.456'],
    [-2.5, '-2.5'],
    [6e-5, '6e-05'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('%p prints as Python repr %s', (n, expected) => {
    expect(pyFloatRepr(n)).toBe(expected);
  });
});

describe('valueEquals', () => {
  it('tells int from float and tuple from list', () => {
    expect(valueEquals(int(1), float(1))).toBe(false);
    expect(valueEquals(tuple([int(1)]), list([int(1)]))).toBe(false);
    expect(valueEquals(list([int(1), str('a')]), list([int(1), str('a')]))).toBe(true);
  });
  it('ignores dict order', () => {
    const a = dict([
      ['x', int(1)],
      ['y', int(2)],
    ]);
    const b = dict([
      ['y', int(2)],
      ['x', int(1)],
    ]);
    expect(valueEquals(a, b)).toBe(true);
  });
});

describe('sameValue', () => {
  it('answers as valueEquals, for scalars and for containers asked again', () => {
    const a = dict([['x', list([int(1), float(2)])]]);
    const b = dict([['x', list([int(1), float(2)])]]);
    const c = dict([['x', list([int(1), int(2)])]]);
    for (let round = 0; round < 2; round++) {
      expect(sameValue(a, b)).toBe(true);
      expect(sameValue(a, c)).toBe(false);
      expect(sameValue(c, a)).toBe(false);
    }
    expect(sameValue(int(1), float(1))).toBe(false);
    expect(sameValue(tuple([int(1)]), list([int(1)]))).toBe(false);
  });
});

describe('toJsonText', () => {
  it('writes floats with a decimal point and tuples as arrays', () => {
    const v = dict([
      ['lr', float(0.01)],
      ['size', tuple([int(512), int(1024)])],
      ['ratio', float(2)],
    ]);
    expect(JSON.parse(toJsonText(v))).toEqual({ lr: 0.01, size: [512, 1024], ratio: 2 });
    expect(toJsonText(v, 0)).toBe('{"lr":0.01,"size":[512,1024],"ratio":2.0}');
  });
});

describe('editDict', () => {
  it('returns the same dict when nothing changes', () => {
    const d = dict([['a', int(1)]]);
    const edit = editDict(d);
    edit.delete('missing');
    expect(edit.value).toBe(d);
  });

  it('copies once, keeps key order, and never changes the original or a value already handed out', () => {
    const d = dict([
      ['a', int(1)],
      ['b', int(2)],
    ]);
    const edit = editDict(d);
    edit.set('b', int(20));
    edit.set('c', int(3));
    edit.delete('a');
    const first = edit.value;
    edit.set('d', int(4));
    const second = edit.value;
    expect([...d.entries.keys()]).toEqual(['a', 'b']);
    expect(toJsonText(first, 0)).toBe('{"b":20,"c":3}');
    expect(toJsonText(second, 0)).toBe('{"b":20,"c":3,"d":4}');
    expect(edit.has('d')).toBe(true);
    expect(edit.has('a')).toBe(false);
  });
});
