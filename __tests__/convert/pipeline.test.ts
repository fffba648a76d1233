import {
  convertPipelines,
  convertTestPipeline,
  convertTrainPipeline,
} from '../../src/convert/pipeline.js';
import type { Finding } from '../../src/report/findings.js';
import {
  getPath,
  list,
  opaque,
  withEntry,
  type DictValue,
  type Value,
} from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'test.py' };
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.line}`);
/** The value of `name` in a Python snippet. */
const val = (src: string, name = 'x'): Value => py(src).entries.get(name)!;
const run = (src: string) => {
  const old = py(src);
  return convertPipelines({ old, out: old, ctx });
};
const key = (out: DictValue, k: string) => show(out.entries.get(k));

/** Converts a one-transform train pipeline and returns the converted list and findings. */
function train(transformSrc: string) {
  const r = convertTrainPipeline(val(`x = [${transformSrc}]`), ctx);
  return { value: show(r.value), findings: brief(r.findings) };
}

describe('PIPE-003 Resize decision table', () => {
  test('img_scale tuple + ratio_range → RandomResize', () => {
    const r = train("dict(type='Resize', img_scale=(2048, 512), ratio_range=(0.5, 2.0))");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomResize', scale=(2048, 512), ratio_range=(0.5, 2.0), keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  test('img_scale one-element list + ratio_range → RandomResize with that scale', () => {
    const r = train(
      "dict(type='Resize', img_scale=[(1024, 512)], ratio_range=(0.5, 2.0), keep_ratio=False)",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomResize', scale=(1024, 512), ratio_range=(0.5, 2.0), keep_ratio=False), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  test('img_scale tuple, no ratio_range → Resize with keep_ratio written', () => {
    const r = train("dict(type='Resize', img_scale=(512, 512))");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='Resize', scale=(512, 512), keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
    expect(train("dict(type='Resize', img_scale=(512, 512), keep_ratio=False)").value).toBe(
      show(
        val(
          "x = [dict(type='Resize', scale=(512, 512), keep_ratio=False), dict(type='PackSegInputs')]",
        ),
      ),
    );
  });

  test('img_scale [S1, S2] in range mode → RandomResize(scale=[S1, S2]) with info', () => {
    const r = train("dict(type='Resize', img_scale=[(2048, 512), (2048, 1024)])");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomResize', scale=[(2048, 512), (2048, 1024)], keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 info 1']);
  });

  test('img_scale [S1, S2] with a (short, long) tuple → warning', () => {
    const r = train(
      "dict(type='Resize', img_scale=[(512, 1024), (1024, 2048)], multiscale_mode='range')",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomResize', scale=[(512, 1024), (1024, 2048)], keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 warning 1']);
  });

  test('img_scale list in value mode → RandomChoiceResize', () => {
    const r = train(
      "dict(type='Resize', img_scale=[(1024, 512), (2048, 1024), (4096, 2048)], multiscale_mode='value')",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomChoiceResize', scales=[(1024, 512), (2048, 1024), (4096, 2048)], keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  test('more than two scales in range mode → error, kept as written', () => {
    const r = train("dict(type='Resize', img_scale=[(1024, 512), (2048, 1024), (4096, 2048)])");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='Resize', img_scale=[(1024, 512), (2048, 1024), (4096, 2048)]), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 error 1']);
  });

  test('img_scale=None + ratio_range → error, kept as written', () => {
    const r = train("dict(type='Resize', img_scale=None, ratio_range=(0.5, 2.0))");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='Resize', img_scale=None, ratio_range=(0.5, 2.0)), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 error 1']);
  });

  test('no img_scale and no ratio_range outside MultiScaleFlipAug → error', () => {
    const r = train("dict(type='Resize', keep_ratio=True)");
    expect(r.value).toBe(
      show(val("x = [dict(type='Resize', keep_ratio=True), dict(type='PackSegInputs')]")),
    );
    expect(r.findings).toEqual(['PIPE-003 error 1']);
  });

  test('min_size is dropped with a warning', () => {
    const r = train(
      "dict(type='Resize', img_scale=(2560, 640), ratio_range=(0.5, 2.0), min_size=640)",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='RandomResize', scale=(2560, 640), ratio_range=(0.5, 2.0), keep_ratio=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 warning 1']);
  });

  test('override or another unknown argument → error, kept as written', () => {
    const r = train("dict(type='Resize', img_scale=(512, 512), override=True)");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='Resize', img_scale=(512, 512), override=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-003 error 1']);
  });

  test('the scale value moves with its variable name', () => {
    const old = py(
      "img_scale = (2048, 512)\ntrain_pipeline = [dict(type='Resize', img_scale=img_scale, ratio_range=(0.5, 2.0))]",
    );
    const out = convertPipelines({ old, out: old, ctx }).out;
    expect(getPath(out, ['train_pipeline'])?.t).toBe('list');
    const resize = (out.entries.get('train_pipeline') as { items: Value[] }).items[0];
    expect(getPath(resize, ['scale'])?.at?.via).toBe('img_scale');
  });
});

describe('train-side transforms', () => {
  test('PIPE-001 LoadImageFromFile: disk file_client_args is omitted, petrel moves to backend_args', () => {
    expect(
      train("dict(type='LoadImageFromFile', file_client_args=dict(backend='disk'))").value,
    ).toBe(show(val("x = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]")));
    const r = train(
      "dict(type='LoadImageFromFile', to_float32=True, file_client_args=dict(backend='petrel'))",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile', to_float32=True, backend_args=dict(backend='petrel')), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  test('PIPE-002 LoadAnnotations keeps an explicit reduce_zero_label and renames file_client_args', () => {
    const r = train(
      "dict(type='LoadAnnotations', reduce_zero_label=True, file_client_args=dict(backend='disk'))",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='LoadAnnotations', reduce_zero_label=True), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  test('PIPE-004 RandomFlip: flip_ratio → prob; a missing prob is an error', () => {
    expect(train("dict(type='RandomFlip', flip_ratio=0.5, direction='vertical')").value).toBe(
      show(
        val(
          "x = [dict(type='RandomFlip', prob=0.5, direction='vertical'), dict(type='PackSegInputs')]",
        ),
      ),
    );
    const r = train("dict(type='RandomFlip')");
    expect(r.value).toBe(show(val("x = [dict(type='RandomFlip'), dict(type='PackSegInputs')]")));
    expect(r.findings).toEqual(['PIPE-004 error 1']);
  });

  test('PIPE-019 RandomFlip.prob becomes a float', () => {
    const r = train("dict(type='RandomFlip', prob=1)");
    expect(r.value).toBe('[{"type":"RandomFlip","prob":1.0},{"type":"PackSegInputs"}]');
    expect(r.findings).toEqual([]);
  });

  test('PIPE-005 and PIPE-009: RandomCrop and the unchanged transforms are the same objects', () => {
    const src = val(
      "x = [dict(type='RandomCrop', crop_size=(512, 1024), cat_max_ratio=0.75), dict(type='PhotoMetricDistortion'), dict(type='CLAHE'), dict(type='RandomRotate', prob=0.5, degree=30)]",
    ) as { items: Value[] };
    const r = convertTrainPipeline(src as Value, ctx);
    const items = (r.value as { items: Value[] }).items;
    expect(items.slice(0, 4)).toEqual(src.items);
    items.slice(0, 4).forEach((t, i) => expect(t).toBe(src.items[i]));
    expect(show(items[4])).toBe('{"type":"PackSegInputs"}');
    expect(r.findings).toEqual([]);
  });

  test('PIPE-006/007/008: Normalize, Pad and formatting are replaced by one PackSegInputs at the end', () => {
    const r = convertTrainPipeline(
      val(`x = [
    dict(type='LoadImageFromFile'),
    dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6], to_rgb=True),
    dict(type='Pad', size=(512, 512), pad_val=0, seg_pad_val=255),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]`),
      ctx,
    );
    expect(show(r.value)).toBe(
      show(val("x = [dict(type='LoadImageFromFile'), dict(type='PackSegInputs')]")),
    );
    expect(brief(r.findings)).toEqual([]);
  });

  test('PIPE-008 Collect with the 0.x default meta_keys (any order) → PackSegInputs()', () => {
    const r = train(
      "dict(type='Collect', keys=['img'], meta_keys=('ori_filename', 'filename', 'ori_shape', 'img_shape', 'pad_shape', 'scale_factor', 'flip', 'flip_direction', 'img_norm_cfg'))",
    );
    expect(r.value).toBe(show(val("x = [dict(type='PackSegInputs')]")));
    expect(r.findings).toEqual([]);
  });

  test('PIPE-008 custom meta_keys: renamed, dropped, completed with the 1.x defaults; extra keys warn', () => {
    const r = train(
      "dict(type='Collect', keys=['img', 'gt_semantic_seg', 'gt_edge'], meta_keys=('filename', 'ori_filename', 'ori_shape', 'img_norm_cfg', 'my_key'))",
    );
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='PackSegInputs', meta_keys=('img_path', 'ori_shape', 'my_key', 'seg_map_path', 'img_shape', 'pad_shape', 'scale_factor', 'flip', 'flip_direction', 'reduce_zero_label'))]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-008 warning 1', 'PIPE-008 info 1']);
  });

  test('PIPE-010 transforms after Normalize and Pad before it warn; flips and crops do not', () => {
    const r = convertTrainPipeline(
      val(`x = [
    dict(type='Pad', size=(512, 512)),
    dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]),
    dict(type='RandomFlip', prob=0.5),
    dict(type='PhotoMetricDistortion'),
    dict(type='Collect', keys=['img']),
]`),
      ctx,
    );
    expect(show(r.value)).toBe(
      show(
        val(
          "x = [dict(type='RandomFlip', prob=0.5), dict(type='PhotoMetricDistortion'), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(brief(r.findings)).toEqual(['PIPE-010 warning 2', 'PIPE-010 warning 5']);
  });

  test('PIPE-011 a third-party transform is kept with a warning', () => {
    const r = train("dict(type='AlignedResize', keep_ratio=True, size_divisor=32)");
    expect(r.value).toBe(
      show(
        val(
          "x = [dict(type='AlignedResize', keep_ratio=True, size_divisor=32), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(r.findings).toEqual(['PIPE-011 warning 1']);
  });

  test('PIPE-018 a pipeline without formatting still ends with PackSegInputs; an inner loading pipeline does not', () => {
    const src = val("x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations')]");
    expect(show(convertTrainPipeline(src, ctx).value)).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(show(convertTrainPipeline(src, ctx, { inner: true }).value)).toBe(
      show(val("x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations')]")),
    );
  });

  test('bad values: an opaque pipeline or entry is kept with a warning', () => {
    const bad = opaque('make_pipeline()', 'call');
    const r = convertTrainPipeline(bad, ctx);
    expect(r.value).toBe(bad);
    expect(brief(r.findings)).toEqual(['PIPE-011 warning 0']);
    const withOpaque = convertTrainPipeline(
      list([bad, ...(val("x = [dict(type='Collect', keys=['img'])]") as { items: Value[] }).items]),
      ctx,
    );
    expect(show(withOpaque.value)).toBe(
      '[{"__opaque__":"make_pipeline()"},{"type":"PackSegInputs"}]',
    );
    expect(brief(withOpaque.findings)).toEqual(['PIPE-011 warning 0']);
  });

  test('the same pipeline object with the same options converts once', () => {
    const src = val("x = [dict(type='LoadImageFromFile')]");
    expect(convertTrainPipeline(src, ctx)).toBe(convertTrainPipeline(src, ctx));
    expect(convertTrainPipeline(src, ctx)).not.toBe(
      convertTrainPipeline(src, ctx, { inner: true }),
    );
  });

  test('a pipeline shared by two configs converts once, its findings placed in each config', () => {
    const collect = val("x = [dict(type='Collect', keys=['img'])]") as { items: Value[] };
    // Neither the list nor the opaque item has an origin: findings fall back to the config file.
    const shared = list([opaque('make_pipeline()', 'call'), ...collect.items]);
    const a = convertTrainPipeline(shared, { file: 'a.py' });
    const b = convertTrainPipeline(shared, { file: 'b.py' });
    const fresh = convertTrainPipeline(list([...shared.items]), { file: 'b.py' });
    expect(b.value).toBe(a.value);
    expect(show(b.value)).toBe(show(fresh.value));
    expect(a.findings.map((f) => f.file)).toEqual(['a.py']);
    expect(b.findings).toEqual(fresh.findings);
    expect(b.findings.map((f) => f.file)).toEqual(['b.py']);
  });
});

/** A test pipeline around one MultiScaleFlipAug (line 3), converted with a dataset that has ground truth. */
function msfa(
  args: string,
  inner = "dict(type='Resize', keep_ratio=True), dict(type='RandomFlip')",
) {
  const old = py(`test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='MultiScaleFlipAug', ${args},
         transforms=[${inner}, dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]),
                     dict(type='ImageToTensor', keys=['img']), dict(type='Collect', keys=['img'])])]`);
  const { out, findings } = convertPipelines({ old, out: old, ctx });
  return {
    test: key(out, 'test_pipeline'),
    ratios: key(out, 'img_ratios'),
    tta: key(out, 'tta_pipeline'),
    findings: brief(findings),
  };
}
const plain = (resize: string) =>
  show(
    val(
      `x = [dict(type='LoadImageFromFile'), dict(type='Resize', ${resize}), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]`,
    ),
  );
const tta = (steps: string) =>
  show(
    val(
      `x = [dict(type='LoadImageFromFile', backend_args=None), dict(type='TestTimeAug', transforms=[${steps}, [dict(type='LoadAnnotations')], [dict(type='PackSegInputs')]])]`,
    ),
  );
const flips = (d = 'horizontal') =>
  `[dict(type='RandomFlip', prob=0., direction='${d}'), dict(type='RandomFlip', prob=1., direction='${d}')]`;
const byFactor = (ratios: number[]) =>
  `[${ratios.map((r) => `dict(type='Resize', scale_factor=${r.toFixed(2)}, keep_ratio=True)`).join(', ')}]`;
const AUG_TEST = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75];

describe('PIPE-015 MultiScaleFlipAug variants', () => {
  test('(a) flip=False, no ratios, tuple scale: plain Resize(img_scale); TTA with --aug-test ratios and flips', () => {
    const r = msfa('img_scale=(2048, 512), flip=False');
    expect(r.test).toBe(plain('scale=(2048, 512), keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75]')));
    expect(r.tta).toBe(tta(`${byFactor(AUG_TEST)}, ${flips()}`));
    expect(r.findings).toEqual(['PIPE-014 info 3']);
  });

  test('(b) ratios giving exactly one scale, no flip: that scale, exactly', () => {
    const r = msfa('img_scale=(2048, 512), img_ratios=[0.5]');
    expect(r.test).toBe(plain('scale=(1024, 256), keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.5]')));
    expect(r.tta).toBe(tta(byFactor([0.5])));
    expect(r.findings).toEqual(['PIPE-015 info 3', 'PIPE-014 info 3']);
  });

  test('(b) ratios giving several scales: img_scale, TTA keeps the ratios, warning', () => {
    const r = msfa(
      'img_scale=(2048, 512), img_ratios=[0.5, 1.0], flip=True',
      "dict(type='Resize', keep_ratio=False), dict(type='RandomFlip')",
    );
    expect(r.test).toBe(plain('scale=(2048, 512), keep_ratio=False'));
    expect(r.ratios).toBe(show(val('x = [0.5, 1.0]')));
    expect(r.tta).toBe(
      tta(
        "[dict(type='Resize', scale_factor=0.5, keep_ratio=False), dict(type='Resize', scale_factor=1.0, keep_ratio=False)], " +
          flips(),
      ),
    );
    expect(r.findings).toEqual(['PIPE-015 warning 3', 'PIPE-014 info 3']);
  });

  test('(c) flip=True without ratios: img_scale; TTA with --aug-test ratios and flips; warning', () => {
    const r = msfa("img_scale=(2048, 1024), flip=True, flip_direction=['horizontal', 'vertical']");
    expect(r.test).toBe(plain('scale=(2048, 1024), keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75]')));
    expect(r.tta).toBe(
      tta(
        `${byFactor(AUG_TEST)}, [dict(type='RandomFlip', prob=0., direction='horizontal'), dict(type='RandomFlip', prob=1., direction='horizontal'), dict(type='RandomFlip', prob=1., direction='vertical')]`,
      ),
    );
    expect(r.findings).toEqual(['PIPE-015 warning 3', 'PIPE-014 info 3']);
  });

  test('(d) ratios without flip: the TTA keeps the ratios and has no flip step (info)', () => {
    const r = msfa('img_scale=(2048, 512), img_ratios=[0.75, 1.0, 1.25]');
    expect(r.test).toBe(plain('scale=(2048, 512), keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.75, 1.0, 1.25]')));
    expect(r.tta).toBe(tta(byFactor([0.75, 1.0, 1.25])));
    expect(r.findings).toEqual(['PIPE-015 warning 3', 'PIPE-015 info 3', 'PIPE-014 info 3']);
  });

  test('(e) img_scale is a list: the first entry; the TTA resizes to each scale', () => {
    const r = msfa('img_scale=[(1024, 512), (2048, 1024)], flip=False');
    expect(r.test).toBe(plain('scale=(1024, 512), keep_ratio=True'));
    expect(r.ratios).toBe('<absent>');
    expect(r.tta).toBe(
      tta(
        `[dict(type='Resize', scale=(1024, 512), keep_ratio=True), dict(type='Resize', scale=(2048, 1024), keep_ratio=True)], ${flips()}`,
      ),
    );
    expect(r.findings).toEqual(['PIPE-015 warning 3']);
  });

  test('(f) img_scale=None with ratios: scale_factor 1.0 when among the ratios; exact TTA', () => {
    const r = msfa('img_scale=None, img_ratios=[0.5, 1.0, 2.0]');
    expect(r.test).toBe(plain('scale_factor=1.0, keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.5, 1.0, 2.0]')));
    expect(r.tta).toBe(tta(byFactor([0.5, 1.0, 2.0])));
    expect(r.findings).toEqual(['PIPE-015 warning 3', 'PIPE-015 info 3']);
  });

  test('(f) img_scale=None with one ratio other than 1.0: that ratio as a float, no warning', () => {
    const r = msfa('img_scale=None, img_ratios=0.5');
    expect(r.test).toBe(plain('scale_factor=0.5, keep_ratio=True'));
    expect(r.ratios).toBe(show(val('x = [0.5]')));
    expect(r.findings).toEqual(['PIPE-015 info 3']);
  });

  test('img_scale=None without ratios is an error: the MSFA is kept as written, no TTA', () => {
    const r = msfa('img_scale=None');
    expect(r.tta).toBe('<absent>');
    expect(r.findings).toEqual(['PIPE-012 error 3']);
    expect(JSON.parse(r.test)[1].type).toBe('MultiScaleFlipAug');
  });
});

describe('test pipeline', () => {
  const ade = `train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations', reduce_zero_label=True),
    dict(type='RandomFlip', prob=0.5),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(
        type='MultiScaleFlipAug',
        img_scale=(2048, 512),
        flip=False,
        transforms=[
            dict(type='Resize', keep_ratio=True),
            dict(type='ResizeToMultiple', size_divisor=32),
            dict(type='RandomFlip'),
            dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]),
            dict(type='ImageToTensor', keys=['img']),
            dict(type='Collect', keys=['img']),
        ])
]
data = dict(
    train=dict(type='ADE20KDataset', img_dir='i', ann_dir='a', pipeline=train_pipeline),
    val=dict(type='ADE20KDataset', img_dir='i', ann_dir='a', pipeline=test_pipeline),
    test=dict(type='ADE20KDataset', img_dir='i', ann_dir='a', pipeline=test_pipeline))
`;

  test('PIPE-012/013/014/017: MSFA → Resize + inner transforms + LoadAnnotations from train + PackSegInputs; TTA', () => {
    const { out, findings } = run(ade);
    expect(key(out, 'test_pipeline')).toBe(
      show(
        val(`x = [
    dict(type='LoadImageFromFile'),
    dict(type='Resize', scale=(2048, 512), keep_ratio=True),
    dict(type='ResizeToMultiple', size_divisor=32),
    dict(type='LoadAnnotations', reduce_zero_label=True),
    dict(type='PackSegInputs')]`),
      ),
    );
    expect(key(out, 'img_ratios')).toBe(show(val('x = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75]')));
    expect(key(out, 'tta_pipeline')).toBe(
      tta(`${byFactor(AUG_TEST)}, [dict(type='ResizeToMultiple', size_divisor=32)], ${flips()}`),
    );
    expect(key(out, 'tta_model')).toBe(show(val("x = dict(type='SegTTAModel')")));
    expect(key(out, 'train_pipeline')).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations', reduce_zero_label=True), dict(type='RandomFlip', prob=0.5), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(brief(findings)).toEqual(['PIPE-014 info 10']);
  });

  test('DATA-017 step 3: a train flag different from the dataset flag is not copied, with a warning', () => {
    const { out, findings } = run(ade.replace(/ADE20KDataset/g, 'CityscapesDataset'));
    expect(JSON.parse(key(out, 'test_pipeline'))[3]).toEqual({ type: 'LoadAnnotations' });
    expect(brief(findings)).toEqual(['PIPE-014 info 10', 'DATA-017 warning 3']);
  });

  test('DATA-017 step 4: unknown dataset class keeps the copied flag, with a warning', () => {
    const { out, findings } = run(ade.replace(/ADE20KDataset/g, 'MyDataset'));
    expect(JSON.parse(key(out, 'test_pipeline'))[3]).toEqual({
      type: 'LoadAnnotations',
      reduce_zero_label: true,
    });
    expect(brief(findings)).toEqual(['PIPE-014 info 10', 'DATA-017 warning 3']);
  });

  test('PIPE-013 no ground truth: no LoadAnnotations in the test pipeline or the TTA (info)', () => {
    const { out, findings } = run(
      ade.replace(/ann_dir='a', pipeline=test_pipeline/g, 'pipeline=test_pipeline'),
    );
    expect(JSON.parse(key(out, 'test_pipeline')).map((t: { type: string }) => t.type)).toEqual([
      'LoadImageFromFile',
      'Resize',
      'ResizeToMultiple',
      'PackSegInputs',
    ]);
    const steps = JSON.parse(key(out, 'tta_pipeline'))[1].transforms;
    expect(steps.map((s: { type: string }[]) => s[0].type)).toEqual([
      'Resize',
      'ResizeToMultiple',
      'RandomFlip',
      'PackSegInputs',
    ]);
    expect(brief(findings)).toEqual(['PIPE-014 info 10', 'PIPE-013 info 8']);
  });

  test('PIPE-012 transforms after the MSFA warn and follow the inner ones; an own LoadAnnotations moves to the end', () => {
    const { out, findings } = run(`test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations', imdecode_backend='cv2'),
    dict(type='MultiScaleFlipAug', img_scale=(512, 512), transforms=[dict(type='Resize', keep_ratio=True)]),
    dict(type='SegRescale', scale_factor=0.5),
]`);
    expect(key(out, 'test_pipeline')).toBe(
      show(
        val(`x = [dict(type='LoadImageFromFile'), dict(type='Resize', scale=(512, 512), keep_ratio=True),
    dict(type='SegRescale', scale_factor=0.5), dict(type='LoadAnnotations', imdecode_backend='cv2'), dict(type='PackSegInputs')]`),
      ),
    );
    expect(brief(findings)).toEqual(['PIPE-014 info 4', 'PIPE-012 warning 5']);
  });

  test('PIPE-016 a test pipeline without MSFA converts transform by transform, with no TTA', () => {
    const { out, findings } = run(`test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='Resize', img_scale=(512, 512), keep_ratio=True),
    dict(type='Normalize', mean=[1, 2, 3], std=[4, 5, 6]),
    dict(type='ImageToTensor', keys=['img']),
    dict(type='Collect', keys=['img']),
]
log_config = dict(interval=50)`);
    expect(key(out, 'test_pipeline')).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile'), dict(type='Resize', scale=(512, 512), keep_ratio=True), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(key(out, 'tta_pipeline')).toBe('<absent>');
    expect(key(out, 'img_ratios')).toBe('<absent>');
    // PIPE-017: the runtime-owner view gets tta_model even without a TTA pipeline.
    expect(key(out, 'tta_model')).toBe(show(val("x = dict(type='SegTTAModel')")));
    expect(brief(findings)).toEqual(['PIPE-016 info 1']);
  });

  test('PIPE-019 img_ratios become floats', () => {
    const r = convertTestPipeline(
      val(
        "x = [dict(type='MultiScaleFlipAug', img_scale=(100, 50), img_ratios=(1, 2), transforms=[dict(type='Resize')])]",
      ),
      ctx,
    );
    expect(show(r.tta?.imgRatios)).toBe('[1.0,2.0]');
  });
});

describe('the pass over top-level variables', () => {
  test('a leaf override merged over a base: only the pipeline variables change; img_norm_cfg stays', () => {
    const old = py(`img_norm_cfg = dict(mean=[1, 2, 3], std=[4, 5, 6], to_rgb=True)
val_pipeline = [dict(type='LoadImageFromFile'), dict(type='Normalize', **img_norm_cfg), dict(type='Collect', keys=['img'])]
custom_hooks = [dict(type='NumClassCheckHook')]
crop_size = (512, 512)`);
    const { out, findings } = convertPipelines({ old, out: old, ctx });
    expect(key(out, 'val_pipeline')).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]",
        ),
      ),
    );
    expect(out.entries.get('custom_hooks')).toBe(old.entries.get('custom_hooks'));
    expect(out.entries.get('img_norm_cfg')).toBe(old.entries.get('img_norm_cfg'));
    expect(out.entries.get('crop_size')).toBe(old.entries.get('crop_size'));
    expect([...out.entries.keys()]).toEqual([
      'img_norm_cfg',
      'val_pipeline',
      'custom_hooks',
      'crop_size',
    ]);
    expect(brief(findings)).toEqual([]);
  });

  test('bad values: an unreadable pipeline variable is reported and left; a named pipeline with an opaque entry is converted', () => {
    const base = py('other = 1');
    const old = withEntry(
      withEntry(base, 'train_pipeline', opaque('build()', 'call')),
      'test_pipeline',
      list([
        opaque('extra', 'name'),
        ...(val("x = [dict(type='LoadImageFromFile')]") as { items: Value[] }).items,
      ]),
    );
    const { out, findings } = convertPipelines({ old, out: old, ctx });
    expect(out.entries.get('train_pipeline')).toBe(old.entries.get('train_pipeline'));
    expect(key(out, 'test_pipeline')).toBe(
      '[{"__opaque__":"extra"},{"type":"LoadImageFromFile"},{"type":"LoadAnnotations"},{"type":"PackSegInputs"}]',
    );
    expect(brief(findings)).toEqual([
      'PIPE-011 warning 0',
      'PIPE-011 warning 0',
      'PIPE-016 info 0',
    ]);
  });

  test('a base without pipelines changes nothing; a runtime base gets tta_model only once', () => {
    const schedule = py("optimizer = dict(type='SGD', lr=0.01)");
    expect(convertPipelines({ old: schedule, out: schedule, ctx })).toEqual({
      out: schedule,
      findings: [],
    });
    const runtime = py('log_level = "INFO"');
    const withModel = withEntry(runtime, 'tta_model', val("x = dict(type='Mine')"));
    expect(key(convertPipelines({ old: runtime, out: withModel, ctx }).out, 'tta_model')).toBe(
      '{"type":"Mine"}',
    );
  });

  test('converted pipelines keep the origin of their source, and a pipeline read through a name keeps `via`', () => {
    const old = py(`train_pipeline = [dict(type='LoadImageFromFile')]
data = dict(train=dict(type='CityscapesDataset', pipeline=train_pipeline))`);
    const out = convertPipelines({ old, out: old, ctx }).out;
    expect(out.entries.get('train_pipeline')?.at).toEqual(old.entries.get('train_pipeline')?.at);
    const viaData = getPath(old, ['data', 'train', 'pipeline'])!;
    expect(convertTrainPipeline(viaData, ctx).value.at?.via).toBe('train_pipeline');
  });

  test('a pipeline variable whose name says nothing is classified by the dataset that uses it', () => {
    const old = py(`my_list = [dict(type='LoadImageFromFile'), dict(type='Collect', keys=['img'])]
data = dict(val=dict(type='CityscapesDataset', ann_dir='a', pipeline=my_list))`);
    expect(key(convertPipelines({ old, out: old, ctx }).out, 'my_list')).toBe(
      show(
        val(
          "x = [dict(type='LoadImageFromFile'), dict(type='LoadAnnotations'), dict(type='PackSegInputs')]",
        ),
      ),
    );
  });

  test('an inline data.test pipeline gives the TTA; its conversion is left to the data pass', () => {
    const old = py(`data = dict(test=dict(type='CityscapesDataset', ann_dir='a', pipeline=[
    dict(type='LoadImageFromFile'),
    dict(type='MultiScaleFlipAug', img_scale=(2048, 1024), transforms=[dict(type='Resize', keep_ratio=True), dict(type='RandomFlip')])]))`);
    const { out, findings } = convertPipelines({ old, out: old, ctx });
    expect(key(out, 'tta_pipeline')).toBe(tta(`${byFactor(AUG_TEST)}, ${flips()}`));
    expect(out.entries.get('data')).toBe(old.entries.get('data'));
    expect(findings).toEqual([]);
  });
});
