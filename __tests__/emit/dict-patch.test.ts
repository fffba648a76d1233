import { insertDictEntries } from '../../src/emit/dict-patch.js';
import { dict, int, str, withEntry, type DictValue } from '../../src/python/values.js';
import { initParsers, py } from '../helpers/py.js';

beforeAll(async () => {
  await initParsers();
});

function ownModel(text: string): DictValue {
  return py(text, 'c.py').entries.get('model') as DictValue;
}

/** `own` with `key` placed right after `after`, as the target orders it. */
function withAfter(own: DictValue, after: string, key: string, value = str('x')): DictValue {
  const entries = [...own.entries];
  const at = entries.findIndex(([k]) => k === after) + 1;
  entries.splice(at, 0, [key, value]);
  return dict(entries);
}

describe('insertDictEntries', () => {
  it('inserts a new entry on its own line and keeps every other byte, comments included', () => {
    const text = `model = dict(
    type='EncoderDecoder',
    backbone=dict(depth=50),
    # model training and testing settings
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))`;
    const own = ownModel(text);
    const out = insertDictEntries(text, own, withAfter(own, 'type', 'data_preprocessor'), {});
    expect(out).toBe(`model = dict(
    type='EncoderDecoder',
    data_preprocessor='x',
    backbone=dict(depth=50),
    # model training and testing settings
    train_cfg=dict(),
    test_cfg=dict(mode='whole'))`);
  });

  it('adds after a last entry without a trailing comma, and first in an inline call', () => {
    const text = 'model = dict(a=1, b=2)';
    const own = ownModel(text);
    expect(insertDictEntries(text, own, withEntry(own, 'c', int(3)), {})).toBe(
      'model = dict(a=1, b=2, c=3)',
    );
    const first = dict([['z', int(0)], ...own.entries]);
    expect(insertDictEntries(text, own, first, {})).toBe('model = dict(z=0, a=1, b=2)');
  });

  it('declines what is not only additions, and lines the insertion would run past 79 columns', () => {
    const text = 'model = dict(a=1, b=2)';
    const own = ownModel(text);
    expect(insertDictEntries(text, own, withEntry(own, 'a', int(5)), {})).toBeUndefined();
    expect(insertDictEntries(text, own, dict([...own.entries].reverse()), {})).toBeUndefined();
    const long = withEntry(own, 'data_preprocessor_with_a_very_long_name', str('x'.repeat(60)));
    expect(insertDictEntries(text, own, long, {})).toBeUndefined();
    const splat = 'model = dict(a=1, **extra)';
    expect(insertDictEntries(splat, own, withEntry(own, 'c', int(3)), {})).toBeUndefined();
  });
});

describe('insertDictEntries beside comments', () => {
  it('leaves a comment that ends an entry’s line on that line', () => {
    const text = `model = dict(  # the model
    type='EncoderDecoder',  # a single-stage segmentor
    backbone=dict(depth=50))`;
    const own = ownModel(text);
    expect(insertDictEntries(text, own, withAfter(own, 'type', 'data_preprocessor'), {})).toBe(
      `model = dict(  # the model
    type='EncoderDecoder',  # a single-stage segmentor
    data_preprocessor='x',
    backbone=dict(depth=50))`,
    );
    expect(insertDictEntries(text, own, dict([['first', int(1)], ...own.entries]), {})).toBe(
      `model = dict(  # the model
    first=1,
    type='EncoderDecoder',  # a single-stage segmentor
    backbone=dict(depth=50))`,
    );
  });
});
