import type { Classified, Role } from '../../src/scan/classify.js';
import {
  importLine,
  otherCodebase,
  otherCodebaseScript,
  otherProjectScriptLine,
  projectOf,
  segmentationProjectFolders,
  showsSegmentation,
} from '../../src/scan/other-codebase.js';
import { initParsers, py } from '../helpers/py.js';

beforeAll(() => initParsers());

describe('otherCodebase (DET-011)', () => {
  it('knows a detector, a classifier and a pose model by their type', () => {
    expect(
      otherCodebase(py("model = dict(type='CascadeRCNN', backbone=dict(type='ResNet'))")),
    ).toEqual({
      codebase: 'MMDetection',
      evidence: 'model type `CascadeRCNN`',
      key: 'model',
    });
    expect(otherCodebase(py("model = dict(type='ImageClassifier')"))?.codebase).toBe(
      'MMPretrain (MMClassification)',
    );
    expect(otherCodebase(py("model = dict(type='TopDown')"))?.codebase).toBe('MMPose');
  });

  it('knows an MMDetection3D config by a top-level key of its own', () => {
    expect(otherCodebase(py('point_cloud_range = [0, -40, -3, 70.4, 40, 1]'))).toEqual({
      codebase: 'MMDetection3D',
      evidence: '`point_cloud_range`',
      key: 'point_cloud_range',
    });
  });

  it('knows a custom detector by a head no segmentor has', () => {
    expect(otherCodebase(py("model = dict(type='MyDetector', roi_head=dict(type='X'))"))).toEqual({
      codebase: 'MMDetection',
      evidence: '`model.roi_head`',
      key: 'model',
    });
  });

  it('knows a dataset of another codebase, also inside a wrapper or a list', () => {
    const wrapped = py(
      "data = dict(train=dict(type='RepeatDataset', times=2, dataset=dict(type='CocoDataset')))",
    );
    expect(otherCodebase(wrapped)).toEqual({
      codebase: 'MMDetection',
      evidence: 'dataset type `CocoDataset` in `data.train`',
      key: 'data',
    });
    const listed = py("data = dict(test=[dict(type='ADE20KDataset'), dict(type='LVISV1Dataset')])");
    expect(otherCodebase(listed)?.evidence).toBe('dataset type `LVISV1Dataset` in `data.test`');
  });

  it('leaves MMSegmentation configs alone, also those built from MMDetection components', () => {
    const mask2former = py(`
model = dict(
    type='EncoderDecoderMask2Former',
    decode_head=dict(type='Mask2FormerHead', num_things_classes=0))
data = dict(train=dict(type='CityscapesDataset'), test=dict(type='ADE20KDataset'))
`);
    expect(otherCodebase(mask2former)).toBeUndefined();
    expect(otherCodebase(py("model = dict(type='EncoderDecoder')"))).toBeUndefined();
    expect(otherCodebase(py('log_level = "INFO"'))).toBeUndefined();
  });
});

describe('otherCodebaseScript (DET-011)', () => {
  it('names the codebase and the line of the first import of it', () => {
    const text = 'import os\nfrom mmcv import Config\nfrom mmdet.apis import init_detector\n';
    expect(otherCodebaseScript(text)).toEqual({ codebase: 'MMDetection', line: 3 });
    expect(otherCodebaseScript('import mmpose\n')?.codebase).toBe('MMPose');
  });

  it('keeps a script that also imports mmseg, and one that imports neither', () => {
    expect(
      otherCodebaseScript('from mmdet.models import build_assigner\nimport mmseg.apis\n'),
    ).toBeUndefined();
    expect(
      otherCodebaseScript('from mmcv import Config\nimport mmdetection_tools\n'),
    ).toBeUndefined();
  });

  it('claims an MMDetection3D script even when it imports mmseg, which MMDetection3D builds on', () => {
    const text = 'from mmdet3d.apis import train_model\nfrom mmseg import __version__\n';
    expect(otherCodebaseScript(text)).toEqual({ codebase: 'MMDetection3D', line: 1 });
  });
});

describe('showsSegmentation', () => {
  it('sees a segmentor by its decode head or its type, never in another codebase', () => {
    expect(showsSegmentation(py("model = dict(type='MySegmentor', decode_head=dict())"))).toBe(
      true,
    );
    expect(showsSegmentation(py("model = dict(type='EncoderDecoderMask2Former')"))).toBe(true);
    const pointCloud = py("model = dict(type='EncoderDecoder3D', decode_head=dict())");
    expect(showsSegmentation(pointCloud)).toBe(false);
    expect(showsSegmentation(py("optimizer = dict(type='SGD')"))).toBe(false);
  });
});

describe('projectOf', () => {
  it('is the folder holding the last configs/ folder of a path, else its top-level folder', () => {
    expect(projectOf('detection/configs/_base_/models/x.py')).toBe('detection/');
    expect(projectOf('configs/fcn/fcn.py')).toBe('');
    expect(projectOf('a/b/configs/x.py')).toBe('a/b/');
    expect(projectOf('segmentation/local_configs/x.py')).toBe('segmentation/');
    expect(projectOf('my_config.py')).toBe('');
  });
});

describe('segmentationProjectFolders (DET-012)', () => {
  const files = (paths: Record<string, Role>): Classified[] =>
    Object.entries(paths).map(([path, role]) => ({ path, role, signals: [], findings: [] }));

  it('names top-level project folders that hold more than configs', () => {
    const repo = files({
      'segmentation/configs/fcn.py': 'config',
      'segmentation/train.py': 'python',
      'classification/main.py': 'python',
    });
    const projects = new Map([
      ['segmentation/', null],
      ['detection/', 'MMDetection'],
    ]);
    expect(segmentationProjectFolders(projects, repo)).toEqual(['segmentation/']);
  });

  it('names none when a project is the repository, a deeper folder or only configs', () => {
    const repo = files({
      'seg_configs/fcn.py': 'config',
      'a/b/configs/fcn.py': 'config',
      'a/b/train.py': 'python',
      'configs/fcn.py': 'config',
      'tools/train.py': 'python',
    });
    expect(segmentationProjectFolders(new Map([['', null]]), repo)).toEqual([]);
    expect(segmentationProjectFolders(new Map([['seg_configs/', null]]), repo)).toEqual([]);
    expect(segmentationProjectFolders(new Map([['a/b/', null]]), repo)).toEqual([]);
    expect(segmentationProjectFolders(new Map([['detection/', 'MMDetection']]), repo)).toEqual([]);
  });
});

describe('importLine', () => {
  it('is the first line importing the package, in either form', () => {
    const text = 'import os\nfrom mmcv.fileio import FileClient\nimport mmcv\n';
    expect(importLine(text, 'mmcv')).toBe(2);
    expect(importLine('import mmseg.apis\n', 'mmseg')).toBe(1);
    expect(importLine('import mmsegx\nx = "import mmseg"\n', 'mmseg')).toBeUndefined();
  });
});

describe('otherProjectScriptLine (DET-012)', () => {
  const text = 'import os\nfrom mmcv.fileio import FileClient\n';
  it('reports a script outside every project folder on its first mmcv import', () => {
    expect(otherProjectScriptLine('classification/data.py', text, ['segmentation/'])).toBe(2);
  });

  it('keeps a script inside a project or at the root, one that imports mmseg, and any when no folder is named', () => {
    expect(
      otherProjectScriptLine('segmentation/tools/x.py', text, ['segmentation/']),
    ).toBeUndefined();
    expect(
      otherProjectScriptLine('classification/x.py', `import mmseg\n${text}`, ['segmentation/']),
    ).toBeUndefined();
    expect(otherProjectScriptLine('classification/data.py', text, [])).toBeUndefined();
    expect(otherProjectScriptLine('setup.py', text, ['segmentation/'])).toBeUndefined();
  });
});
