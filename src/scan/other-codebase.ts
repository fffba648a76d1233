/**
 * DET-011: configs of the other OpenMMLab codebases. MMDetection 2.x,
 * MMClassification, MMPose … configs use the same mmcv 1.x keys as
 * MMSegmentation 0.x (`data`, `lr_config`, `runner`, `Collect`), so their
 * signals look 0.x, but MMSegmentation's conversion would break them. A
 * resolved config is recognised by its model's type, a model key no
 * segmentor has, or the type of one of its datasets.
 */
import detect from '../../rules/detect.json' with { type: 'json' };
import { isDict, strOf, type DictValue, type Value } from '../python/values.js';

interface CodebaseSigns {
  packages: string[];
  modelTypes: string[];
  modelKeys: string[];
  datasetTypes: string[];
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
  key: 'model' | 'data';
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
 * *and* mmseg: they are MMSegmentation's), with the line of that import.
 */
export function otherCodebaseScript(text: string): { codebase: string; line: number } | undefined {
  let found: { codebase: string; line: number } | undefined;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const name = IMPORT.exec(line)?.[1];
    if (name === undefined) continue;
    if (name === 'mmseg') return undefined;
    const codebase = CODEBASES.find((c) => c.packages.includes(name));
    if (codebase && found === undefined) found = { codebase: codebase.name, line: i + 1 };
  }
  return found;
}

/** The top-level package of an `import x` / `from x import` line. */
const IMPORT = /^\s*(?:from|import)\s+([A-Za-z_]\w*)/;
