/**
 * Command lines inside files (DET-008, spec §13): shell scripts, Markdown
 * fences, workflow `run:` steps, Makefile recipes, Dockerfile instructions
 * and notebooks. Each golden case states the whole output file, so every
 * byte outside the commands is checked; running again changes nothing.
 */
import { parseDocument } from 'yaml';
import { rewriteFileCommands } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import type { Role } from '../../src/scan/classify.js';
import { brief, CITYSCAPES_0X, repoConfigs } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

const configFor = repoConfigs({ 'configs/a.py': CITYSCAPES_0X });
const lines = (...l: string[]): string => l.join('\n');

interface Golden {
  name: string;
  path: string;
  role: Role;
  before: string;
  after: string;
  findings: string[];
}

const goldens: Golden[] = [
  {
    name: 'shell script: launchers, continuations, redirections',
    path: 'scripts/run.sh',
    role: 'shell',
    before: lines(
      '#!/usr/bin/env bash',
      '# train then test',
      'CONFIG=configs/a.py',
      'GPUS=4 PORT=29501 ./tools/dist_train.sh $CONFIG 4 \\',
      '    --work_dir work_dirs/a \\',
      '    --no-validate',
      './tools/dist_test.sh $CONFIG work_dirs/a/latest.pth 4 --eval mIoU --out r.pkl >log.txt 2>&1 &',
      'echo "done"',
      '',
    ),
    after: lines(
      '#!/usr/bin/env bash',
      '# train then test',
      'CONFIG=configs/a.py',
      'GPUS=4 PORT=29501 ./tools/dist_train.sh $CONFIG 4 \\',
      '    --work-dir work_dirs/a \\',
      '    --cfg-options val_cfg=None val_dataloader=None val_evaluator=None',
      './tools/dist_test.sh $CONFIG work_dirs/a/latest.pth 4 --cfg-options "test_evaluator.iou_metrics=[mIoU]" >log.txt 2>&1 &',
      'echo "done"',
      '',
    ),
    findings: [
      'CLI-TRAIN-002 info 5',
      'CLI-TRAIN-006 info 6',
      'CLI-TEST-001 info 7',
      'CLI-TEST-008 warning 7',
    ],
  },
  {
    name: 'markdown: shell, console and indented fences; python fences and quotes untouched',
    path: 'docs/train.md',
    role: 'markdown',
    before: lines(
      '# Train',
      '',
      'Use `--no-validate` to skip validation in tools/train.py.',
      '',
      '```shell',
      'python tools/train.py configs/a.py --seed 0',
      '```',
      '',
      '```console',
      '$ python tools/test.py configs/a.py c.pth --eval mIoU',
      'mIoU: 80.1',
      '```',
      '',
      '```python',
      "subprocess.run('python tools/train.py x --seed 1')",
      '```',
      '',
      '- a list item',
      '',
      '   ```bash',
      '   sh tools/dist_train.sh cfg.py 8 --options dist_params.port=1',
      '   ```',
      '',
      '```',
      'python tools/train.py cfg.py --gpus 1',
      '```',
      '',
    ),
    after: lines(
      '# Train',
      '',
      'Use `--no-validate` to skip validation in tools/train.py.',
      '',
      '```shell',
      'python tools/train.py configs/a.py --cfg-options randomness.seed=0',
      '```',
      '',
      '```console',
      '$ python tools/test.py configs/a.py c.pth',
      'mIoU: 80.1',
      '```',
      '',
      '```python',
      "subprocess.run('python tools/train.py x --seed 1')",
      '```',
      '',
      '- a list item',
      '',
      '   ```bash',
      '   sh tools/dist_train.sh cfg.py 8 --cfg-options env_cfg.dist_cfg.port=1',
      '   ```',
      '',
      '```',
      'python tools/train.py cfg.py',
      '```',
      '',
    ),
    findings: [
      'CLI-TRAIN-008 info 6',
      'CLI-TEST-001 info 10',
      'CLI-GEN-004 info 21',
      'KEY-001 info 21',
      'CLI-TRAIN-007 info 25',
      'DET-008 info 3',
    ],
  },
  {
    name: 'workflow: literal block, plain and quoted scalars; python steps skipped',
    path: '.github/workflows/train.yml',
    role: 'workflow',
    before: lines(
      'name: train',
      'on: [push]',
      'jobs:',
      '  smoke:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Train',
      '        run: |',
      '          python tools/train.py configs/a.py \\',
      '            --seed 0 \\',
      '            --work-dir w',
      '      - run: python tools/test.py cfg.py c.pth --eval mIoU  # smoke',
      "      - run: 'python tools/test.py cfg.py c.pth --eval mDice'",
      '      - shell: python',
      '        run: print("tools/train.py --seed 0")',
      '',
    ),
    after: lines(
      'name: train',
      'on: [push]',
      'jobs:',
      '  smoke:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Train',
      '        run: |',
      '          python tools/train.py configs/a.py \\',
      '            --work-dir w --cfg-options randomness.seed=0',
      '      - run: python tools/test.py cfg.py c.pth --cfg-options "test_evaluator.iou_metrics=[mIoU]"  # smoke',
      '      - run: \'python tools/test.py cfg.py c.pth --cfg-options "test_evaluator.iou_metrics=[mDice]"\'',
      '      - shell: python',
      '        run: print("tools/train.py --seed 0")',
      '',
    ),
    findings: ['CLI-TRAIN-008 info 11', 'CLI-TEST-001 info 13', 'CLI-TEST-001 info 14'],
  },
  {
    name: 'Makefile recipes with prefixes and continuations',
    path: 'Makefile',
    role: 'makefile',
    before: lines(
      '.PHONY: train test',
      'CONFIG ?= configs/a.py',
      'train:',
      '\t@python tools/train.py configs/a.py --seed 0 \\',
      '\t\t--deterministic',
      'test:',
      '\t-python tools/test.py $(CONFIG) $(CKPT) --eval mIoU',
      '',
    ),
    after: lines(
      '.PHONY: train test',
      'CONFIG ?= configs/a.py',
      'train:',
      '\t@python tools/train.py configs/a.py --cfg-options randomness.seed=0 randomness.deterministic=True',
      'test:',
      '\t-python tools/test.py $(CONFIG) $(CKPT) --cfg-options "test_evaluator.iou_metrics=[mIoU]"',
      '',
    ),
    findings: ['CLI-TRAIN-008 info 4', 'CLI-TRAIN-010 info 5', 'CLI-TEST-001 info 7'],
  },
  {
    name: 'Dockerfile shell form and exec form',
    path: 'docker/Dockerfile',
    role: 'dockerfile',
    before: lines(
      'FROM pytorch/pytorch:1.11.0-cuda11.3-cudnn8-runtime',
      'RUN pip install mmsegmentation==0.30.0',
      'WORKDIR /mmseg',
      'RUN python tools/train.py configs/a.py \\',
      '    --seed 0',
      'CMD ["python", "tools/test.py", "configs/a.py", "c.pth", "--eval", "mIoU", "mDice"]',
      '',
    ),
    after: lines(
      'FROM pytorch/pytorch:1.11.0-cuda11.3-cudnn8-runtime',
      'RUN pip install mmsegmentation==0.30.0',
      'WORKDIR /mmseg',
      'RUN python tools/train.py configs/a.py \\',
      '    --cfg-options randomness.seed=0',
      'CMD ["python", "tools/test.py", "configs/a.py", "c.pth", "--cfg-options", "test_evaluator.iou_metrics=[mIoU,mDice]"]',
      '',
    ),
    findings: ['CLI-TRAIN-008 info 5', 'CLI-TEST-001 info 6'],
  },
];

const notebook = (cells: string): string =>
  lines(
    '{',
    ' "cells": [',
    cells,
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
    '',
  );

const NOTEBOOK_BEFORE = notebook(
  lines(
    '  {',
    '   "cell_type": "markdown",',
    '   "metadata": {},',
    '   "source": ["Run `tools/train.py --seed 0`"]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import os\\n",',
    '    "!python tools/train.py configs/a.py --seed 0 \\\\\\n",',
    '    "    --no-validate\\n",',
    '    "print(\'ok\')"',
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": "%%bash\\npython tools/test.py cfg.py c.pth --out r.pkl --eval mIoU\\n"',
    '  }',
  ),
);
const NOTEBOOK_AFTER = notebook(
  lines(
    '  {',
    '   "cell_type": "markdown",',
    '   "metadata": {},',
    '   "source": ["Run `tools/train.py --seed 0`"]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import os\\n",',
    '    "!python tools/train.py configs/a.py --cfg-options val_cfg=None val_dataloader=None val_evaluator=None randomness.seed=0\\n",',
    '    "print(\'ok\')"',
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": "%%bash\\npython tools/test.py cfg.py c.pth --cfg-options \\"test_evaluator.iou_metrics=[mIoU]\\"\\n"',
    '  }',
  ),
);

goldens.push({
  name: 'notebook: ! lines with continuations and a %%bash cell',
  path: 'demo/train.ipynb',
  role: 'notebook',
  before: NOTEBOOK_BEFORE,
  after: NOTEBOOK_AFTER,
  findings: [
    'CLI-TRAIN-006 info 16',
    'CLI-TRAIN-008 info 15',
    'CLI-TEST-001 info 24',
    'CLI-TEST-008 warning 24',
  ],
});

describe('command lines in files', () => {
  it.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const result = rewriteFileCommands(g.path, g.before, g.role, { configFor });
    expect(result.text).toBe(g.after);
    expect(brief(result.findings)).toEqual(g.findings);
    expect(result.findings.every((f) => f.file === g.path)).toBe(true);
    const again = rewriteFileCommands(g.path, result.text, g.role, { configFor });
    expect(again.text).toBe(result.text);
  });

  it('keeps the workflow YAML valid and changes only the run values', () => {
    const g = goldens.find((x) => x.role === 'workflow')!;
    const before = parseDocument(g.before).toJS() as { jobs: { smoke: { steps: unknown[] } } };
    const after = parseDocument(g.after).toJS() as { jobs: { smoke: { steps: unknown[] } } };
    expect(after.jobs.smoke.steps.slice(4)).toEqual(before.jobs.smoke.steps.slice(4));
    expect(after.jobs.smoke.steps[2]).toEqual({
      run: 'python tools/test.py cfg.py c.pth --cfg-options "test_evaluator.iou_metrics=[mIoU]"',
    });
  });

  it('keeps the notebook valid JSON with the converted sources', () => {
    const nb = JSON.parse(NOTEBOOK_AFTER) as { cells: { source: string | string[] }[] };
    expect(nb.cells[1].source).toEqual([
      'import os\n',
      '!python tools/train.py configs/a.py --cfg-options val_cfg=None val_dataloader=None val_evaluator=None randomness.seed=0\n',
      "print('ok')",
    ]);
  });

  it('changes only the command in a file full of other text (CRLF, tables, HTML)', () => {
    const head = [
      '<!-- comment with tools/train.py --seed -->',
      '| flag | meaning |',
      '|---|---|',
      '| a | b |',
      '',
      'Trailing spaces   ',
      '\tTabbed text',
      '',
      '```sh',
    ].join('\r\n');
    const tail = ['', '```', '', 'Ünïcödé text ✓', ''].join('\r\n');
    const before = `${head}\r\npython tools/train.py cfg.py --gpu-id 0${tail}`;
    const result = rewriteFileCommands('README.md', before, 'markdown');
    expect(result.text).toBe(`${head}\r\npython tools/train.py cfg.py${tail}`);
    expect(brief(result.findings)).toEqual(['CLI-TRAIN-007 info 10', 'DET-008 info 1']);
  });

  it.each([
    ['markdown', 'docs/a.md', '# Title\n\n```python\nx = 1\n```\n\nRun `make`.\n'],
    [
      'workflow',
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: |\n          npm test\n',
    ],
    ['notebook', 'a.ipynb', notebook('  {"cell_type": "code", "source": ["!pip install x\\n"]}')],
    ['shell', 'a.sh', '#!/bin/sh\npython tools/train.py cfg.py --work-dir w\n'],
    ['makefile', 'Makefile', 'all:\n\techo hi\n'],
    ['dockerfile', 'Dockerfile', 'FROM x\nRUN echo hi\n'],
  ] as const)('leaves a %s file without 0.x commands byte-identical', (role, path, text) => {
    const result = rewriteFileCommands(path, text, role);
    expect(result.text).toBe(text);
    expect(result.findings).toEqual([]);
  });

  it('reports a command in a folded YAML scalar without rewriting it', () => {
    const text =
      'jobs:\n  t:\n    steps:\n      - run: >\n          python tools/train.py c.py\n          --seed 0\n';
    const result = rewriteFileCommands('.github/workflows/a.yml', text, 'workflow');
    expect(result.text).toBe(text);
    expect(brief(result.findings)).toEqual(['CLI-GEN-001 warning 4']);
  });

  it('reports an unparseable markdown command line (placeholders bash rejects)', () => {
    const text = '```shell\npython tools/test.py ${配置文件} ${检查点文件} --eval mIoU\n```\n';
    const result = rewriteFileCommands('docs/zh.md', text, 'markdown');
    expect(result.text).toBe(text);
    expect(brief(result.findings)).toEqual(['CLI-GEN-001 warning 2']);
  });
});
