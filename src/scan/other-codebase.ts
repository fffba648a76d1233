/**
 * DET-011: configs of the other OpenMMLab codebases. MMDetection 2.x,
 * MMClassification, MMPose … configs use the same mmcv 1.x keys as
 * MMSegmentation 0.x (`data`, `lr_config`, `runner`, `Collect`), so their
 * signals look 0.x, but MMSegmentation's conversion would break them. A
 * resolved config is recognised by its model's type, a model key no
 * segmentor has, a top-level key of its own (`point_cloud_range`) or the
 * type of one of its datasets; a script by what it imports. Across a
 * repository, the bases such configs inherit and the project folders that
 * hold only such configs belong to that codebase too.
 */
import detect from '../../rules/detect.json' with { type: 'json' };
import { repoDirname } from '../config/paths.js';
import { firstLine, type ResolvedConfig, type Resolver } from '../config/resolve.js';
import { isDict, strOf, type DictValue, type Value } from '../python/values.js';
import { finding, type Finding } from '../report/findings.js';
import type { Classified } from './classify.js';

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

/** The first line of a Python script that imports `pkg` (`import pkg…`, `from pkg… import`). */
export function importLine(text: string, pkg: string): number | undefined {
  const at = text.split('\n').findIndex((line) => IMPORT.exec(line)?.[1] === pkg);
  return at < 0 ? undefined : at + 1;
}

/**
 * DET-012: the top-level folders that hold the repository's MMSegmentation
 * projects, when each of them is a project of its own (InternImage's
 * `segmentation/`, with its configs, tools and code, beside
 * `classification/` and `detection/`). Empty when a project is the
 * repository itself, lies deeper, or is only a folder of configs: then any
 * file may belong to it.
 */
export function segmentationProjectFolders(
  projects: ReadonlyMap<string, string | null>,
  files: readonly Classified[],
): string[] {
  const folders = [...projects].filter(([, codebase]) => codebase === null).map(([p]) => p);
  const ownProject = (folder: string) =>
    folder !== '' &&
    topFolder(folder) === folder &&
    files.some((f) => f.path.startsWith(folder) && f.role !== 'config' && f.role !== 'base-config');
  return folders.length > 0 && folders.every(ownProject) ? folders : [];
}

/**
 * DET-012: where to report a Python script as another project's (its first
 * mmcv import), or undefined when it may belong to an MMSegmentation
 * project: it sits in one of `projectFolders` or at the repository's root
 * (shared by all), there are none, or it imports mmseg.
 */
export function otherProjectScriptLine(
  path: string,
  text: string,
  projectFolders: readonly string[],
): number | undefined {
  const folder = topFolder(path);
  if (folder === '' || projectFolders.length === 0 || projectFolders.includes(folder)) {
    return undefined;
  }
  if (importLine(text, 'mmseg') !== undefined) return undefined;
  return importLine(text, 'mmcv') ?? 1;
}

/** A file's top-level folder (`segmentation/`), or '' for a file at the root. */
function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

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

/** A config of another codebase, or a base only such configs should see changed (DET-011). */
export interface OtherConfig {
  codebase: string;
  /** Absent for a config its project folder's finding covers. */
  finding?: Finding;
}

/** What another codebase owns in a repository (DET-011). */
export interface OtherCodebases {
  configs: Map<string, OtherConfig>;
  /** Project folders (`detection/`, the folder holding a `configs/`) with the other codebase most of their configs show; null when one shows a segmentor. */
  projects: Map<string, string | null>;
}

/**
 * DET-011: the configs of other codebases, whatever their version signals
 * say (an MMDetection 2.x dataset's `ann_file` reads as 1.x); every base
 * they inherit (a detection `default_runtime.py`), which must not change
 * under them; and every config of a project folder where configs show that
 * codebase and none shows a segmentor (its unused schedule bases). Configs
 * are recognised even when a base is missing: what resolved still shows it.
 */
export function otherCodebaseConfigs(
  configs: readonly Classified[],
  resolver: Resolver,
): OtherCodebases {
  const python = configs.filter((c) => c.path.endsWith('.py'));
  const evidence = new Map<string, { resolved: ResolvedConfig; other?: OtherCodebase }>();
  // Per project folder: how many configs show each other codebase, and whether one shows a segmentor.
  const seen = new Map<string, { codebases: Map<string, number>; segmentation: boolean }>();
  for (const config of python) {
    const resolved = resolver.resolve(config.path);
    const other = otherCodebase(resolved.value);
    evidence.set(config.path, { resolved, other });
    const project = projectOf(config.path);
    const here = seen.get(project) ?? { codebases: new Map<string, number>(), segmentation: false };
    if (other) here.codebases.set(other.codebase, (here.codebases.get(other.codebase) ?? 0) + 1);
    here.segmentation ||= other === undefined && showsSegmentation(resolved.value);
    seen.set(project, here);
  }
  // A project whose configs show neither (deployment configs) says nothing about its folder.
  const projects = new Map<string, string | null>();
  for (const [project, { codebases, segmentation }] of seen) {
    const [most] = [...codebases].sort((a, b) => b[1] - a[1]);
    if (segmentation) projects.set(project, null);
    else if (most !== undefined) projects.set(project, most[0]);
  }

  const others = new Map<string, OtherConfig>();
  // A folder of another codebase's projects is reported once, on its first config.
  const reported = new Set<string>();
  for (const config of python) {
    const owner = folderCodebase(config.path, projects);
    if (owner === undefined) continue;
    if (reported.has(owner.folder)) {
      others.set(config.path, { codebase: owner.codebase });
      continue;
    }
    reported.add(owner.folder);
    const where = owner.folder === '' ? 'The repository' : owner.folder;
    const message = `${where} holds ${owner.codebase} configs, not MMSegmentation ones: its configs, scripts and docs and the commands that name its configs are left as they are`;
    const line = firstLine(evidence.get(config.path)!.resolved);
    others.set(config.path, {
      codebase: owner.codebase,
      finding: finding('DET-011', 'info', config.path, line, message),
    });
  }
  const mark = (path: string, codebase: string, line: number, message: string) => {
    if (!others.has(path)) {
      others.set(path, { codebase, finding: finding('DET-011', 'info', path, line, message) });
    }
  };
  for (const [path, { resolved, other }] of evidence) {
    if (other === undefined) continue;
    const line = resolved.assignments.get(other.key)?.line ?? firstLine(resolved);
    const message = `an ${other.codebase} config (${other.evidence}), not an MMSegmentation one: left as it is`;
    mark(path, other.codebase, line, message);
    for (const base of resolved.chain.slice(1)) {
      const inherited = `inherited by ${path}, an ${other.codebase} config: left as it is`;
      mark(base, other.codebase, firstLine(resolver.resolve(base)), inherited);
    }
  }
  return { configs: others, projects };
}

/**
 * The other codebase whose folder a file sits in: the nearest folder around
 * it that holds projects holds only that codebase's (`detection/` with its
 * `configs/` and `tools/`). Its project's finding speaks for the file.
 */
export function folderCodebase(
  path: string,
  projects: ReadonlyMap<string, string | null>,
): FolderCodebase {
  if (projects.size === 0) return undefined;
  // Files share folders: each folder's answer is worked out once per map.
  let byFolder = folderAnswers.get(projects);
  if (byFolder === undefined) folderAnswers.set(projects, (byFolder = new Map()));
  const dir = repoDirname(path);
  if (!byFolder.has(dir)) byFolder.set(dir, nearestProjectsCodebase(dir, projects));
  return byFolder.get(dir);
}

type FolderCodebase = { codebase: string; folder: string } | undefined;
const folderAnswers = new WeakMap<
  ReadonlyMap<string, string | null>,
  Map<string, FolderCodebase>
>();

function nearestProjectsCodebase(
  dir: string,
  projects: ReadonlyMap<string, string | null>,
): FolderCodebase {
  for (let folder = dir; ; folder = repoDirname(folder)) {
    const prefix = folder === '' ? '' : `${folder}/`;
    // The codebase of every project inside, if they agree; null if one is MMSegmentation's.
    let codebase: string | null | undefined;
    for (const project of projects.keys()) {
      if (!project.startsWith(prefix)) continue;
      const c = projects.get(project)!;
      if (codebase !== undefined && c !== codebase) return undefined;
      codebase = c;
    }
    if (codebase !== undefined) return codebase === null ? undefined : { codebase, folder: prefix };
    if (folder === '') return undefined;
  }
}
