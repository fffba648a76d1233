import { convertPreprocessor } from '../../src/convert/preprocessor.js';
import type { Finding } from '../../src/report/findings.js';
import { getPath, opaque, withEntry, type DictValue, type Value } from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'test.py' };
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.line}`);
const val = (src: string): Value => py(src).entries.get('x')!;
const run = (src: string, out?: DictValue) => {
  const old = py(src);
  return convertPreprocessor({ old, out: out ?? old, ctx });
};
const preprocessor = (out: DictValue) => show(getPath(out, ['model', 'data_preprocessor']));

const MODEL = "model = dict(type='EncoderDecoder', backbone=dict(type='ResNetV1c'))\n";
const NORM =
  'img_norm_cfg = dict(mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)\n';

describe('PREP', () => {
  test('PREP-001/002/005: train Normalize and Pad → model.data_preprocessor, also the top-level helper', () => {
    const src = `${MODEL}${NORM}crop_size = (512, 1024)
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='RandomCrop', crop_size=crop_size, cat_max_ratio=0.75),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=crop_size, pad_val=0, seg_pad_val=255),
    dict(type='DefaultFormatBundle'),
]`;
    const { out, findings } = run(src);
    const expected = show(
      val(`x = dict(type='SegDataPreProcessor', mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375],
    bgr_to_rgb=True, pad_val=0, seg_pad_val=255, size=(512, 1024))`),
    );
    expect(preprocessor(out)).toBe(expected);
    expect(out.entries.get('data_preprocessor')).toBe(getPath(out, ['model', 'data_preprocessor']));
    expect([...(out.entries.get('model') as DictValue).entries.keys()]).toEqual([
      'type',
      'data_preprocessor',
      'backbone',
    ]);
    expect(getPath(out, ['data_preprocessor', 'size'])?.at?.via).toBe('crop_size');
    expect(brief(findings)).toEqual([]);
  });

  test('PREP-001 to_rgb defaults to True; PREP-002 size_divisor and custom pad values', () => {
    const { out } = run(`${MODEL}train_pipeline = [
    dict(type='Normalize', mean=[0.5], std=[0.25]),
    dict(type='Pad', size_divisor=32, pad_val=1, seg_pad_val=0),
]`);
    expect(preprocessor(out)).toBe(
      show(
        val(
          "x = dict(type='SegDataPreProcessor', mean=[0.5], std=[0.25], bgr_to_rgb=True, pad_val=1, seg_pad_val=0, size_divisor=32)",
        ),
      ),
    );
  });

  test('PREP-003 no Pad: the RandomCrop size, or size_divisor=1 without a crop (info)', () => {
    const withCrop = run(`${MODEL}${NORM}train_pipeline = [
    dict(type='RandomCrop', crop_size=(769, 769)),
    dict(type='Normalize', **img_norm_cfg),
]`);
    expect(show(getPath(withCrop.out, ['model', 'data_preprocessor', 'size']))).toBe(
      show(val('x = (769, 769)')),
    );
    expect(getPath(withCrop.out, ['model', 'data_preprocessor', 'size_divisor'])).toBeUndefined();
    expect(brief(withCrop.findings)).toEqual(['PREP-003 info 3']);

    const noCrop = run(`${MODEL}${NORM}train_pipeline = [dict(type='Normalize', **img_norm_cfg)]`);
    expect(preprocessor(noCrop.out)).toBe(
      show(
        val(`x = dict(type='SegDataPreProcessor', mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375],
    bgr_to_rgb=True, pad_val=0, seg_pad_val=255, size_divisor=1)`),
      ),
    );
    expect(brief(noCrop.findings)).toEqual(['PREP-003 info 3']);
  });

  test('PREP-004 a Pad inside the test MultiScaleFlipAug → test_cfg', () => {
    const { out, findings } = run(`${MODEL}${NORM}train_pipeline = [
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=(512, 512)),
]
test_pipeline = [dict(type='MultiScaleFlipAug', img_scale=(2048, 512), transforms=[
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size_divisor=32)])]`);
    expect(preprocessor(out)).toBe(
      show(
        val(`x = dict(type='SegDataPreProcessor', mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375],
    bgr_to_rgb=True, pad_val=0, seg_pad_val=255, size=(512, 512), test_cfg=dict(size_divisor=32))`),
      ),
    );
    expect(brief(findings)).toEqual([]);
  });

  test('PREP-005 the pipelines of `data` are read, through dataset wrappers', () => {
    const { out } = run(`${MODEL}${NORM}data = dict(
    train=dict(type='RepeatDataset', times=4, dataset=dict(type='CityscapesDataset', pipeline=[
        dict(type='RandomCrop', crop_size=(256, 256)),
        dict(type='Normalize', **img_norm_cfg)])),
    val=dict(type='CityscapesDataset', pipeline=[dict(type='Normalize', **img_norm_cfg)]))`);
    expect(show(getPath(out, ['data_preprocessor', 'size']))).toBe(show(val('x = (256, 256)')));
    expect(show(getPath(out, ['data_preprocessor', 'bgr_to_rgb']))).toBe(show(val('x = True')));
  });

  test('PREP-005 partial views: no model → nothing; a model base alone → only the padding values', () => {
    const dataset = py(`${NORM}train_pipeline = [dict(type='Normalize', **img_norm_cfg)]`);
    expect(convertPreprocessor({ old: dataset, out: dataset, ctx })).toEqual({
      out: dataset,
      findings: [],
    });

    const { out, findings } = run(MODEL);
    expect(show(out.entries.get('model'))).toBe(
      show(
        val(
          "x = dict(type='EncoderDecoder', data_preprocessor=dict(type='SegDataPreProcessor', pad_val=0, seg_pad_val=255), backbone=dict(type='ResNetV1c'))",
        ),
      ),
    );
    expect(findings).toEqual([]);
  });

  test('PREP-005 the model in `out` (changed by an earlier pass) is the one extended', () => {
    const old = py(MODEL);
    const changed = withEntry(old, 'model', val("x = dict(type='EncoderDecoder', init_cfg=None)"));
    const { out } = convertPreprocessor({ old, out: changed, ctx });
    expect([...(out.entries.get('model') as DictValue).entries.keys()]).toEqual([
      'type',
      'data_preprocessor',
      'init_cfg',
    ]);
  });

  test('PREP-005 a model that is not a dict is left alone with a warning', () => {
    const old = withEntry(py('x = 1'), 'model', opaque('build_model()', 'call'));
    const r = convertPreprocessor({ old, out: old, ctx });
    expect(r.out).toBe(old);
    expect(brief(r.findings)).toEqual(['PREP-005 warning 0']);
  });

  test('PREP-006 train and test normalise differently → train values, error at the test Normalize', () => {
    const { out, findings } = run(`${MODEL}train_pipeline = [
    dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]),
    dict(type='Pad', size=(64, 64)),
]
test_pipeline = [
    dict(type='Normalize', mean=[1.0, 2.0, 3.0], std=[4, 5, 6], to_rgb=False),
]`);
    expect(preprocessor(out)).toBe(
      show(
        val(
          "x = dict(type='SegDataPreProcessor', mean=[1, 2, 3], std=[4, 5, 6], bgr_to_rgb=True, pad_val=0, seg_pad_val=255, size=(64, 64))",
        ),
      ),
    );
    expect(brief(findings)).toEqual(['PREP-006 error 7']);
  });

  test('PREP-006 equal settings written as ints and floats agree', () => {
    const { findings } =
      run(`${MODEL}train_pipeline = [dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]), dict(type='Pad', size=(64, 64))]
test_pipeline = [dict(type='Normalize', mean=[1.0, 2.0, 3.0], std=[4., 5., 6.], to_rgb=True)]`);
    expect(findings).toEqual([]);
  });

  test('PREP-007 no Normalize anywhere → no mean/std, bgr_to_rgb=False (info)', () => {
    const { out, findings } = run(`${MODEL}train_pipeline = [
    dict(type='Pad', size=(64, 64)),
]
test_pipeline = [dict(type='LoadImageFromFile')]`);
    expect(preprocessor(out)).toBe(
      show(
        val(
          "x = dict(type='SegDataPreProcessor', bgr_to_rgb=False, pad_val=0, seg_pad_val=255, size=(64, 64))",
        ),
      ),
    );
    expect(brief(findings)).toEqual(['PREP-007 info 2']);
  });

  test('PREP-008 a leaf that changes the crop size (merged view) gives the new size', () => {
    // What the merged view of a leaf redefining `crop_size` and `train_pipeline` looks like.
    const { out } = run(`${MODEL}${NORM}crop_size = (769, 769)
train_pipeline = [dict(type='RandomCrop', crop_size=crop_size), dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=crop_size, pad_val=0, seg_pad_val=255)]`);
    expect(show(getPath(out, ['data_preprocessor', 'size']))).toBe(show(val('x = (769, 769)')));
  });

  test('PREP-009 padding_mode is never written', () => {
    const { out } = run(
      `${MODEL}train_pipeline = [dict(type='Pad', size=(64, 64), pad_val=0, seg_pad_val=255)]`,
    );
    const keys = [...(out.entries.get('data_preprocessor') as DictValue).entries.keys()];
    expect(keys).toEqual(['type', 'bgr_to_rgb', 'pad_val', 'seg_pad_val', 'size']);
  });
});
