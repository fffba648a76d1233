import { memoizePass } from '../../src/convert/memo.js';
import type { Pass } from '../../src/convert/types.js';
import { dict, editDict, int, str, type DictValue, type Value } from '../../src/python/values.js';

/** A config holding `shared` under `data` and its own `model`. */
function config(shared: Value, model: number): DictValue {
  return dict([
    ['model', dict([['depth', int(model)]])],
    ['data', shared],
  ]);
}

/** Reads `data` only: `data.samples_per_gpu` → `train_dataloader.batch_size`. */
function dataPass(runs: { count: number }): Pass {
  return ({ out, ctx }) => {
    runs.count += 1;
    const data = out.entries.get('data') as DictValue;
    const next = editDict(out);
    next.delete('data');
    next.set('train_dataloader', dict([['batch_size', data.entries.get('samples_per_gpu')!]]));
    return {
      out: next.value,
      findings: [{ rule: 'DATA-001', severity: 'info', file: ctx.file, line: 0, message: 'm' }],
    };
  };
}

const keys = (d: DictValue) => [...d.entries.keys()];

describe('memoizePass', () => {
  it('runs a pass once for configs that hold the same objects under the keys it reads', () => {
    const runs = { count: 0 };
    const pass = memoizePass(dataPass(runs));
    const shared = dict([['samples_per_gpu', int(4)]]);
    const first = pass({ old: config(shared, 50), out: config(shared, 50), ctx: { file: 'a.py' } });
    const second = pass({
      old: config(shared, 101),
      out: config(shared, 101),
      ctx: { file: 'b.py' },
    });
    expect(runs.count).toBe(1);
    const direct = dataPass({ count: 0 })({
      old: config(shared, 101),
      out: config(shared, 101),
      ctx: { file: 'b.py' },
    });
    expect(keys(second.out)).toEqual(keys(direct.out));
    expect(second.out.entries.get('model')).toEqual(direct.out.entries.get('model'));
    expect(second.out.entries.get('train_dataloader')).toBe(
      first.out.entries.get('train_dataloader'),
    );
    // Findings about values without an origin land in each config's own file.
    expect(first.findings[0].file).toBe('a.py');
    expect(second.findings[0].file).toBe('b.py');
  });

  it('runs again when a read entry is another object, even an equal one', () => {
    const runs = { count: 0 };
    const pass = memoizePass(dataPass(runs));
    for (const d of [dict([['samples_per_gpu', int(4)]]), dict([['samples_per_gpu', int(4)]])]) {
      pass({ old: config(d, 50), out: config(d, 50), ctx: { file: 'a.py' } });
    }
    expect(runs.count).toBe(2);
  });

  it('starts sharing when configs start repeating, after many that did not', () => {
    // A repository's bases come first and share nothing; its leaves share their bases.
    const runs = { count: 0 };
    const pass = memoizePass(dataPass(runs));
    for (let i = 0; i < 100; i++) {
      const own = dict([['samples_per_gpu', int(i)]]);
      pass({ old: config(own, i), out: config(own, i), ctx: { file: `base${i}.py` } });
    }
    expect(runs.count).toBe(100);
    const shared = dict([['samples_per_gpu', int(2)]]);
    for (let i = 0; i < 100; i++) {
      pass({ old: config(shared, i), out: config(shared, i), ctx: { file: `leaf${i}.py` } });
    }
    // Unrecorded runs until the next probe records one, then every leaf shares it.
    expect(runs.count).toBeLessThanOrEqual(100 + 8);
  });

  it('never shares a pass that reads every entry', () => {
    const runs = { count: 0 };
    const pass = memoizePass(({ out }) => {
      runs.count += 1;
      const names = [...out.entries.keys()].map(String).join(',');
      return {
        out: editDict(out).value,
        findings: [{ rule: 'X-001', severity: 'info', file: names, line: 0, message: '' }],
      };
    });
    const shared = dict([['samples_per_gpu', int(4)]]);
    pass({ old: config(shared, 1), out: config(shared, 1), ctx: { file: 'a.py' } });
    const other = dict([
      ['extra', str('x')],
      ['data', shared],
    ]);
    const second = pass({ old: other, out: other, ctx: { file: 'b.py' } });
    expect(runs.count).toBe(2);
    expect(second.findings[0].file).toBe('extra,data');
  });

  it('does not share a result that carries the config file in a value', () => {
    const runs = { count: 0 };
    const pass = memoizePass(({ out, ctx }) => {
      runs.count += 1;
      const next = editDict(out);
      next.set('tagged', {
        ...str(String(out.entries.get('data')?.t)),
        at: { file: ctx.file, start: 0, end: 0, line: 0 },
      });
      return { out: next.value, findings: [] };
    });
    const shared = dict([['samples_per_gpu', int(4)]]);
    const a = pass({ old: config(shared, 1), out: config(shared, 1), ctx: { file: 'a.py' } });
    const b = pass({ old: config(shared, 2), out: config(shared, 2), ctx: { file: 'b.py' } });
    expect(a.out.entries.get('tagged')?.at?.file).toBe('a.py');
    expect(b.out.entries.get('tagged')?.at?.file).toBe('b.py');
  });
});
