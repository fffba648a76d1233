import { initParsers, parsePython } from '../../src/python/parse.js';
import {
  isIdentifier,
  printAssignment,
  printValue,
  pyStr,
  type PrintPath,
} from '../../src/python/print.js';
import {
  bool,
  dict,
  float,
  int,
  list,
  none,
  opaque,
  str,
  tuple,
  type Origin,
  type Value,
} from '../../src/python/values.js';

const via = (name: string): Origin => ({ file: 'a.py', start: 0, end: 0, line: 1, via: name });
const baseref = (...path: string[]): Value => ({ t: 'baseref', path });
const lines = (...ls: string[]) => ls.join('\n') + '\n';

describe('pyStr', () => {
  it.each([
    ['plain', "'plain'"],
    ['', "''"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['l1\nl2\tt\rr', "'l1\\nl2\\tt\\rr'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['café 日本 😀', "'café 日本 😀'"],
    ['\u2028\xa0\u200d\ue000\u{10ffff}', "'\\u2028\\xa0\\u200d\\ue000\\U0010ffff'"],
    ['\ud800', "'\\ud800'"],
  ])('%j → %s', (input, expected) => {
    expect(pyStr(input)).toBe(expected);
  });
});

describe('isIdentifier', () => {
  it.each([
    ['type', true],
    ['_delete_', true],
    ['match', true],
    ['café', true],
    ['x1', true],
    ['1x', false],
    ['a.b', false],
    ['a-b', false],
    ['', false],
    ['class', false],
    ['None', false],
    ['lambda', false],
    ['\ufb01le', false], // NFKC turns the ligature into "file"
  ])('%s → %s', (key, expected) => {
    expect(isIdentifier(key)).toBe(expected);
  });

  it('answers a repeated key as it did the first time (its answers are remembered)', () => {
    const keys = ['type', 'class', '1x', 'café', '\ufb01le', 'norm_cfg', ''];
    const first = keys.map(isIdentifier);
    const again = keys.map(isIdentifier);
    expect(again).toEqual(first);
    expect(first).toEqual([true, false, false, true, false, true, false]);
  });
});

describe('printValue: scalars', () => {
  it.each<[Value, string]>([
    [none(), 'None'],
    [bool(true), 'True'],
    [bool(false), 'False'],
    [int(0), '0'],
    [int(-3), '-3'],
    [int(160000), '160000'],
    [int(1e21), '1000000000000000000000'],
    [float(1), '1.0'],
    [float(0.5), '0.5'],
    [float(-0), '-0.0'],
    [float(1e-4), '0.0001'],
    [float(1e-5), '1e-05'],
    [float(0.1 + 0.2), '0.30000000000000004'],
    [float(1e16), '1e+16'],
    [float(2.5e-10), '2.5e-10'],
    [float(NaN), "float('nan')"],
    [float(Infinity), "float('inf')"],
    [float(-Infinity), "-float('inf')"],
    [str("it's"), `"it's"`],
    [baseref('model', 'backbone'), '{{_base_.model.backbone}}'],
    [opaque('[x * 2 for x in range(3)]', 'comprehension'), '[x * 2 for x in range(3)]'],
  ])('%j', (v, expected) => {
    expect(printValue(v)).toBe(expected);
  });
});

describe('printValue: containers on one line', () => {
  it.each<[Value, string]>([
    [dict(), 'dict()'],
    [list([]), '[]'],
    [tuple([]), '()'],
    [tuple([int(4)]), '(4, )'],
    [tuple([str('channel_add')]), "('channel_add', )"],
    [tuple([int(512), int(512)]), '(512, 512)'],
    [list([tuple([int(1), int(2)]), tuple([float(0.5), float(2)])]), '[(1, 2), (0.5, 2.0)]'],
    [
      dict([
        ['type', str('SyncBN')],
        ['requires_grad', bool(true)],
      ]),
      "dict(type='SyncBN', requires_grad=True)",
    ],
    [dict([['café', int(1)]]), 'dict(café=1)'],
    [
      dict([
        ['a.b', int(1)],
        ['c-d', int(2)],
      ]),
      "{'a.b': 1, 'c-d': 2}",
    ],
    [
      dict([
        ['type', str('X')],
        ['backbone.lr', float(0.1)],
      ]),
      "{'type': 'X', 'backbone.lr': 0.1}",
    ],
    [dict([['class', int(1)]]), "{'class': 1}"],
    [dict([['\ufb01le', int(1)]]), "{'\ufb01le': 1}"],
    [
      dict([
        [0, str('background')],
        [255, str('ignore')],
      ]),
      "{0: 'background', 255: 'ignore'}",
    ],
    [dict([['k', dict()]]), 'dict(k=dict())'],
  ])('%j', (v, expected) => {
    expect(printValue(v)).toBe(expected);
  });
});

describe('printAssignment: width', () => {
  const trainCfg = (maxIters: number, valInterval: number) =>
    dict([
      ['type', str('IterBasedTrainLoop')],
      ['max_iters', int(maxIters)],
      ['val_interval', int(valInterval)],
    ]);

  it('keeps a line of exactly 79 columns', () => {
    const out = printAssignment('train_cfg', trainCfg(16000, 1600));
    expect(out).toBe(
      "train_cfg = dict(type='IterBasedTrainLoop', max_iters=16000, val_interval=1600)\n",
    );
    expect(out.length - 1).toBe(79);
  });

  it('breaks a line of 80 columns, all arguments on one continuation line', () => {
    expect(printAssignment('train_cfg', trainCfg(16000, 16000))).toBe(
      lines(
        'train_cfg = dict(',
        "    type='IterBasedTrainLoop', max_iters=16000, val_interval=16000)",
      ),
    );
  });

  it('puts one argument per line when they do not fit on one continuation line', () => {
    const v = dict([
      ['type', str('PolyLR')],
      ['eta_min', float(1e-4)],
      ['power', float(0.9)],
      ['begin', int(0)],
      ['end', int(160000)],
      ['by_epoch', bool(false)],
      ['verbose', bool(false)],
    ]);
    expect(printAssignment('scheduler', v)).toBe(
      lines(
        'scheduler = dict(',
        "    type='PolyLR',",
        '    eta_min=0.0001,',
        '    power=0.9,',
        '    begin=0,',
        '    end=160000,',
        '    by_epoch=False,',
        '    verbose=False)',
      ),
    );
  });

  it('counts the closers after the last argument', () => {
    // The line ends with the closers of the two enclosing calls: 79 columns
    // with them for the key `www`, 80 for `wwww`.
    const head = (weightKey: string) =>
      dict([
        [
          'decode_head',
          dict([
            [
              'loss_decode',
              dict([
                ['type', str('CrossEntropyLoss')],
                ['use_sigmoid', bool(false)],
                [weightKey, float(1)],
              ]),
            ],
          ]),
        ],
      ]);
    expect(printAssignment('model', head('www'))).toBe(
      lines(
        'model = dict(',
        '    decode_head=dict(',
        "        loss_decode=dict(type='CrossEntropyLoss', use_sigmoid=False, www=1.0)))",
      ),
    );
    expect(printAssignment('model', head('wwww'))).toBe(
      lines(
        'model = dict(',
        '    decode_head=dict(',
        '        loss_decode=dict(',
        "            type='CrossEntropyLoss', use_sigmoid=False, wwww=1.0)))",
      ),
    );
  });

  it('counts the comma after an argument that is not the last', () => {
    const v = (name: string) =>
      dict([
        [
          'a',
          dict([
            ['long_argument_name_number_one', str(name)],
            ['second', str('b')],
          ]),
        ],
        ['b', int(1)],
      ]);
    // 79 columns with its comma: fits.
    expect(printAssignment('x', v('abcdefghijklmnopqrstuv'))).toBe(
      lines(
        'x = dict(',
        "    a=dict(long_argument_name_number_one='abcdefghijklmnopqrstuv', second='b'),",
        '    b=1)',
      ),
    );
    // 79 columns without its comma, 80 with it: breaks.
    expect(printAssignment('x', v('abcdefghijklmnopqrstuvw'))).toBe(
      lines(
        'x = dict(',
        '    a=dict(',
        "        long_argument_name_number_one='abcdefghijklmnopqrstuvw', second='b'),",
        '    b=1)',
      ),
    );
  });

  it('never breaks inside a string: a line that cannot fit is left long', () => {
    const url = 'https://download.example.com/checkpoints/' + 'x'.repeat(60) + '.pth';
    expect(printAssignment('load_from', str(url))).toBe(`load_from = '${url}'\n`);
    expect(printAssignment('cfg', dict([['checkpoint', str(url)]]))).toBe(
      lines('cfg = dict(', `    checkpoint='${url}')`),
    );
  });

  it('honours width and indent options', () => {
    const v = dict([
      ['type', str('SyncBN')],
      ['requires_grad', bool(true)],
      ['momentum', float(0.1)],
    ]);
    expect(printAssignment('norm_cfg', v, { width: 40, indent: 2 })).toBe(
      lines('norm_cfg = dict(', "  type='SyncBN',", '  requires_grad=True,', '  momentum=0.1)'),
    );
  });
});

describe('printAssignment: lists, tuples and displays that break', () => {
  it('prints a pipeline one dict per line with `]` on its own line', () => {
    const v = list([
      dict([['type', str('LoadImageFromFile')]]),
      dict([
        ['type', str('LoadAnnotations')],
        ['reduce_zero_label', bool(true)],
      ]),
      dict([
        ['type', str('RandomResize')],
        ['scale', tuple([int(2048), int(512)])],
        ['ratio_range', tuple([float(0.5), float(2)])],
        ['keep_ratio', bool(true)],
      ]),
      dict([
        ['type', str('RandomCrop')],
        ['crop_size', tuple([int(512), int(512)])],
        ['cat_max_ratio', float(0.75)],
      ]),
      dict([['type', str('PackSegInputs')]]),
    ]);
    expect(printAssignment('train_pipeline', v)).toBe(
      lines(
        'train_pipeline = [',
        "    dict(type='LoadImageFromFile'),",
        "    dict(type='LoadAnnotations', reduce_zero_label=True),",
        '    dict(',
        "        type='RandomResize',",
        '        scale=(2048, 512),',
        '        ratio_range=(0.5, 2.0),',
        '        keep_ratio=True),',
        "    dict(type='RandomCrop', crop_size=(512, 512), cat_max_ratio=0.75),",
        "    dict(type='PackSegInputs')",
        ']',
      ),
    );
  });

  it('puts a short list of dicts that does not fit on continuation lines, one per line', () => {
    const v = dict([
      [
        'vis_backends',
        list([
          dict([['type', str('LocalVisBackend')]]),
          dict([['type', str('TensorboardVisBackend')]]),
        ]),
      ],
      ['name', str('visualizer')],
    ]);
    expect(printAssignment('visualizer', v)).toBe(
      lines(
        'visualizer = dict(',
        '    vis_backends=[',
        "        dict(type='LocalVisBackend'),",
        "        dict(type='TensorboardVisBackend')",
        '    ],',
        "    name='visualizer')",
      ),
    );
  });

  it('fills lines with scalar items, each line within 79 columns with its comma', () => {
    const weights = [
      0.8373, 0.9184, 0.8662, 1.0345, 1.01661, 0.99693, 0.97542, 1.04891, 0.8786, 1.0023, 0.9539,
      0.9843, 1.1116, 0.9037, 1.0865, 1.0955, 1.0865, 1.1529, 1.0507,
    ];
    const v = dict([
      [
        'loss_decode',
        dict([
          ['type', str('CrossEntropyLoss')],
          ['class_weight', list(weights.map((w) => float(w)))],
        ]),
      ],
    ]);
    const out = printAssignment('decode_head', v);
    expect(out).toBe(
      lines(
        'decode_head = dict(',
        '    loss_decode=dict(',
        "        type='CrossEntropyLoss',",
        '        class_weight=[',
        '            0.8373, 0.9184, 0.8662, 1.0345, 1.01661, 0.99693, 0.97542, 1.04891,',
        '            0.8786, 1.0023, 0.9539, 0.9843, 1.1116, 0.9037, 1.0865, 1.0955,',
        '            1.0865, 1.1529, 1.0507',
        '        ]))',
      ),
    );
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBe(79);
  });

  it('closes a broken tuple right after its last item', () => {
    const ops = ['cross_attn', 'norm', 'self_attn', 'norm', 'ffn', 'norm', 'extra_op'];
    const v = dict([['operation_order', tuple(ops.map((o) => str(o)))]]);
    expect(printAssignment('layer_cfg', v)).toBe(
      lines(
        'layer_cfg = dict(',
        '    operation_order=(',
        "        'cross_attn', 'norm', 'self_attn', 'norm', 'ffn', 'norm', 'extra_op'))",
      ),
    );
  });

  it('breaks a one-element tuple with its comma', () => {
    const v = tuple([str('a'.repeat(80))]);
    expect(printAssignment('t', v)).toBe(lines('t = (', `    '${'a'.repeat(80)}', )`));
  });

  it('prints a dict display that does not fit one entry per line, `}` on its own line', () => {
    const v = dict([
      ['type', str('OptimWrapper')],
      [
        'paramwise_cfg',
        dict([
          [
            'custom_keys',
            dict([
              ['backbone.pos_embed', dict([['decay_mult', float(0)]])],
              ['backbone.cls_token', dict([['decay_mult', float(0)]])],
              ['norm', dict([['decay_mult', float(0)]])],
            ]),
          ],
        ]),
      ],
    ]);
    expect(printAssignment('optim_wrapper', v)).toBe(
      lines(
        'optim_wrapper = dict(',
        "    type='OptimWrapper',",
        '    paramwise_cfg=dict(',
        '        custom_keys={',
        "            'backbone.pos_embed': dict(decay_mult=0.0),",
        "            'backbone.cls_token': dict(decay_mult=0.0),",
        "            'norm': dict(decay_mult=0.0)",
        '        }))',
      ),
    );
  });

  it('prints int-keyed dicts as displays when broken', () => {
    const names = ['background', 'aeroplane', 'bicycle', 'bird', 'boat', 'bottle'];
    const v = dict(names.map((n, i): [number, Value] => [i, str(n)]));
    expect(printAssignment('label_map', v)).toBe(
      lines(
        'label_map = {',
        "    0: 'background',",
        "    1: 'aeroplane',",
        "    2: 'bicycle',",
        "    3: 'bird',",
        "    4: 'boat',",
        "    5: 'bottle'",
        '}',
      ),
    );
  });

  it('starts at the given column and depth', () => {
    const v = dict([
      ['type', str('ResNetV1c')],
      ['depth', int(50)],
      ['num_stages', int(4)],
      ['out_indices', tuple([int(0), int(1), int(2), int(3)])],
    ]);
    expect(printValue(v, {}, '    backbone='.length, 1)).toBe(
      "dict(\n        type='ResNetV1c', depth=50, num_stages=4, out_indices=(0, 1, 2, 3))",
    );
    expect(printValue(v, {}, 0, 0)).toBe(
      "dict(type='ResNetV1c', depth=50, num_stages=4, out_indices=(0, 1, 2, 3))",
    );
  });
});

describe('printAssignment: substitutions', () => {
  const normCfg = dict(
    [
      ['type', str('SyncBN')],
      ['requires_grad', bool(true)],
    ],
    via('norm_cfg'),
  );
  const pipeline = list([dict([['type', str('LoadImageFromFile')]])], via('train_pipeline'));
  const lr = float(0.02);
  const v = dict([
    ['dataset', dict([['pipeline', pipeline]])],
    ['norm_cfg', normCfg],
    ['lr', lr],
  ]);

  it('prints the variable a value was read through, and passes the path', () => {
    const seen: PrintPath[] = [];
    const out = printAssignment('cfg', v, {
      nameFor: (x, path) => {
        seen.push(path);
        return path.length > 0 ? x.at?.via : undefined;
      },
    });
    expect(out).toBe(
      'cfg = dict(dataset=dict(pipeline=train_pipeline), norm_cfg=norm_cfg, lr=0.02)\n',
    );
    expect(seen).toContainEqual(['dataset', 'pipeline']);
    expect(seen).toContainEqual(['norm_cfg']);
    expect(seen).toContainEqual(['lr']);
    expect(seen).not.toContainEqual(['norm_cfg', 'type']);
  });

  it('prints source text kept as written, and prefers a name over source text', () => {
    const out = printAssignment('cfg', v, {
      nameFor: (x) => (x === normCfg ? 'norm_cfg' : undefined),
      sourceFor: (x, path) =>
        x === lr ? '0.01 * gpu_factor' : path.join('.') === 'norm_cfg' ? 'unused' : undefined,
    });
    expect(out).toBe(
      lines(
        'cfg = dict(',
        "    dataset=dict(pipeline=[dict(type='LoadImageFromFile')]),",
        '    norm_cfg=norm_cfg,',
        '    lr=0.01 * gpu_factor)',
      ),
    );
  });

  it('can replace the whole value by a name', () => {
    const loader = dict([['batch_size', int(1)]], via('val_dataloader'));
    expect(printAssignment('test_dataloader', loader, { nameFor: (x) => x.at?.via })).toBe(
      'test_dataloader = val_dataloader\n',
    );
  });
});

describe('printAssignment: opaque source', () => {
  it('re-indents multi-line source to where it lands, closing bracket at the parent indent', () => {
    const comprehension = opaque(
      [
        '[',
        '        dict(type="Resize", scale_factor=r, keep_ratio=True)',
        '        for r in img_ratios',
        '    ]',
      ].join('\n'),
      'comprehension',
    );
    const v = list([
      dict([
        ['type', str('TestTimeAug')],
        ['transforms', list([comprehension, list([dict([['type', str('PackSegInputs')]])])])],
      ]),
    ]);
    expect(printAssignment('tta_pipeline', v)).toBe(
      lines(
        'tta_pipeline = [',
        '    dict(',
        "        type='TestTimeAug',",
        '        transforms=[',
        '            [',
        '                dict(type="Resize", scale_factor=r, keep_ratio=True)',
        '                for r in img_ratios',
        '            ],',
        "            [dict(type='PackSegInputs')]",
        '        ])',
        ']',
      ),
    );
  });

  it('re-indents continuation lines one level in when none closes a bracket', () => {
    const call = opaque('build(a,\n  b,\n    c)', 'call');
    expect(printAssignment('x', dict([['v', call]]))).toBe(
      lines('x = dict(', '    v=build(a,', '        b,', '          c))'),
    );
  });

  it('leaves source with a triple-quoted string exactly as written', () => {
    const text = opaque("textwrap.dedent('''\n  a\n b''')", 'call');
    expect(printAssignment('x', dict([['v', text]]))).toBe(
      lines('x = dict(', "    v=textwrap.dedent('''", '  a', " b'''))"),
    );
  });
});

describe('printAssignment: a model base in the official style', () => {
  const dp = dict(
    [
      ['type', str('SegDataPreProcessor')],
      ['mean', list([float(123.675), float(116.28), float(103.53)])],
      ['std', list([float(58.395), float(57.12), float(57.375)])],
      ['bgr_to_rgb', bool(true)],
      ['pad_val', int(0)],
      ['seg_pad_val', int(255)],
    ],
    via('data_preprocessor'),
  );
  const norm = dict(
    [
      ['type', str('SyncBN')],
      ['requires_grad', bool(true)],
    ],
    via('norm_cfg'),
  );
  const loss = (weight: number) =>
    dict([
      ['type', str('CrossEntropyLoss')],
      ['use_sigmoid', bool(false)],
      ['loss_weight', float(weight)],
    ]);
  const model = dict([
    ['type', str('EncoderDecoder')],
    ['data_preprocessor', dp],
    ['pretrained', str('open-mmlab://resnet18_v1c')],
    [
      'backbone',
      dict([
        ['type', str('ResNetV1c')],
        ['depth', int(18)],
        ['num_stages', int(4)],
        ['out_indices', tuple([int(0), int(1), int(2), int(3)])],
        ['dilations', tuple([int(1), int(1), int(2), int(4)])],
        ['strides', tuple([int(1), int(2), int(1), int(1)])],
        ['norm_cfg', norm],
        ['norm_eval', bool(false)],
        ['style', str('pytorch')],
        ['contract_dilation', bool(true)],
      ]),
    ],
    [
      'decode_head',
      dict([
        ['type', str('PSPHead')],
        ['in_channels', int(512)],
        ['in_index', int(3)],
        ['channels', int(128)],
        ['pool_scales', tuple([int(1), int(2), int(3), int(6)])],
        ['dropout_ratio', float(0.1)],
        ['num_classes', int(19)],
        ['norm_cfg', norm],
        ['align_corners', bool(false)],
        ['loss_decode', loss(1)],
      ]),
    ],
    [
      'auxiliary_head',
      dict([
        ['type', str('FCNHead')],
        ['in_channels', int(256)],
        ['in_index', int(2)],
        ['channels', int(64)],
        ['num_convs', int(1)],
        ['norm_cfg', norm],
        ['loss_decode', loss(0.4)],
      ]),
    ],
    ['train_cfg', dict()],
    ['test_cfg', dict([['mode', str('whole')]])],
  ]);
  const nameFor = (v: Value, path: PrintPath) => (path.length > 0 ? v.at?.via : undefined);
  const expected = lines(
    'model = dict(',
    "    type='EncoderDecoder',",
    '    data_preprocessor=data_preprocessor,',
    "    pretrained='open-mmlab://resnet18_v1c',",
    '    backbone=dict(',
    "        type='ResNetV1c',",
    '        depth=18,',
    '        num_stages=4,',
    '        out_indices=(0, 1, 2, 3),',
    '        dilations=(1, 1, 2, 4),',
    '        strides=(1, 2, 1, 1),',
    '        norm_cfg=norm_cfg,',
    '        norm_eval=False,',
    "        style='pytorch',",
    '        contract_dilation=True),',
    '    decode_head=dict(',
    "        type='PSPHead',",
    '        in_channels=512,',
    '        in_index=3,',
    '        channels=128,',
    '        pool_scales=(1, 2, 3, 6),',
    '        dropout_ratio=0.1,',
    '        num_classes=19,',
    '        norm_cfg=norm_cfg,',
    '        align_corners=False,',
    '        loss_decode=dict(',
    "            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=1.0)),",
    '    auxiliary_head=dict(',
    "        type='FCNHead',",
    '        in_channels=256,',
    '        in_index=2,',
    '        channels=64,',
    '        num_convs=1,',
    '        norm_cfg=norm_cfg,',
    '        loss_decode=dict(',
    "            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=0.4)),",
    '    train_cfg=dict(),',
    "    test_cfg=dict(mode='whole'))",
  );

  it('matches the hand-written text', () => {
    const text =
      printAssignment('norm_cfg', norm) +
      printAssignment('data_preprocessor', dp) +
      printAssignment('model', model, { nameFor });
    expect(text).toBe(
      lines(
        "norm_cfg = dict(type='SyncBN', requires_grad=True)",
        'data_preprocessor = dict(',
        "    type='SegDataPreProcessor',",
        '    mean=[123.675, 116.28, 103.53],',
        '    std=[58.395, 57.12, 57.375],',
        '    bgr_to_rgb=True,',
        '    pad_val=0,',
        '    seg_pad_val=255)',
      ) + expected,
    );
  });

  it('is stable and parses as Python without errors', async () => {
    await initParsers();
    const first = printAssignment('model', model, { nameFor });
    expect(printAssignment('model', model, { nameFor })).toBe(first);
    expect(parsePython(first).rootNode.hasError).toBe(false);
    const inlined = printAssignment('model', model);
    expect(parsePython(inlined).rootNode.hasError).toBe(false);
    expect(inlined).toContain(
      "        norm_cfg=dict(type='SyncBN', requires_grad=True),\n        norm_eval=False,",
    );
  });
});
