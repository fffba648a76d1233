import { evaluateModule, parseModule } from '../../src/python/evaluate.js';
import { initParsers } from '../../src/python/parse.js';
import { toJsonText, type Value } from '../../src/python/values.js';

beforeAll(() => initParsers());

/** Evaluates `v = <expr>` (with `x = 3` bound first) and returns v plus the findings. */
function evalExpr(expr: string): { v: Value; findings: string[] } {
  const mod = parseModule(`x = 3\nv = ${expr}\n`, 'e.py');
  expect(mod.syntaxErrors).toEqual([]);
  const { names, findings } = evaluateModule(mod);
  return {
    v: names.get('v')!,
    findings: findings.map((f) => `${f.rule} ${f.severity} line ${f.line}`),
  };
}

/**
 * Each expected value is what CPython 3 prints for `json.dumps(eval(expr),
 * separators=(',', ':'))` (iterators wrapped in `list()`), so the evaluator is
 * held to Python's own results, including its float formatting and rounding.
 */
const PYTHON_RESULTS: Record<string, [string, string][]> = {
  'arithmetic with int/float typing and floor semantics': [
    ['7 // -2', '-4'],
    ['-7.5 // 2', '-4.0'],
    ['7.5 % -2', '-0.5'],
    ['-0.0 % 5', '0.0'],
    ['5 % -0.0 if False else 1', '1'],
    ['2 ** 0.5', '1.4142135623730951'],
    ['(-8) ** 2', '64'],
    ['10 / 4', '2.5'],
    ['True + True', '2'],
    ["True * 'ab'", '"ab"'],
    ['3 * [1]', '[1,1,1]'],
    ['[1, 2] * 0', '[]'],
    ['(1,) + (2, 3)', '[1,2,3]'],
  ],
  'comparisons and boolean operators': [
    ['1 == 1.0', 'true'],
    ['[1] == (1,)', 'false'],
    ["{'a': 1} == {'a': 1.0}", 'true'],
    ["'b' > 'a'", 'true'],
    ['[1, 2] < [1, 3]', 'true'],
    ['(1, 2) <= (1, 2)', 'true'],
    ['1 < 2 < 3 > 2', 'true'],
    ['None is None', 'true'],
    ["0 or [] or 'x'", '"x"'],
    ['1 and 0', '0'],
    ['not []', 'true'],
  ],
  '% formatting': [
    ["'%s' % [1, 'a']", '"[1, \'a\']"'],
    ["'%s|%r' % ('a', 'a')", '"a|\'a\'"'],
    ["'%5s|%-5s|%05d|%+d|% d' % ('x', 'y', 42, 3, 4)", '"    x|y    |00042|+3| 4"'],
    [
      "'%.3g|%g|%g|%g|%e|%E' % (1234.5678, 0.0001, 1e-5, 123456789.0, 12.5, 0.000123)",
      '"1.23e+03|0.0001|1e-05|1.23457e+08|1.250000e+01|1.230000E-04"',
    ],
    ["'%x|%X|%o|%#x|%#o' % (255, 255, 8, 255, 8)", '"ff|FF|10|0xff|0o10"'],
    ["'%(a)s-%(b)d' % {'a': 'x', 'b': 2}", '"x-2"'],
    ["'%.0f|%.0f|%.0f|%.1f' % (0.5, 1.5, 2.5, 0.05)", '"0|2|2|0.1"'],
    ["'%d' % 3.99", '"3"'],
    ["'%i%' % 7", '"7%"'],
  ],
  'str.format and the format mini-language': [
    [
      "'{:>8.2f}|{:<6}|{:^7}|{:*^9}'.format(3.14159, 'ab', 'mid', 'c')",
      '"    3.14|ab    |  mid  |****c****"',
    ],
    [
      "'{:,}|{:_}|{:,.2f}'.format(1234567, 1234567, 1234567.891)",
      '"1,234,567|1_234_567|1,234,567.89"',
    ],
    [
      "'{:e}|{:.2e}|{:g}|{:.3}|{:.3}'.format(0.00012, 123456.0, 1e20, 100.0, 1.0)",
      '"1.200000e-04|1.23e+05|1e+20|1e+02|1.0"',
    ],
    ["'{:%}|{:.1%}'.format(0.25, 0.125)", '"25.000000%|12.5%"'],
    ["'{:b}|{:#b}|{:o}|{:x}|{:#X}'.format(5, 5, 8, 255, 255)", '"101|0b101|10|ff|0XFF"'],
    ["'{!r}|{!s}|{}'.format('q', 'q', None)", '"\'q\'|q|None"'],
    ["'{0[a]}|{1[0]}'.format({'a': 7}, [9])", '"7|9"'],
    ["'{:08.3f}|{:+}|{: }'.format(-3.14159, 5, 5)", '"-003.142|+5| 5"'],
    ["'{}'.format(1e16)", '"1e+16"'],
    ["'{}'.format(1e-7)", '"1e-07"'],
    ["'{}'.format(0.1 + 0.2)", '"0.30000000000000004"'],
    ["'{:.0f}'.format(2.5)", '"2"'],
    ["'{:5}|{:<5}|{:>5}'.format(1, 2, 'a')", '"    1|2    |    a"'],
  ],
  'str() and repr()': [
    ['str(1e22)', '"1e+22"'],
    ['str(-0.0)', '"-0.0"'],
    ['repr("it\'s")', '"\\"it\'s\\""'],
    ["repr('a\"b\\'c')", '"\'a\\"b\\\\\'c\'"'],
    ["repr('tab\\there\\n')", '"\'tab\\\\there\\\\n\'"'],
    [
      "str([1.0, 'a', None, True, (1,), {'k': (1, 2)}])",
      "\"[1.0, 'a', None, True, (1,), {'k': (1, 2)}]\"",
    ],
  ],
  'round() (half to even, on the exact binary value)': [
    ['round(0.125, 2)', '0.12'],
    ['round(-2.5)', '-2'],
    ['round(1234, -2)', '1200'],
    ['round(1250, -2)', '1200'],
    ['round(1.0)', '1'],
    ['round(5.5e-5, 5)', '6e-05'],
    ['round(123.456, -1)', '120.0'],
  ],
  'number conversions and builtins': [
    ["int(' -12 ')", '-12'],
    ["int('ff', 16)", '255'],
    ["int('0x1f', 0)", '31'],
    ['int(-3.9)', '-3'],
    ["float(' 1_000.5 ')", '1000.5'],
    ["float('-inf')", '-Infinity'],
    ['abs(-7)', '7'],
    ["min('b', 'a')", '"a"'],
    ['max([3, 1, 2], default=0)', '3'],
    ['sorted([3, 1, 2], reverse=True)', '[3,2,1]'],
    ["list(zip([1, 2, 3], 'ab'))", '[[1,"a"],[2,"b"]]'],
    ["list(enumerate(['a', 'b'], 1))", '[[1,"a"],[2,"b"]]'],
    ['list(reversed((1, 2, 3)))', '[3,2,1]'],
    ['any(x > 2 for x in [1, 3])', 'true'],
    ['all([])', 'true'],
    ['sum(x * x for x in range(4))', '14'],
    ['sum([0.1, 0.2])', '0.30000000000000004'],
  ],
  'str methods': [
    ["len('héllo')", '5'],
    ["'a,b,,c'.split(',')", '["a","b","","c"]'],
    ["'a b  c '.split()", '["a","b","c"]'],
    ["'a,b,c'.split(',', 1)", '["a","b,c"]'],
    ["'a,b,c'.rsplit(',', 1)", '["a,b","c"]'],
    ["'  x  '.lstrip() + '|' + '--x--'.strip('-')", '"x  |x"'],
    ["'hello world'.title()", '"Hello World"'],
    ["'abc'.capitalize()", '"Abc"'],
    ["'abcabc'.replace('b', 'X', 1)", '"aXcabc"'],
    ["'abc'.startswith(('x', 'a'))", 'true'],
    ["'file.py'.endswith('.py')", 'true'],
    ["'abcabc'.find('c') + 'abcabc'.rfind('c') + 'abcabc'.count('bc')", '9'],
    ["'7'.zfill(3)", '"007"'],
    ["'-7'.zfill(4)", '"-007"'],
    ["'ab'.center(6, '*')", '"**ab**"'],
    ["'prefix_x'.removeprefix('prefix_')", '"x"'],
    ["'x'.join('abc')", '"axbxc"'],
    ["'abc'[::-2]", '"ca"'],
    ["'abc'[-1]", '"c"'],
    ['[1, 2, 3, 4, 5][1:-1:2]', '[2,4]'],
  ],
  'subscripts and slices': [
    ['[1, 2, 3][5:]', '[]'],
    ['[1, 2, 3][-10:2]', '[1,2]'],
    ["dict([('a', 1), ('b', 2)], c=3)", '{"a":1,"b":2,"c":3}'],
  ],
  'dicts, unpacking and comprehensions': [
    ["dict({'a': 1}, a=2)", '{"a":2}'],
    ["{**{'a': 1}, 'a': 3, **{'b': 2}}", '{"a":3,"b":2}'],
    ["[*range(3), *'ab']", '[0,1,2,"a","b"]'],
    ["{k: v * 2 for k, v in {'x': 1, 'y': 2}.items()}", '{"x":2,"y":4}'],
    ['[(i, j) for i in range(3) for j in range(i)]', '[[1,0],[2,0],[2,1]]'],
    ['[x for x in range(10) if x % 2 if x > 3]', '[5,7,9]'],
    ["{'a': 1}.get('b', 5)", '5'],
    ["{'a': 1}.get('a')", '1'],
    ["list({'a': 1, 'b': 2}.keys())", '["a","b"]'],
    ["list({'a': 1, 'b': 2}.values())", '[1,2]'],
    ['[1, 2, 3].index(2)', '1'],
    ['(1, 2, 2).count(2)', '2'],
  ],
  'operators: precedence, bitwise, powers': [
    ['1 if 0 else 2 if 0 else 3', '3'],
    ['-(-3)', '3'],
    ['~5', '-6'],
    ['1 << 4 | 1', '17'],
    ['6 & 3 ^ 1', '3'],
    ['True | False', 'true'],
    ['10 % 3 ** 2', '1'],
    ['2 ** 3 ** 2', '512'],
    ['-2 ** 2', '-4'],
    ['1e300 * 1e10', 'Infinity'],
    ['0.1 * 3', '0.30000000000000004'],
    ['1 / 3', '0.3333333333333333'],
    ['2 ** 53', '9007199254740992'],
    ['10 // 3.0', '3.0'],
    ['-1 // 3', '-1'],
    ["f'{x:{x}d}'", '"  3"'],
    ['1 | 2 ^ 3 & 4 << 1 + 1', '3'],
    ['5 ^ 3 & 6 ^ 1', '6'],
    ['(6 & 3) ^ 1 & 7', '3'],
    ['6 & (3 ^ 1)', '2'],
  ],
  'string literals and f-strings': [
    ["'abc' * -1", '""'],
    ["'ab' 'cd'", '"abcd"'],
    ["'a\\x41\\101\\u00e9\\n'", '"aAAé\\n"'],
    ["r'\\n\\d'", '"\\\\n\\\\d"'],
    ["'\\d'", '"\\\\d"'],
    ["'''tri\nple'''", '"tri\\nple"'],
    ['f\'{1 + 1}{"x"!r}{3.14159:.2f}{"s":>3}\'', '"2\'x\'3.14  s"'],
    ["f'{{literal}} {2 * 3}'", '"{literal} 6"'],
    ['f"{\'nested\'}"', '"nested"'],
    ["f'{x=}'", '"x=3"'],
  ],
};

describe.each(Object.entries(PYTHON_RESULTS))('%s', (_group, rows) => {
  it.each(rows)('%s == %s', (expr, expected) => {
    const { v, findings } = evalExpr(expr);
    expect(findings).toEqual([]);
    expect(toJsonText(v, 0)).toBe(expected);
  });
});

describe('value types', () => {
  const typeOf = (expr: string) => evalExpr(expr).v.t;
  it.each([
    ['1_000', 'int'],
    ['0x1F', 'int'],
    ['512.', 'float'],
    ['.5', 'float'],
    ['1e-4', 'float'],
    ['4 / 2', 'float'],
    ['4 // 2', 'int'],
    ['4.0 // 2', 'float'],
    ['2 * 3', 'int'],
    ['2 * 3.0', 'float'],
    ['-x', 'int'],
    ['True + 1', 'int'],
    ['True', 'bool'],
    ['None', 'none'],
    ['(1, 2)', 'tuple'],
    ['(1,)', 'tuple'],
    ['()', 'tuple'],
    ['(1)', 'int'],
    ['[1]', 'list'],
    ['tuple([1])', 'tuple'],
    ['list((1,))', 'list'],
    ['sum([1, 2.0])', 'float'],
    ['round(2.5)', 'int'],
    ['round(2.5, 0)', 'float'],
    ['abs(-2)', 'int'],
    ['float(2)', 'float'],
    ['int(2.9)', 'int'],
  ])('%s is %s', (expr, t) => {
    expect(typeOf(expr)).toBe(t);
  });

  it('keeps ints and floats apart in containers: dict(a=1, b=1.0)', () => {
    expect(toJsonText(evalExpr('dict(a=1, b=1.0, c=(1, 2.5))').v, 0)).toBe(
      '{"a":1,"b":1.0,"c":[1,2.5]}',
    );
  });
});

describe('what cannot be evaluated becomes opaque, with one PY-002 warning', () => {
  it.each([
    ["os.environ.get('X', 'y')", 'uses the imported name `os`'],
    ['undefined_name', 'name `undefined_name` is not defined in this file'],
    ['foo(1)', 'calls `foo()`, which the evaluator does not know'],
    ['{1, 2}', 'sets are not config data'],
    ["b'bytes'", 'bytes values are not config data'],
    ['1 / 0', 'ZeroDivisionError: division by zero'],
    ['[1][3]', 'list index out of range'],
    ["{'a': 1}['b']", "KeyError: 'b'"],
    ["1 + 'a'", "unsupported operand types for +: 'int' and 'str'"],
    ["'%d' % 'a'", '%d format: a real number is required, not str'],
    ["'%s %s' % (1,)", 'not enough arguments for format string'],
    ["'{} {0}'.format(1)", 'cannot switch between automatic and manual field numbering'],
    ['dict(a=1).a', 'attribute access `.a` on a plain dict (Python raises AttributeError)'],
    ['dict(a=1, **dict(a=2))', "got multiple values for keyword argument 'a'"],
    ['2 ** 100', 'integer result is too large to represent exactly'],
    ["'a' * 10 ** 9", 'string is too long to be config data'],
    ['range(3)', 'an iterator or range object is not config data'],
    ['(-8) ** 0.5', 'result would be a complex number'],
    ['[].pop()', '`.pop()` changes its object inside an expression'],
  ])('%s', (expr, reason) => {
    const src = `import os\nv = ${expr}\n`;
    const { names, findings } = evaluateModule(parseModule(src, 'e.py'));
    const v = names.get('v')!;
    expect(v).toEqual({
      t: 'opaque',
      src: expr,
      reason,
      at: { file: 'e.py', start: 14, end: 14 + expr.length, line: 2 },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'PY-002',
      severity: 'warning',
      file: 'e.py',
      line: 2,
    });
    expect(findings[0].message).toContain(reason);
  });

  it('a lambda inside a value is opaque; a top-level lambda is a function, not a key', () => {
    const { names, findings } = evaluateModule(
      parseModule('f = lambda y: y\nv = [lambda y: y]\n', 'e.py'),
    );
    expect([...names.keys()]).toEqual(['v']);
    expect(toJsonText(names.get('v')!, 0)).toBe('[{"__opaque__":"lambda y: y"}]');
    expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      [
        'PY-002',
        2,
        'Cannot evaluate `lambda y: y`: a lambda is code, not config data. The value is kept as written.',
      ],
    ]);
  });

  it('does not cascade: operations on an opaque operand give opaque without a second finding', () => {
    const src = 'import os\na = os.getenv("A")\nb = a + 1\nc = dict(x=a, y=[a * 2])\nd = f"{a}"\n';
    const { names, findings } = evaluateModule(parseModule(src, 'e.py'));
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['PY-002', 2]]);
    expect(names.get('b')).toMatchObject({ t: 'opaque', src: 'a + 1' });
    const c = names.get('c')!;
    expect(toJsonText(c, 0)).toBe(
      '{"x":{"__opaque__":"os.getenv(\\"A\\")"},"y":[{"__opaque__":"a * 2"}]}',
    );
    expect(names.get('d')).toMatchObject({ t: 'opaque', src: 'f"{a}"' });
  });
});
