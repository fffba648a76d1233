import { convertLoops } from '../../src/convert/loop.js';
import { convertModel } from '../../src/convert/model.js';
import { getPath, opaque, withEntry, type DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

const run = (old: DictValue, out: DictValue = old) => convertModel({ old, out, ctx });

const expected = (source: string, name = 'x') => show(py(source).entries.get(name));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const lines = (...rows: string[]) => rows.join('\n');

describe('convertModel', () => {
  it('MODEL-001 / MODEL-004: a model of known components is kept as the same object', () => {
    const old = py(
      lines(
        "norm_cfg = dict(type='SyncBN', requires_grad=True)",
        'model = dict(',
        "    type='EncoderDecoder',",
        "    pretrained='open-mmlab://resnet50_v1c',",
        "    backbone=dict(type='ResNetV1c', depth=50, norm_cfg=norm_cfg,",
        "                  init_cfg=dict(type='Pretrained', checkpoint='torchvision://resnet50'),",
        "                  plugins=[dict(cfg=dict(type='ContextBlock', ratio=0.25))]),",
        "    decode_head=dict(type='PSPHead', act_cfg=dict(type='ReLU'),",
        "                     sampler=dict(type='OHEMPixelSampler', thresh=0.7),",
        "                     loss_decode=[dict(type='CrossEntropyLoss', loss_weight=1.0),",
        "                                  dict(type='LovaszLoss', loss_weight=0.5)]),",
        '    train_cfg=dict(),',
        "    test_cfg=dict(mode='slide', crop_size=(512, 512), stride=(341, 341)))",
      ),
    );
    const { out, findings } = run(old);
    expect(out).toBe(old);
    expect(findings).toEqual([]);
  });

  it('MODEL-001: an unreadable model is reported and left alone', () => {
    const old = withEntry(py('x = 1'), 'model', opaque('build()', 'call'));
    const { out, findings } = run(old);
    expect(out.entries.get('model')).toBe(old.entries.get('model'));
    expect(brief(findings)).toEqual([['MODEL-001', 'warning', 0]]);
  });

  it('MODEL-003: legacy top-level train_cfg / test_cfg move into model; an empty one is dropped', () => {
    const old = py(
      lines(
        "model = dict(type='EncoderDecoder', backbone=dict(type='ResNet'))",
        'train_cfg = dict()',
        "test_cfg = dict(mode='whole')",
      ),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('model'))).toBe(
      expected(
        "x = dict(type='EncoderDecoder', backbone=dict(type='ResNet'), test_cfg=dict(mode='whole'))",
      ),
    );
    expect(getPath(out, ['model', 'test_cfg'])).toBe(old.entries.get('test_cfg'));
    expect(out.entries.has('train_cfg')).toBe(false);
    expect(out.entries.has('test_cfg')).toBe(false);
    expect(brief(findings)).toEqual([
      ['MODEL-003', 'info', 2],
      ['MODEL-003', 'info', 3],
    ]);
  });

  it('MODEL-003: reads the legacy values from old and keeps the loops the loop pass wrote', () => {
    const old = py(
      lines(
        "model = dict(type='EncoderDecoder')",
        'data = dict(train=dict(), val=dict(), test=dict())',
        "runner = dict(type='IterBasedRunner', max_iters=100)",
        'evaluation = dict(interval=10)',
        'train_cfg = dict(sampler=None)',
        "test_cfg = dict(mode='slide', crop_size=(64, 64), stride=(32, 32))",
      ),
    );
    const looped = convertLoops({ old, out: old, ctx }).out;
    const { out, findings } = run(old, looped);
    expect(show(out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=100, val_interval=10)"),
    );
    expect(show(out.entries.get('test_cfg'))).toBe(expected("x = dict(type='TestLoop')"));
    expect(show(out.entries.get('model'))).toBe(
      expected(
        lines(
          "x = dict(type='EncoderDecoder', train_cfg=dict(sampler=None),",
          "         test_cfg=dict(mode='slide', crop_size=(64, 64), stride=(32, 32)))",
        ),
      ),
    );
    expect(brief(findings)).toEqual([
      ['MODEL-003', 'info', 5],
      ['MODEL-003', 'info', 6],
    ]);
  });

  it('MODEL-003: a model base alone with legacy keys and no model yet creates the model dict', () => {
    const old = py("train_cfg = None\ntest_cfg = dict(mode='whole')");
    const { out, findings } = run(old);
    expect([...out.entries.keys()]).toEqual(['model']);
    expect(show(out.entries.get('model'))).toBe(expected("x = dict(test_cfg=dict(mode='whole'))"));
    expect(brief(findings)).toEqual([
      ['MODEL-003', 'info', 1],
      ['MODEL-003', 'info', 2],
    ]);
  });

  it('MODEL-003: set both at the top level and in model stays as written (LOOP-009 reports it)', () => {
    const old = py(
      lines(
        "model = dict(type='EncoderDecoder', test_cfg=dict(mode='whole'))",
        "test_cfg = dict(mode='slide')",
      ),
    );
    const { out, findings } = run(old);
    expect(out).toBe(old);
    expect(findings).toEqual([]);
  });

  it('MODEL-003: a None model setting is replaced by the top-level one, as 0.x did', () => {
    const old = py(
      lines("model = dict(type='EncoderDecoder', test_cfg=None)", "test_cfg = dict(mode='whole')"),
    );
    const { out } = run(old);
    expect(show(out.entries.get('model'))).toBe(
      expected("x = dict(type='EncoderDecoder', test_cfg=dict(mode='whole'))"),
    );
  });

  it('MODEL-003: an unreadable model or legacy value stays, with a warning', () => {
    const old = withEntry(py("test_cfg = dict(mode='whole')"), 'model', opaque('m()', 'call'));
    const { out, findings } = run(old);
    expect(out.entries.get('test_cfg')).toBe(old.entries.get('test_cfg'));
    expect(brief(findings)).toEqual([
      ['MODEL-001', 'warning', 0],
      ['MODEL-003', 'warning', 1],
    ]);

    const legacy = withEntry(
      py("model = dict(type='EncoderDecoder')"),
      'test_cfg',
      opaque('T', 'name'),
    );
    const r = run(legacy);
    expect(r.out.entries.get('test_cfg')).toBe(legacy.entries.get('test_cfg'));
    expect(brief(r.findings)).toEqual([['MODEL-003', 'warning', 0]]);
  });

  it('MODEL-005: mmcls types become mmpretrain types', () => {
    const old = py(
      lines(
        'model = dict(',
        "    type='EncoderDecoder',",
        "    backbone=dict(type='mmcls.ConvNeXt', arch='base',",
        "                  init_cfg=dict(type='Pretrained', checkpoint='x.pth', prefix='backbone.')))",
      ),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('model'))).toBe(
      expected(
        lines(
          "x = dict(type='EncoderDecoder', backbone=dict(type='mmpretrain.ConvNeXt', arch='base',",
          "         init_cfg=dict(type='Pretrained', checkpoint='x.pth', prefix='backbone.')))",
        ),
      ),
    );
    // Untouched parts keep their identity (and origin).
    expect(getPath(out, ['model', 'backbone', 'init_cfg'])).toBe(
      getPath(old, ['model', 'backbone', 'init_cfg']),
    );
    expect(brief(findings)).toEqual([['MODEL-005', 'info', 3]]);
  });

  it('MODEL-006: DiceLoss loses smooth / exponent / class_weight, and every DiceLoss is reported', () => {
    const old = py(
      lines(
        'model = dict(',
        "    type='EncoderDecoder',",
        "    decode_head=dict(type='FCNHead', loss_decode=[",
        "        dict(type='CrossEntropyLoss', loss_weight=1.0),",
        "        dict(type='DiceLoss', smooth=1, exponent=2,",
        "             class_weight=[1.0, 2.0], loss_weight=3.0, loss_name='loss_dice')]),",
        "    auxiliary_head=dict(type='FCNHead', loss_decode=dict(type='DiceLoss', loss_weight=0.4)))",
      ),
    );
    const { out, findings } = run(old);
    expect(show(getPath(out, ['model', 'decode_head', 'loss_decode']))).toBe(
      expected(
        lines(
          "x = [dict(type='CrossEntropyLoss', loss_weight=1.0),",
          "     dict(type='DiceLoss', loss_weight=3.0, loss_name='loss_dice')]",
        ),
      ),
    );
    expect(getPath(out, ['model', 'auxiliary_head'])).toBe(
      getPath(old, ['model', 'auxiliary_head']),
    );
    expect(brief(findings)).toEqual([
      ['MODEL-006', 'warning', 5],
      ['MODEL-006', 'warning', 5],
      ['MODEL-006', 'warning', 5],
      ['MODEL-006', 'warning', 6],
      ['MODEL-006', 'warning', 7],
    ]);
    expect(findings[0].message).toContain('use_sigmoid=False');
  });

  it('MODEL-007: third-party component types are kept and reported', () => {
    const old = py(
      lines(
        'model = dict(',
        "    type='EncoderDecoder',",
        "    backbone=dict(type='MyBackbone', norm_cfg=dict(type='BN')),",
        "    decode_head=dict(type='mmdet.Mask2FormerHead', act_cfg=dict(type='GELU')))",
      ),
    );
    const { out, findings } = run(old);
    expect(out).toBe(old);
    expect(brief(findings)).toEqual([
      ['MODEL-007', 'warning', 3],
      ['MODEL-007', 'warning', 4],
    ]);
    expect(findings[0].message).toContain("'MyBackbone'");
  });

  it('a view without model or legacy keys is left alone', () => {
    const old = py("optimizer = dict(type='SGD', lr=0.01)");
    const { out, findings } = run(old);
    expect(out).toBe(old);
    expect(findings).toEqual([]);
  });
});
