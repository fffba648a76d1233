import { convertData, trainSamplerKind } from '../../src/convert/data.js';
import { mergeIntoBase } from '../../src/config/merge.js';
import { getPath, opaque, withEntry, type DictValue, type Value } from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const FILE = 'configs/d.py';
const ctx = { file: FILE };

/**
 * Runs the data pass on `old` with `out` = `old` plus the top-level values of
 * `converted` (what the pipeline pass has already written).
 */
function runOn(old: DictValue, converted = '') {
  let out = old;
  for (const [k, v] of py(converted, FILE).entries) out = withEntry(out, k, v);
  const r = convertData({ old, out, ctx });
  return { out: r.out, findings: r.findings.map((f) => [f.rule, f.severity, f.line]) };
}
const run = (source: string, converted = '') => runOn(py(source, FILE), converted);

const expected = (source: string) => show(py(source).entries.get('x'));
const at = (line: number) => ({ file: FILE, start: 0, end: 1, line });

/** A cityscapes-like dataset base, as 0.x wrote it; `data = dict(` is on line 5. */
const BASE = `dataset_type = 'CityscapesDataset'
data_root = 'data/cityscapes/'
train_pipeline = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='DefaultFormatBundle')]
test_pipeline = [dict(type='LoadImageFromFile'), dict(type='ImageToTensor', keys=['img'])]
data = dict(
    samples_per_gpu=2,
    workers_per_gpu=2,
    train=dict(type=dataset_type, data_root=data_root, img_dir='leftImg8bit/train',
               ann_dir='gtFine/train', pipeline=train_pipeline),
    val=dict(type=dataset_type, data_root=data_root, img_dir='leftImg8bit/val',
             ann_dir='gtFine/val', pipeline=test_pipeline),
    test=dict(type=dataset_type, data_root=data_root, img_dir='leftImg8bit/val',
              ann_dir='gtFine/val', pipeline=test_pipeline))
`;
/** The same pipelines as the pipeline pass leaves them in `out`. */
const CONVERTED = `train_pipeline = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]
test_pipeline = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`;
const TRAIN_1X = `[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`;
const TEST_1X = TRAIN_1X;

const TRAIN_LOADER = `x = dict(batch_size=2, num_workers=2, persistent_workers=True,
    sampler=dict(type='InfiniteSampler', shuffle=True),
    dataset=dict(type='CityscapesDataset', data_root='data/cityscapes/',
        data_prefix=dict(img_path='leftImg8bit/train', seg_map_path='gtFine/train'),
        pipeline=${TRAIN_1X}))`;
const VAL_LOADER = `x = dict(batch_size=1, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='CityscapesDataset', data_root='data/cityscapes/',
        data_prefix=dict(img_path='leftImg8bit/val', seg_map_path='gtFine/val'),
        pipeline=${TEST_1X}))`;

describe('convertData: a full dataset base', () => {
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    r = run(BASE, CONVERTED);
  });

  it('writes the three loaders with 0.x loader defaults made explicit (DATA-001, 002, 006, 007)', () => {
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(expected(TRAIN_LOADER));
    expect(show(getPath(r.out, ['val_dataloader']))).toBe(expected(VAL_LOADER));
  });

  it('aliases test_dataloader to val_dataloader when they are equal (DATA-009)', () => {
    expect(getPath(r.out, ['test_dataloader'])).toBe(getPath(r.out, ['val_dataloader']));
  });

  it('references the converted pipeline variables from the datasets (DATA-024)', () => {
    const train = getPath(r.out, ['train_dataloader', 'dataset', 'pipeline']) as Value;
    expect(train.at?.via).toBe('train_pipeline');
    expect(show(train)).toBe(show(getPath(r.out, ['train_pipeline'])));
    const val = getPath(r.out, ['val_dataloader', 'dataset', 'pipeline']) as Value;
    expect(val.at?.via).toBe('test_pipeline');
    expect(show(val)).toBe(show(getPath(r.out, ['test_pipeline'])));
  });

  it('removes data, keeps the helper variables, and reports only the pin_memory note (DATA-008)', () => {
    expect(r.out.entries.has('data')).toBe(false);
    expect([...r.out.entries.keys()]).toEqual([
      'dataset_type',
      'data_root',
      'train_pipeline',
      'test_pipeline',
      'train_dataloader',
      'val_dataloader',
      'test_dataloader',
    ]);
    expect(r.findings).toEqual([['DATA-008', 'info', 5]]);
  });

  it('does not write the implicit test_mode (DATA-025)', () => {
    expect(getPath(r.out, ['val_dataloader', 'dataset', 'test_mode'])).toBeUndefined();
  });
});

describe('convertData: loader settings', () => {
  it('uses DefaultSampler and drop_last=True for epoch-based training (DATA-006, DATA-008)', () => {
    const r = run(`runner = dict(type='EpochBasedRunner', max_epochs=10)\n${BASE}`, CONVERTED);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(
        TRAIN_LOADER.replace(
          'persistent_workers=True,',
          'persistent_workers=True, drop_last=True,',
        ).replace('InfiniteSampler', 'DefaultSampler'),
      ),
    );
    expect(show(getPath(r.out, ['val_dataloader', 'sampler']))).toBe(
      expected(`x = dict(type='DefaultSampler', shuffle=False)`),
    );
    expect(r.findings).toEqual([['DATA-008', 'info', 6]]);
  });

  it('tells iteration- from epoch-based runners, and reports an unreadable runner (DATA-006)', () => {
    const kind = (src: string) => trainSamplerKind(py(src), ctx).kind;
    expect(kind(`x = 1`)).toBe('iter');
    expect(kind(`runner = dict(type='IterBasedRunner', max_iters=10)`)).toBe('iter');
    expect(kind(`runner = dict(type='Runner', max_epochs=10)`)).toBe('epoch');
    expect(kind(`runner = dict(type='MyEpochRunner')`)).toBe('epoch');
    expect(kind(`runner = dict(max_epochs=3)`)).toBe('epoch');
    expect(kind(`runner = dict(type='IterBasedRunnerAmp', max_iters=3)`)).toBe('iter');
    const r = run(`runner = 'iter'\ndata = dict(samples_per_gpu=2)`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(expected(`x = dict(batch_size=2)`));
    expect(r.findings).toEqual([['DATA-006', 'warning', 1]]);
  });

  it('copies a val/test samples_per_gpu with a warning (DATA-003)', () => {
    const r = run(`data = dict(workers_per_gpu=2,
    val_dataloader=dict(samples_per_gpu=4),
    val=dict(type='ADE20KDataset'), test=dict(type='ADE20KDataset'))`);
    expect(show(getPath(r.out, ['val_dataloader']))).toBe(
      expected(`x = dict(batch_size=4, num_workers=2, persistent_workers=True,
        sampler=dict(type='DefaultSampler', shuffle=False), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(show(getPath(r.out, ['test_dataloader', 'batch_size']))).toBe('1');
    expect(r.findings).toEqual([['DATA-003', 'warning', 2]]);
  });

  it('copies other data keys to all loaders, shuffle to the train sampler, and drops seed/dist (DATA-004)', () => {
    const r =
      run(`data = dict(samples_per_gpu=2, workers_per_gpu=2, shuffle=False, pin_memory=False,
    seed=0,
    dist=False,
    train=dict(type='ADE20KDataset'), val=dict(type='ADE20KDataset'))`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(batch_size=2, num_workers=2, persistent_workers=True, pin_memory=False,
        sampler=dict(type='InfiniteSampler', shuffle=False), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(show(getPath(r.out, ['val_dataloader']))).toBe(
      expected(`x = dict(batch_size=1, num_workers=2, persistent_workers=True, pin_memory=False,
        sampler=dict(type='DefaultSampler', shuffle=False), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(r.out.entries.has('test_dataloader')).toBe(false);
    expect(r.findings).toEqual([
      ['DATA-004', 'warning', 2],
      ['DATA-004', 'warning', 3],
    ]);
  });

  it('merges data.*_dataloader sub-dicts into their loaders with the renames (DATA-005)', () => {
    const r = run(`data = dict(samples_per_gpu=2, workers_per_gpu=4,
    train_dataloader=dict(samples_per_gpu=8, shuffle=False, prefetch_factor=4),
    test_dataloader=dict(workers_per_gpu=1, shuffle=True),
    train=dict(type='ADE20KDataset'), val=dict(type='ADE20KDataset'), test=dict(type='ADE20KDataset'))`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(batch_size=8, num_workers=4, persistent_workers=True, prefetch_factor=4,
        sampler=dict(type='InfiniteSampler', shuffle=False), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(show(getPath(r.out, ['test_dataloader']))).toBe(
      expected(`x = dict(batch_size=1, num_workers=1, persistent_workers=True,
        sampler=dict(type='DefaultSampler', shuffle=True), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(show(getPath(r.out, ['val_dataloader', 'num_workers']))).toBe('4');
    // DATA-022: different settings, so no alias.
    expect(getPath(r.out, ['test_dataloader'])).not.toBe(getPath(r.out, ['val_dataloader']));
  });

  it('leaves persistent_workers out without workers (DATA-007)', () => {
    const r = run(`data = dict(samples_per_gpu=2,
    workers_per_gpu=0, train=dict(type='ADE20KDataset'))`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(batch_size=2, num_workers=0,
        sampler=dict(type='InfiniteSampler', shuffle=True), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(r.findings).toEqual([
      ['DATA-007', 'info', 2],
      ['DATA-008', 'info', 1],
    ]);
  });

  it('keeps an explicit persistent_workers=False (DATA-004, DATA-007)', () => {
    const r = run(`data = dict(workers_per_gpu=2, persistent_workers=False)`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(num_workers=2, persistent_workers=False)`),
    );
    expect(getPath(r.out, ['test_dataloader'])).toBe(getPath(r.out, ['val_dataloader']));
    expect(show(getPath(r.out, ['val_dataloader']))).toBe(
      expected(`x = dict(num_workers=2, persistent_workers=False)`),
    );
  });

  it('writes a separate test loader when data.test differs from data.val (DATA-022)', () => {
    const r = run(`data = dict(samples_per_gpu=2, workers_per_gpu=2,
    val=dict(type='CityscapesDataset', img_dir='val'),
    test=dict(type='DarkZurichDataset', img_dir='dz'))`);
    expect(show(getPath(r.out, ['test_dataloader']))).toBe(
      expected(`x = dict(batch_size=1, num_workers=2, persistent_workers=True,
        sampler=dict(type='DefaultSampler', shuffle=False),
        dataset=dict(type='DarkZurichDataset', data_prefix=dict(img_path='dz')))`),
    );
    expect(show(getPath(r.out, ['val_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='CityscapesDataset', data_prefix=dict(img_path='val'))`),
    );
    // No data.train in this view: samples_per_gpu still makes a partial train loader (DATA-010).
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(batch_size=2, num_workers=2, persistent_workers=True)`),
    );
  });
});

describe('convertData: partial views (DATA-010, INH-009)', () => {
  const child = `data = dict(samples_per_gpu=4)`;

  it('converts a data-only child to a partial train loader', () => {
    const r = run(child);
    expect([...r.out.entries.keys()]).toEqual(['train_dataloader']);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(expected(`x = dict(batch_size=4)`));
    expect(r.findings).toEqual([]);
  });

  it('converts the merged view of the same child to full loaders', () => {
    const merged = mergeIntoBase(py(child, FILE), py(BASE, FILE), {
      file: FILE,
      lineOf: () => 0,
    }).value;
    const r = runOn(merged, CONVERTED);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(TRAIN_LOADER.replace('batch_size=2', 'batch_size=4')),
    );
    expect(show(getPath(r.out, ['val_dataloader']))).toBe(expected(VAL_LOADER));
    expect(getPath(r.out, ['test_dataloader'])).toBe(getPath(r.out, ['val_dataloader']));
  });

  it('converts a child that only replaces the test pipeline', () => {
    const r = run(
      `test_pipeline = [dict(type='LoadImageFromFile')]\ndata = dict(test=dict(pipeline=test_pipeline))`,
      `test_pipeline = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`,
    );
    expect(show(getPath(r.out, ['test_dataloader']))).toBe(
      expected(`x = dict(batch_size=1, sampler=dict(type='DefaultSampler', shuffle=False),
        dataset=dict(pipeline=[dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]))`),
    );
    expect(getPath(r.out, ['test_dataloader', 'dataset', 'pipeline'])?.at?.via).toBe(
      'test_pipeline',
    );
    expect(r.out.entries.has('train_dataloader')).toBe(false);
    expect(r.out.entries.has('val_dataloader')).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('writes workers to all three loaders from a settings-only child (DATA-002)', () => {
    const r = run(`data = dict(workers_per_gpu=8)`);
    for (const key of ['train_dataloader', 'val_dataloader', 'test_dataloader']) {
      expect(show(getPath(r.out, [key]))).toBe(
        expected(`x = dict(num_workers=8, persistent_workers=True)`),
      );
    }
  });

  it('produces nothing without data', () => {
    const old = py(`evaluation = dict(metric='mIoU')`);
    const r = convertData({ old, out: old, ctx });
    expect(r.out).toBe(old);
    expect(r.findings).toEqual([]);
  });
});

describe('convertData: missing splits and keys', () => {
  it('writes no val or test loader when the chain has none, warning with evaluation (DATA-023)', () => {
    const r = run(`evaluation = dict(metric='mIoU')
data = dict(samples_per_gpu=2, workers_per_gpu=2, train=dict(type='ADE20KDataset'))`);
    expect([...r.out.entries.keys()]).toEqual(['evaluation', 'train_dataloader']);
    expect(r.findings).toEqual([
      ['DATA-008', 'info', 2],
      ['DATA-023', 'warning', 2],
    ]);
  });

  it('reports a runnable config without samples_per_gpu (DATA-001)', () => {
    const r = run(`model = dict(type='EncoderDecoder')
data = dict(workers_per_gpu=2, train=dict(type='ADE20KDataset'))`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(num_workers=2, persistent_workers=True,
        sampler=dict(type='InfiniteSampler', shuffle=True), dataset=dict(type='ADE20KDataset'))`),
    );
    expect(r.findings).toEqual([
      ['DATA-001', 'error', 2],
      ['DATA-008', 'info', 2],
    ]);
  });
});

describe('convertData: datasets inside loaders', () => {
  it('converts a RepeatDataset train set (DATA-018)', () => {
    const r = run(
      `train_pipeline = [dict(type='LoadAnnotations')]
data = dict(samples_per_gpu=4, workers_per_gpu=4,
    train=dict(type='RepeatDataset', times=40000,
               dataset=dict(type='DRIVEDataset', img_dir='images/training', pipeline=train_pipeline)))`,
      `train_pipeline = [dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`,
    );
    expect(show(getPath(r.out, ['train_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='RepeatDataset', times=40000,
        dataset=dict(type='DRIVEDataset', data_prefix=dict(img_path='images/training'),
                     pipeline=[dict(type='LoadAnnotations'), dict(type='PackSegInputs')]))`),
    );
    expect(getPath(r.out, ['train_dataloader', 'dataset', 'dataset', 'pipeline'])?.at?.via).toBe(
      'train_pipeline',
    );
  });

  it('turns a list of train datasets into a ConcatDataset, and val lists warn (DATA-019)', () => {
    const r = run(`data = dict(samples_per_gpu=2, workers_per_gpu=2,
    train=[dict(type='CustomDataset', img_dir='a'), dict(type='CustomDataset', img_dir='b')],
    val=[dict(type='CustomDataset', img_dir='c'),
         dict(type='CustomDataset', img_dir='d')])`);
    expect(show(getPath(r.out, ['train_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='ConcatDataset', datasets=[
        dict(type='BaseSegDataset', data_prefix=dict(img_path='a')),
        dict(type='BaseSegDataset', data_prefix=dict(img_path='b'))])`),
    );
    expect(show(getPath(r.out, ['val_dataloader', 'dataset', 'type']))).toBe('"ConcatDataset"');
    expect(r.findings).toEqual([
      ['DATA-019', 'warning', 3],
      ['DATA-008', 'info', 1],
    ]);
  });

  it('expands the list-valued ann_dir/split of a merged VOC-aug view (DATA-020)', () => {
    const base = `train_pipeline = [dict(type='LoadAnnotations')]
data = dict(samples_per_gpu=4, workers_per_gpu=4,
    train=dict(type='PascalVOCDataset', data_root='data/voc', img_dir='JPEGImages',
               ann_dir='SegmentationClass', split='train.txt', pipeline=train_pipeline))`;
    const aug = `data = dict(train=dict(ann_dir=['SegmentationClass', 'SegmentationClassAug'],
    split=['train.txt', 'aug.txt']))`;
    const merged = mergeIntoBase(py(aug, FILE), py(base, FILE), {
      file: FILE,
      lineOf: () => 0,
    }).value;
    const r = runOn(
      merged,
      `train_pipeline = [dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`,
    );
    const part = (
      ann: string,
      split: string,
    ) => `dict(type='PascalVOCDataset', data_root='data/voc',
        data_prefix=dict(img_path='JPEGImages', seg_map_path='${ann}'), ann_file='${split}',
        pipeline=[dict(type='LoadAnnotations'), dict(type='PackSegInputs')])`;
    expect(show(getPath(r.out, ['train_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='ConcatDataset', datasets=[${part('SegmentationClass', 'train.txt')},
        ${part('SegmentationClassAug', 'aug.txt')}])`),
    );
    const parts = getPath(r.out, ['train_dataloader', 'dataset', 'datasets']) as { items: Value[] };
    expect(parts.items.map((d) => getPath(d, ['pipeline'])?.at?.via)).toEqual([
      'train_pipeline',
      'train_pipeline',
    ]);
    // A merged dict has no single origin, so the note is about the whole file.
    expect(r.findings).toEqual([['DATA-008', 'info', 0]]);
  });

  it('sets the train flag from LoadAnnotations and keeps the val class value (DATA-017)', () => {
    const r = run(
      `train_pipeline = [dict(type='LoadAnnotations', reduce_zero_label=True)]
data = dict(samples_per_gpu=2, workers_per_gpu=2,
    train=dict(type='CustomDataset', pipeline=train_pipeline),
    val=dict(type='CustomDataset', ann_dir='ann',
             pipeline=[dict(type='LoadImageFromFile')]))`,
      `train_pipeline = [dict(type='LoadAnnotations', reduce_zero_label=True), dict(type='PackSegInputs')]`,
    );
    expect(show(getPath(r.out, ['train_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='BaseSegDataset',
        pipeline=[dict(type='LoadAnnotations', reduce_zero_label=True), dict(type='PackSegInputs')],
        reduce_zero_label=True)`),
    );
    // The val set was evaluated without reduction: its test LoadAnnotations follows the dataset flag.
    expect(show(getPath(r.out, ['test_pipeline']))).toBe(
      expected(
        `x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`,
      ),
    );
    expect(show(getPath(r.out, ['val_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='BaseSegDataset', data_prefix=dict(seg_map_path='ann'),
        pipeline=[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')])`),
    );
    expect(r.findings).toEqual([
      ['DATA-024', 'info', 5],
      ['DATA-017', 'warning', 1],
      ['PIPE-016', 'info', 5],
      ['DATA-008', 'info', 2],
    ]);
  });
});

describe('convertData: inline pipelines (DATA-024)', () => {
  const TRAIN_0X = `[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True),
        dict(type='RandomFlip', prob=0.5), dict(type='DefaultFormatBundle'),
        dict(type='Collect', keys=['img', 'gt_semantic_seg'])]`;
  const TEST_0X = `[dict(type='LoadImageFromFile'),
        dict(type='MultiScaleFlipAug', img_scale=(2048, 512), flip=False,
             transforms=[dict(type='Resize', keep_ratio=True), dict(type='RandomFlip'),
                         dict(type='ImageToTensor', keys=['img']), dict(type='Collect', keys=['img'])])]`;
  const TRAIN_OUT = `[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True),
        dict(type='RandomFlip', prob=0.5), dict(type='PackSegInputs')]`;
  const TEST_OUT = `[dict(type='LoadImageFromFile'), dict(type='Resize', scale=(2048, 512), keep_ratio=True),
        dict(type='LoadAnnotations', reduce_zero_label=True), dict(type='PackSegInputs')]`;

  it('hoists inline train and test pipelines to top-level variables and references them', () => {
    const r = run(`data = dict(samples_per_gpu=4, workers_per_gpu=4,
    train=dict(type='ADE20KDataset', ann_dir='a',
        pipeline=${TRAIN_0X}),
    val=dict(type='ADE20KDataset', ann_dir='a',
        pipeline=${TEST_0X}),
    test=dict(type='ADE20KDataset', ann_dir='a',
        pipeline=${TEST_0X}))`);
    expect(show(getPath(r.out, ['train_pipeline']))).toBe(expected(`x = ${TRAIN_OUT}`));
    expect(show(getPath(r.out, ['test_pipeline']))).toBe(expected(`x = ${TEST_OUT}`));
    expect(getPath(r.out, ['train_dataloader', 'dataset', 'pipeline'])?.at?.via).toBe(
      'train_pipeline',
    );
    expect(getPath(r.out, ['val_dataloader', 'dataset', 'pipeline'])?.at?.via).toBe(
      'test_pipeline',
    );
    expect(show(getPath(r.out, ['val_dataloader', 'dataset']))).toBe(
      expected(
        `x = dict(type='ADE20KDataset', data_prefix=dict(seg_map_path='a'), pipeline=${TEST_OUT})`,
      ),
    );
    // Val and test wrote equal pipelines, so one variable serves both and the loaders alias.
    expect(getPath(r.out, ['test_dataloader'])).toBe(getPath(r.out, ['val_dataloader']));
    // The test split claims `test_pipeline` first; the TTA note comes from the pipeline conversion.
    expect(r.findings).toEqual([
      ['DATA-024', 'info', 3],
      ['DATA-024', 'info', 12],
      ['PIPE-014', 'info', 13],
      ['DATA-008', 'info', 1],
    ]);
  });

  it('keeps an inline pipeline inline when its variable name already holds another pipeline', () => {
    const r = run(
      `train_pipeline = [dict(type='LoadImageFromFile')]
data = dict(samples_per_gpu=4,
    train=dict(type='ADE20KDataset', pipeline=${TRAIN_0X}))`,
      `train_pipeline = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`,
    );
    expect(show(getPath(r.out, ['train_pipeline']))).toBe(
      expected(`x = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`),
    );
    const inline = getPath(r.out, ['train_dataloader', 'dataset', 'pipeline']);
    expect(show(inline)).toBe(expected(`x = ${TRAIN_OUT}`));
    expect(inline?.at?.via).toBeUndefined();
    expect(r.findings).toEqual([
      ['DATA-024', 'info', 3],
      ['DATA-008', 'info', 2],
    ]);
  });

  it('references the variable when an inline pipeline equals it', () => {
    const r = run(
      `train_pipeline = ${TRAIN_0X}
data = dict(samples_per_gpu=4, train=dict(type='ADE20KDataset', pipeline=${TRAIN_0X}))`,
      `train_pipeline = ${TRAIN_OUT}`,
    );
    expect(getPath(r.out, ['train_dataloader', 'dataset', 'pipeline'])?.at?.via).toBe(
      'train_pipeline',
    );
    expect(r.findings).toEqual([['DATA-008', 'info', 4]]);
  });

  it('converts a pipeline read through a variable that was reassigned later (INH-007)', () => {
    const r = run(
      `train_pipeline = ${TRAIN_0X}
data = dict(samples_per_gpu=4, train=dict(type='ADE20KDataset', pipeline=train_pipeline))
train_pipeline = [dict(type='LoadImageFromFile')]`,
      `train_pipeline = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`,
    );
    const p = getPath(r.out, ['train_dataloader', 'dataset', 'pipeline']);
    expect(show(p)).toBe(expected(`x = ${TRAIN_OUT}`));
    expect(show(getPath(r.out, ['train_pipeline']))).toBe(
      expected(`x = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`),
    );
    expect(p?.at?.via).toBeUndefined();
    expect(r.findings).toEqual([['DATA-008', 'info', 4]]);
  });

  it('tells the test pipeline whether the dataset has ground truth', () => {
    const plain = `[dict(type='LoadImageFromFile'), dict(type='ImageToTensor', keys=['img'])]`;
    const noGt = run(`data = dict(test=dict(type='CityscapesDataset', img_dir='i',
    pipeline=${plain}))`);
    expect(show(getPath(noGt.out, ['test_pipeline']))).toBe(
      expected(`x = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]`),
    );
    expect(noGt.findings).toEqual([
      ['DATA-024', 'info', 2],
      ['PIPE-013', 'info', 2],
      ['PIPE-016', 'info', 2],
    ]);
    // A child's partial dataset names no directory: the merged view decides, so the annotations stay.
    const partial = run(`data = dict(test=dict(pipeline=${plain}))`);
    expect(show(getPath(partial.out, ['test_pipeline']))).toBe(
      expected(
        `x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`,
      ),
    );
  });

  it('gives the loading pipeline inside a MultiImageMixDataset no PackSegInputs (DATA-021)', () => {
    const r = run(`data = dict(samples_per_gpu=4,
    train=dict(type='MultiImageMixDataset',
        dataset=dict(type='ADE20KDataset',
            pipeline=[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True)]),
        pipeline=[dict(type='RandomMosaic', prob=1), dict(type='DefaultFormatBundle')]))`);
    expect(show(getPath(r.out, ['train_dataloader', 'dataset']))).toBe(
      expected(`x = dict(type='MultiImageMixDataset',
        dataset=dict(type='ADE20KDataset',
            pipeline=[dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True)]),
        pipeline=[dict(type='RandomMosaic', prob=1), dict(type='PackSegInputs')])`),
    );
    expect(show(getPath(r.out, ['train_pipeline']))).toBe(
      expected(`x = [dict(type='RandomMosaic', prob=1), dict(type='PackSegInputs')]`),
    );
    expect(r.findings).toEqual([
      ['DATA-024', 'info', 5],
      ['DATA-008', 'info', 1],
    ]);
  });
});

describe('convertData: bad values', () => {
  it('leaves a data value that is not a dict and reports it (DATA-010)', () => {
    const old = py(`data = ['train', 'val']`);
    const r = convertData({ old, out: old, ctx });
    expect(r.out).toBe(old);
    expect(r.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['DATA-010', 'error', 1]]);
    const opaqueData = withEntry(old, 'data', opaque('load()', 'call', at(3)));
    const o = convertData({ old: opaqueData, out: opaqueData, ctx });
    expect(o.out).toBe(opaqueData);
    expect(o.findings.map((f) => [f.rule, f.line])).toEqual([['DATA-010', 3]]);
  });

  it('keeps a dataset that is not a dict and reports it (DATA-011)', () => {
    const r = run(`data = dict(samples_per_gpu=2,
    train='ade')`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(
        `x = dict(batch_size=2, sampler=dict(type='InfiniteSampler', shuffle=True), dataset='ade')`,
      ),
    );
    expect(r.findings).toEqual([
      ['DATA-011', 'error', 2],
      ['DATA-008', 'info', 1],
    ]);
  });

  it('copies wrongly typed and opaque loader numbers as written, with findings (DATA-001, DATA-002, DATA-003)', () => {
    const old = py(`data = dict(samples_per_gpu='2',
    workers_per_gpu=[2], val_dataloader=dict(samples_per_gpu=1))`);
    const data = old.entries.get('data') as DictValue;
    const valLoader = withEntry(
      data.entries.get('val_dataloader') as DictValue,
      'samples_per_gpu',
      opaque('bs()', 'call', at(9)),
    );
    const r = runOn(withEntry(old, 'data', withEntry(data, 'val_dataloader', valLoader)));
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(
      expected(`x = dict(batch_size='2', num_workers=[2], persistent_workers=True)`),
    );
    expect(getPath(r.out, ['val_dataloader', 'batch_size'])?.t).toBe('opaque');
    expect(r.findings).toEqual([
      ['DATA-001', 'warning', 1],
      ['DATA-002', 'warning', 2],
      ['DATA-003', 'warning', 9],
    ]);
  });

  it('drops a data.*_dataloader that is not a dict (DATA-005)', () => {
    const r = run(`data = dict(samples_per_gpu=2,
    train_dataloader=None)`);
    expect(show(getPath(r.out, ['train_dataloader']))).toBe(expected(`x = dict(batch_size=2)`));
    expect(r.findings).toEqual([['DATA-005', 'warning', 2]]);
  });
});
