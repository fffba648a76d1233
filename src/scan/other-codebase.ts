/**
 * DET-011: configs of the other OpenMMLab codebases. MMDetection 2.x,
 * MMClassification, MMPose … configs use the same mmcv 1.x keys as
 * MMSegmentation 0.x (`data`, `lr_config`, `runner`, `Collect`), so their
 * signals look 0.x, but MMSegmentation's conversion would break them. A
 * resolved config is recognised by its model's type, a model key no
 * segmentor has, a top-level key of its own (`point_cloud_range`) or the
 * type of one of its datasets; a script by what it imports.
 */
import detect from '../../rules/detect.json' with { type: 'json' };
import { isDict, strOf, type DictValue, type Value } from '../python/values.js';

interface CodebaseSigns {
  packages: string[];
  modelTypes: string[];
  modelKeys: string[];
  configKeys: string[];
  datasetTypes: string[];
  /** Its scripts import mmseg themselves (MMDetection3D builds on it). */
  dependsOnMmseg?: boolean;
}

const CODEBASES = Object.entries(detect.otherCodebases).flatMap(([name, signs]) =>
  typeof signs === 'string' ? [] : [{ name, ...(signs as CodebaseSigns) }],
);

/** The codebase a resolved config belongs to, with what shows it; undefined for MMSegmentation or unknown. */
export interface OtherCodebase {
  codebase: string;
  /** What gave it away, as shown to the user: "model type `MaskRCNN`". */
  evidence: string;
  /** The top-level key the evidence sits under. */
  key: string;
}

export function otherCodebase(config: DictValue): OtherCodebase | undefined {
  const model = config.entries.get('model');
  if (isDict(model)) {
    const type = strOf(model.entries.get('type'));
    const byType = CODEBASES.find((c) => type !== undefined && c.modelTypes.includes(type));
    if (byType) return { codebase: byType.name, evidence: `model type \`${type}\``, key: 'model' };
    for (const c of CODEBASES) {
      const key = c.modelKeys.find((k) => model.entries.has(k));
      if (key) return { codebase: c.name, evidence: `\`model.${key}\``, key: 'model' };
    }
  }
  for (const c of CODEBASES) {
    const key = c.configKeys.find((k) => config.entries.has(k));
    if (key) return { codebase: c.name, evidence: `\`${key}\``, key };
  }
  const data = config.entries.get('data');
  if (isDict(data)) {
    for (const split of ['train', 'val', 'test']) {
      for (const type of datasetTypes(data.entries.get(split))) {
        const byDataset = CODEBASES.find((c) => c.datasetTypes.includes(type));
        if (byDataset) {
          return {
            codebase: byDataset.name,
            evidence: `dataset type \`${type}\` in \`data.${split}\``,
            key: 'data',
          };
        }
      }
    }
  }
  return undefined;
}

/** The types of a dataset entry, of the datasets a wrapper (`RepeatDataset`, `ConcatDataset`) holds, and of a list of datasets. */
function datasetTypes(v: Value | undefined): string[] {
  if (v === undefined) return [];
  if (v.t === 'list' || v.t === 'tuple') return v.items.flatMap(datasetTypes);
  if (!isDict(v)) return [];
  const own = strOf(v.entries.get('type'));
  return [
    ...(own === undefined ? [] : [own]),
    ...datasetTypes(v.entries.get('dataset')),
    ...datasetTypes(v.entries.get('datasets')),
  ];
}

/**
 * The codebase a Python script belongs to when it imports another codebase's
 * package and never mmseg (ViT-Adapter's segmentation scripts import mmdet
 * *and* mmseg: they are MMSegmentation's), with the line of that import. A
 * codebase built on mmseg (MMDetection3D) claims its scripts even when they
 * import mmseg too.
 */
export function otherCodebaseScript(text: string): { codebase: string; line: number } | undefined {
  let found: { codebase: string; line: number } | undefined;
  let usesMmseg = false;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const name = IMPORT.exec(line)?.[1];
    if (name === undefined) continue;
    if (name === 'mmseg') {
      usesMmseg = true;
      continue;
    }
    const codebase = CODEBASES.find((c) => c.packages.includes(name));
    if (codebase === undefined) continue;
    if (codebase.dependsOnMmseg) return { codebase: codebase.name, line: i + 1 };
    found ??= { codebase: codebase.name, line: i + 1 };
  }
  return usesMmseg ? undefined : found;
}

/** The top-level package of an `import x` / `from x import` line. */
const IMPORT = /^\s*(?:from|import)\s+([A-Za-z_]\w*)/;

/** A segmentor: a `decode_head`, or a type named after `EncoderDecoder` (the configs of another codebase aside). */
export function showsSegmentation(config: DictValue): boolean {
  const model = config.entries.get('model');
  if (!isDict(model) || otherCodebase(config) !== undefined) return false;
  return (
    model.entries.has('decode_head') ||
    /EncoderDecoder/.test(strOf(model.entries.get('type')) ?? '')
  );
}

/**
 * The project folder of a config: what comes before its last `configs/`
 * folder (`detection/` for `detection/configs/_base_/x.py`, `''` at the
 * repository root); for a config outside any `configs/` folder, its
 * top-level folder (`segmentation/` for `segmentation/local_configs/x.py`).
 */
export function projectOf(path: string): string {
  if (path.startsWith('configs/')) return '';
  const at = path.lastIndexOf('/configs/');
  if (at >= 0) return path.slice(0, at + 1);
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}
