/**
 * Shell words and `--cfg-options` values (CLI-GEN-005): the literal a shell
 * word stands for, quoting for output, and DictAction's value parsing.
 */
import { formatCfgValue, parseCfgValue } from '../../src/commands/cfg-values.js';
import { cfgText, valueOfCfg } from '../../src/commands/resolved.js';
import { shellLiteral, shellQuote } from '../../src/commands/words.js';
import { float, int, list, str, tuple } from '../../src/python/values.js';

describe('shell words', () => {
  it.each([
    ['plain', 'plain'],
    ["'single quoted $X'", 'single quoted $X'],
    ['"double \\"quoted\\""', 'double "quoted"'],
    ['a\\ b', 'a b'],
    ['key="v w"', 'key=v w'],
    ['[--out', '[--out'],
    ['{config}', '{config}'],
  ])('%s is the literal %s', (text, value) => {
    expect(shellLiteral(text)).toBe(value);
  });

  it.each(['$X', '"${X}"', 'a=$(pwd)', '`date`', '"unterminated'])(
    '%s has no literal value',
    (text) => {
      expect(shellLiteral(text)).toBeUndefined();
    },
  );

  it('quotes only what the shell would change, brackets included', () => {
    expect(shellQuote('a.b=1')).toBe('a.b=1');
    expect(shellQuote('a=[1,2]')).toBe('"a=[1,2]"');
    expect(shellQuote('a=(1,2)', "'")).toBe("'a=(1,2)'");
    expect(shellQuote('x y$')).toBe('"x y\\$"');
  });
});

describe('CLI-GEN-005 --cfg-options values', () => {
  it.each([
    ['1', 'int', '1'],
    ['1e-4', 'float', '1e-4'],
    ['.5', 'float', '.5'],
    ['TRUE', 'bool', 'True'],
    ['None', 'none', 'None'],
    ['none', 'str', 'none'],
    ['mIoU', 'str', 'mIoU'],
    ['e5', 'str', 'e5'],
  ])('%s parses as %s', (text, kind, formatted) => {
    const value = parseCfgValue(text);
    expect(value.t).toBe(kind);
    expect(formatCfgValue(value)).toBe(formatted);
  });

  it('reads lists and tuples, nested, with quotes and spaces removed', () => {
    expect(formatCfgValue(parseCfgValue("[a, 'b',(1,2)]"))).toBe('[a,b,(1,2)]');
    expect(formatCfgValue(parseCfgValue('mIoU,mDice'))).toBe('[mIoU,mDice]');
    expect(parseCfgValue('(1)').t).toBe('tuple');
  });

  it('writes a config value back only when DictAction would read it the same', () => {
    expect(cfgText(list([str('mIoU'), str('mDice')]))).toBe('[mIoU,mDice]');
    expect(cfgText(tuple([int(512), int(1024)]))).toBe('(512,1024)');
    expect(cfgText(float(1e-5))).toBe('1e-05');
    expect(cfgText(str('a,b'))).toBeUndefined();
    expect(cfgText(str('1'))).toBeUndefined();
    expect(valueOfCfg(parseCfgValue('(512,1024)'))).toEqual(tuple([int(512), int(1024)]));
  });
});
