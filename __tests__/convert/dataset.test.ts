import {
  convertDataset,
  convertFileClientArgs,
  evalReduceZeroLabel,
  leafDatasets,
  type PipelineRole,
  type Split,
} from '../../src/convert/dataset.js';
import {
  getPath,
  opaque,
  str,
  withEntry,
  type DictValue,
  type ListValue,
  type Value,
} from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/ds.py' };

/** Stands in for the loader's pipeline handling: records the role and how the pipeline was referenced. */
const pipeline = (p: Value, role: PipelineRole) => ({
  value: str(`${role}:${p.at?.via ?? 'inline'}`),
  findings: [],
});

/** Converts `ds` from the Python source (which may define helper variables first). */
function run(source: string, split: Split = 'train') {
  const ds = py(source, 'configs/ds.py').entries.get('ds') as Value;
  const r = convertDataset(ds, ctx, { split, pipeline });
  return { value: r.value, findings: r.findings.map((f) => [f.rule, f.severity, f.line]) };
}

const expected = (source: string) => show(py(source).entries.get('x'));

describe('convertDataset: leaf datasets', () => {
  it('renames CustomDataset and moves img_dir/ann_dir/split into data_prefix/ann_file (DATA-011, DATA-012)', () => {
    const r = run(`
train_pipeline = [dict(type='LoadImageFromFile')]
ds = dict(type='CustomDataset', data_root='data/x', img_dir='img/train', ann_dir='ann/train',
          split='splits/train.txt', img_suffix='.png', pipeline=train_pipeline)
`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='BaseSegDataset', data_root='data/x',
        data_prefix=dict(img_path='img/train', seg_map_path='ann/train'),
        ann_file='splits/train.txt', img_suffix='.png', pipeline='train:train_pipeline')`),
    );
    expect(r.findings).toEqual([]);
  });

  it('writes only img_path without ann_dir, and leaves out split=None (DATA-012)', () => {
    const r = run(
      `ds = dict(type='CityscapesDataset', img_dir='leftImg8bit/test', split=None)`,
      'test',
    );
    expect(show(r.value)).toBe(
      expected(`x = dict(type='CityscapesDataset', data_prefix=dict(img_path='leftImg8bit/test'))`),
    );
    expect(r.findings).toEqual([]);
  });

  it('moves classes and palette into metainfo at the place of the first (DATA-013)', () => {
    const r = run(
      `ds = dict(type='CustomDataset', classes=('bg', 'fg'), img_dir='i', palette=[[0, 0, 0], [255, 0, 0]])`,
      'val',
    );
    expect(show(r.value)).toBe(
      expected(`x = dict(type='BaseSegDataset',
        metainfo=dict(classes=('bg', 'fg'), palette=[[0, 0, 0], [255, 0, 0]]),
        data_prefix=dict(img_path='i'))`),
    );
  });

  it('keeps data_root, suffixes, ignore_index and an explicit test_mode; val pipelines get the test role (DATA-014, DATA-025)', () => {
    const r = run(
      `test_pipeline = []
ds = dict(type='PascalVOCDataset', data_root='r', img_suffix='.jpg', seg_map_suffix='.png',
          ignore_index=0, test_mode=True, pipeline=test_pipeline)`,
      'val',
    );
    expect(show(r.value)).toBe(
      expected(`x = dict(type='PascalVOCDataset', data_root='r', img_suffix='.jpg', seg_map_suffix='.png',
          ignore_index=0, test_mode=True, pipeline='test:test_pipeline')`),
    );
    expect(r.findings).toEqual([]);
  });

  it('returns the very same dict when nothing changes', () => {
    const ds = py(`ds = dict(type='ADE20KDataset', data_root='r')`).entries.get('ds') as Value;
    expect(convertDataset(ds, ctx, { split: 'val', pipeline }).value).toBe(ds);
  });

  it('reports unknown, removed and unreadable classes (DATA-011)', () => {
    expect(run(`ds = dict(type='MyDataset', img_dir='i')`, 'val').findings).toEqual([
      ['DATA-011', 'warning', 1],
    ]);
    const removed = run(`ds = dict(
    type='FaceOccludedDataset', img_dir='i')`);
    expect(removed.findings).toEqual([['DATA-011', 'error', 2]]);
    expect(show(getPath(removed.value, ['type']))).toBe('"FaceOccludedDataset"');
    const ds = py(`ds = dict(type='X', img_dir='i')`).entries.get('ds') as DictValue;
    const typed = withEntry(
      ds,
      'type',
      opaque('pick()', 'call', { file: 'configs/ds.py', start: 0, end: 6, line: 7 }),
    );
    const r = convertDataset(typed, ctx, { split: 'val', pipeline });
    expect(r.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['DATA-011', 'warning', 7],
    ]);
    expect(getPath(r.value, ['type'])?.t).toBe('opaque');
  });

  it('reports a dataset that is not a dict and keeps it (DATA-011)', () => {
    const r = run(`ds = 'cityscapes'`, 'val');
    expect(show(r.value)).toBe('"cityscapes"');
    expect(r.findings).toEqual([['DATA-011', 'error', 1]]);
  });
});

describe('convertDataset: file_client_args and dropped keys', () => {
  it('drops the disk backend and renames others to backend_args (DATA-015)', () => {
    expect(
      show(
        run(`ds = dict(type='ADE20KDataset', file_client_args=dict(backend='disk'))`, 'val').value,
      ),
    ).toBe(expected(`x = dict(type='ADE20KDataset')`));
    const petrel = run(
      `ds = dict(type='ADE20KDataset', file_client_args=dict(backend='petrel', path_mapping=dict(a='b')))`,
      'val',
    );
    expect(show(petrel.value)).toBe(
      expected(
        `x = dict(type='ADE20KDataset', backend_args=dict(backend='petrel', path_mapping=dict(a='b')))`,
      ),
    );
    expect(petrel.findings).toEqual([]);
    const odd = run(
      `ds = dict(type='ADE20KDataset',
    file_client_args=dict(backend='ceph'))`,
      'val',
    );
    expect(show(odd.value)).toBe(
      expected(`x = dict(type='ADE20KDataset', backend_args=dict(backend='ceph'))`),
    );
    expect(odd.findings).toEqual([['DATA-015', 'warning', 2]]);
  });

  it('keeps non-default disk options and reports a non-dict (DATA-015)', () => {
    const args = py(`a = dict(backend='disk', x=1)
b = 'disk'`);
    expect(show(convertFileClientArgs(args.entries.get('a') as Value, ctx).value)).toBe(
      show(args.entries.get('a')),
    );
    const b = convertFileClientArgs(args.entries.get('b') as Value, ctx);
    expect(show(b.value)).toBe('"disk"');
    expect(b.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['DATA-015', 'warning', 2],
    ]);
  });

  it('drops gt_seg_map_loader_cfg with a warning (DATA-016)', () => {
    const r = run(
      `ds = dict(type='CityscapesDataset', img_dir='i',
          gt_seg_map_loader_cfg=dict(reduce_zero_label=False))`,
      'test',
    );
    expect(show(r.value)).toBe(
      expected(`x = dict(type='CityscapesDataset', data_prefix=dict(img_path='i'))`),
    );
    expect(r.findings).toEqual([['DATA-016', 'warning', 2]]);
  });
});

describe('convertDataset: reduce_zero_label (DATA-017)', () => {
  it('leaves the flag out when the train LoadAnnotations value equals the 1.x class default', () => {
    const r =
      run(`p = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True)]
ds = dict(type='ADE20KDataset', img_dir='i', pipeline=p)`);
    expect(show(r.value)).toBe(
      expected(
        `x = dict(type='ADE20KDataset', data_prefix=dict(img_path='i'), pipeline='train:p')`,
      ),
    );
    expect(r.findings).toEqual([]);
  });

  it('writes False when 0.x trained an ADE20K dataset with the implicit LoadAnnotations default', () => {
    const r = run(`p = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations')]
ds = dict(
    type='ADE20KDataset', pipeline=p)`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='ADE20KDataset', pipeline='train:p', reduce_zero_label=False)`),
    );
    expect(r.findings).toEqual([['DATA-017', 'info', 2]]);
  });

  it('writes True on a BaseSegDataset trained with LoadAnnotations(reduce_zero_label=True)', () => {
    const r = run(`ds = dict(type='CustomDataset',
    pipeline=[dict(type='LoadAnnotations', reduce_zero_label=True)])`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='BaseSegDataset', pipeline='train:inline', reduce_zero_label=True)`),
    );
    expect(r.findings).toEqual([]);
  });

  it('replaces a train dataset flag that disagrees with the pipeline flag', () => {
    const r = run(`ds = dict(type='CityscapesDataset',
    reduce_zero_label=True,
    pipeline=[dict(type='LoadAnnotations')])`);
    expect(show(r.value)).toBe(
      expected(
        `x = dict(type='CityscapesDataset', reduce_zero_label=False, pipeline='train:inline')`,
      ),
    );
    expect(r.findings).toEqual([['DATA-017', 'info', 2]]);
  });

  it('reports an unreadable pipeline flag and leaves the dataset flag alone', () => {
    const ds = py(
      `ds = dict(type='CustomDataset', pipeline=[dict(type='LoadAnnotations', reduce_zero_label=True)])`,
    ).entries.get('ds') as DictValue;
    const p = getPath(ds, ['pipeline']) as ListValue;
    const load = withEntry(
      p.items[0] as DictValue,
      'reduce_zero_label',
      opaque('flag()', 'call', { file: 'c.py', start: 0, end: 1, line: 9 }),
    );
    const bad = withEntry(ds, 'pipeline', { ...p, items: [load] });
    const r = convertDataset(bad, ctx, { split: 'train', pipeline });
    expect(show(r.value)).toBe(
      expected(`x = dict(type='BaseSegDataset', pipeline='train:inline')`),
    );
    expect(r.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['DATA-017', 'warning', 9],
    ]);
  });

  it('keeps an explicit val flag and the class value (steps 2 and 4)', () => {
    expect(show(run(`ds = dict(type='CustomDataset', reduce_zero_label=True)`, 'val').value)).toBe(
      expected(`x = dict(type='BaseSegDataset', reduce_zero_label=True)`),
    );
    expect(show(run(`ds = dict(type='LoveDADataset')`, 'test').value)).toBe(
      expected(`x = dict(type='LoveDADataset')`),
    );
    const unknown = run(`ds = dict(type='MyDataset', reduce_zero_label=True)`, 'val');
    expect(show(unknown.value)).toBe(
      expected(`x = dict(type='MyDataset', reduce_zero_label=True)`),
    );
    expect(unknown.findings).toEqual([
      ['DATA-011', 'warning', 1],
      ['DATA-017', 'warning', 1],
    ]);
  });

  it('warns for an unknown train class trained with reduction', () => {
    const r = run(
      `ds = dict(type='MyDataset', pipeline=[dict(type='LoadAnnotations', reduce_zero_label=True)])`,
    );
    expect(show(r.value)).toBe(expected(`x = dict(type='MyDataset', pipeline='train:inline')`));
    expect(r.findings).toEqual([
      ['DATA-011', 'warning', 1],
      ['DATA-017', 'warning', 1],
    ]);
  });

  it('reads D0 from the explicit flag or the class table', () => {
    const d = py(`a = dict(type='ADE20KDataset')
b = dict(type='CustomDataset')
c = dict(type='CustomDataset', reduce_zero_label=True)
d = dict(type='MyDataset')`);
    expect(
      ['a', 'b', 'c', 'd'].map((k) => evalReduceZeroLabel(d.entries.get(k) as DictValue)),
    ).toEqual([true, false, true, undefined]);
  });
});

describe('convertDataset: wrappers and concatenations', () => {
  it('converts the dataset inside a RepeatDataset (DATA-018)', () => {
    const r = run(`train_pipeline = [dict(type='LoadAnnotations')]
ds = dict(type='RepeatDataset', times=40000,
          dataset=dict(type='DRIVEDataset', img_dir='images/training', ann_dir='annotations/training',
                       pipeline=train_pipeline))`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='RepeatDataset', times=40000,
          dataset=dict(type='DRIVEDataset',
                       data_prefix=dict(img_path='images/training', seg_map_path='annotations/training'),
                       pipeline='train:train_pipeline'))`),
    );
    expect(r.findings).toEqual([]);
  });

  it('turns a list of datasets into a ConcatDataset, warning on val (DATA-019)', () => {
    const src = `ds = [dict(type='CustomDataset', img_dir='a'),
      dict(type='CustomDataset', img_dir='b')]`;
    const concat = expected(`x = dict(type='ConcatDataset', datasets=[
        dict(type='BaseSegDataset', data_prefix=dict(img_path='a')),
        dict(type='BaseSegDataset', data_prefix=dict(img_path='b'))])`);
    const train = run(src);
    expect(show(train.value)).toBe(concat);
    expect(train.findings).toEqual([]);
    const val = run(src, 'val');
    expect(show(val.value)).toBe(concat);
    expect(val.findings).toEqual([['DATA-019', 'warning', 1]]);
  });

  it('drops separate_eval from an explicit ConcatDataset and converts its parts (DATA-019)', () => {
    const r = run(
      `ds = dict(type='ConcatDataset', separate_eval=False,
          datasets=[dict(type='CustomDataset', split='a.txt')])`,
      'test',
    );
    expect(show(r.value)).toBe(
      expected(
        `x = dict(type='ConcatDataset', datasets=[dict(type='BaseSegDataset', ann_file='a.txt')])`,
      ),
    );
    expect(r.findings).toEqual([['DATA-019', 'warning', 1]]);
  });

  it('expands list-valued ann_dir and split into one dataset per entry (DATA-020)', () => {
    const r = run(`train_pipeline = []
ds = dict(type='PascalVOCDataset', data_root='data/voc', img_dir='JPEGImages',
          ann_dir=['SegmentationClass', 'SegmentationClassAug'],
          split=['train.txt', 'aug.txt'], pipeline=train_pipeline)`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='ConcatDataset', datasets=[
    dict(type='PascalVOCDataset', data_root='data/voc',
         data_prefix=dict(img_path='JPEGImages', seg_map_path='SegmentationClass'),
         ann_file='train.txt', pipeline='train:train_pipeline'),
    dict(type='PascalVOCDataset', data_root='data/voc',
         data_prefix=dict(img_path='JPEGImages', seg_map_path='SegmentationClassAug'),
         ann_file='aug.txt', pipeline='train:train_pipeline')])`),
    );
    expect(r.findings).toEqual([]);
  });

  it('expands a list-valued img_dir with a matching ann_dir list, warning on test (DATA-020, DATA-019)', () => {
    const r = run(
      `ds = dict(type='CustomDataset', img_dir=('a', 'b'), ann_dir=['A', 'B'], separate_eval=True)`,
      'test',
    );
    expect(show(r.value)).toBe(
      expected(`x = dict(type='ConcatDataset', datasets=[
    dict(type='BaseSegDataset', data_prefix=dict(img_path='a', seg_map_path='A')),
    dict(type='BaseSegDataset', data_prefix=dict(img_path='b', seg_map_path='B'))])`),
    );
    expect(r.findings).toEqual([['DATA-019', 'warning', 1]]);
  });

  it('reports the length mismatches 0.x asserted and keeps the dataset (DATA-020)', () => {
    for (const src of [
      `ds = dict(type='CustomDataset', img_dir=['a', 'b'], ann_dir='A')`,
      `ds = dict(type='CustomDataset', img_dir=['a', 'b'], split=['x', 'y', 'z'])`,
      `ds = dict(type='CustomDataset', img_dir='a', ann_dir=['A', 'B', 'C'], split=['x', 'y'])`,
    ]) {
      const r = run(src);
      expect(show(r.value)).toBe(show(py(src).entries.get('ds')));
      expect(r.findings).toEqual([['DATA-020', 'error', 1]]);
    }
  });

  it('keeps MultiImageMixDataset and converts its pipeline and inner dataset (DATA-021)', () => {
    const r = run(`train_pipeline = [dict(type='RandomMosaic', prob=1)]
ds = dict(type='MultiImageMixDataset',
          dataset=dict(type='CustomDataset', img_dir='i',
                       pipeline=[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True)]),
          pipeline=train_pipeline, skip_type_keys=None)`);
    expect(show(r.value)).toBe(
      expected(`x = dict(type='MultiImageMixDataset',
          dataset=dict(type='BaseSegDataset', data_prefix=dict(img_path='i'), pipeline='inner:inline',
                       reduce_zero_label=True),
          pipeline='train:train_pipeline', skip_type_keys=None)`),
    );
    expect(r.findings).toEqual([]);
  });

  it('lists the leaf datasets through every wrapper', () => {
    const d = py(`ds = [dict(type='RepeatDataset', times=2, dataset=dict(type='A')),
      dict(type='MultiImageMixDataset', dataset=dict(type='ConcatDataset', datasets=[dict(type='B'), 'junk']))]`);
    expect(leafDatasets(d.entries.get('ds')).map((x) => show(x))).toEqual([
      expected(`x = dict(type='A')`),
      expected(`x = dict(type='B')`),
    ]);
    expect(leafDatasets(undefined)).toEqual([]);
  });
});
