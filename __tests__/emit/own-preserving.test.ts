import { mergeIntoBase } from '../../src/config/merge.js';
import { ownPreservingDelta, valueDelta } from '../../src/emit/delta.js';
import { emitConfig } from '../../src/emit/rewrite.js';
import { dict, type Value } from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(async () => {
  await initParsers();
});

const mergeUnder = (own: Value, base: Value | undefined) =>
  base === undefined
    ? own
    : mergeIntoBase(dict([['k', own]]), dict([['k', base]]), {
        file: 't.py',
        lineOf: () => 0,
      }).value.entries.get('k');

/** The values named `own`, `base` and `target` in a snippet. */
function triple(source: string): { own: Value; base: Value; target: Value } {
  const names = py(source).entries;
  return { own: names.get('own')!, base: names.get('base')!, target: names.get('target')! };
}

describe('ownPreservingDelta', () => {
  it('keeps what the author wrote, even where the base agrees, and adds only what is new', () => {
    const { own, base, target } = triple(`
own = dict(backbone=dict(depth=50, frozen=-1), head=dict(num_classes=19))
base = dict(backbone=dict(depth=50, frozen=-1), head=dict(num_classes=150, channels=512))
target = dict(pre=dict(size=(512, 512)), backbone=dict(depth=50, frozen=-1), head=dict(num_classes=19, channels=512))
`);
    const out = ownPreservingDelta(own, target, base, mergeUnder)!;
    expect(show(out.value)).toBe(
      show(
        py(
          'v = dict(pre=dict(size=(512, 512)), backbone=dict(depth=50, frozen=-1), head=dict(num_classes=19))',
        ).entries.get('v'),
      ),
    );
    // The smallest delta would drop the author's backbone entirely.
    expect(show(valueDelta(target, base))).toBe(
      show(py('v = dict(pre=dict(size=(512, 512)), head=dict(num_classes=19))').entries.get('v')),
    );
    expect(out.kept.size).toBe(2);
  });

  it('rewrites an entry whose value must change, keeping its siblings', () => {
    const { own, base, target } = triple(`
own = dict(a=1, b=dict(x=1, y=2))
base = dict(a=1, b=dict(x=0, y=0))
target = dict(a=1, b=dict(x=1, y=3))
`);
    expect(show(ownPreservingDelta(own, target, base, mergeUnder)!.value)).toBe(
      '{"a":1,"b":{"x":1,"y":3}}',
    );
  });

  it('gives up where only _delete_ can express the target', () => {
    const { own, base, target } = triple(`
own = dict(a=1)
base = dict(a=0, gone=1)
target = dict(a=1)
`);
    expect(ownPreservingDelta(own, target, base, mergeUnder)).toBeUndefined();
  });
});

describe('emitConfig with a rewritten dict', () => {
  it('adds the new entry and copies the untouched entries with their comments and layout', () => {
    const source = `model = dict(
    backbone=dict(
        depth=50,  # as in the paper
        frozen_stages=-1),
    decode_head=dict(num_classes=19))
`;
    const own = py(source, 'c.py');
    const base = py(
      'model = dict(backbone=dict(depth=50, frozen_stages=-1), decode_head=dict(num_classes=150))',
    );
    const target = py(`model = dict(
    data_preprocessor=dict(type='SegDataPreProcessor', size=(512, 1024)),
    backbone=dict(depth=50, frozen_stages=-1),
    decode_head=dict(num_classes=19))`);
    const { text, findings } = emitConfig({ file: 'c.py', source, own, base, target });
    expect(findings).toEqual([]);
    expect(text).toBe(`model = dict(
    data_preprocessor=dict(type='SegDataPreProcessor', size=(512, 1024)),
    backbone=dict(
        depth=50,  # as in the paper
        frozen_stages=-1),
    decode_head=dict(num_classes=19))
`);
  });
});
