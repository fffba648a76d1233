/**
 * The scan run: discover the candidate files, read them, learn which files
 * some `_base_` names, classify every file, then give neutral configs the
 * verdict of their chains (DET-006). A file that cannot be read becomes a
 * finding and the run goes on.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeConfigBytes, DEFAULT_MAX_BYTES } from '../config/decode.js';
import { createResolver, type Resolver } from '../config/resolve.js';
import { diskSource, type SourceFiles } from '../config/source.js';
import { initParsers } from '../python/parse.js';
import { sortFindings, type Finding } from '../report/findings.js';
import { applyChainVerdicts } from './chains.js';
import { classifyFile, runnerDisagreements, type Classified } from './classify.js';
import { discoverFiles, type DiscoverOptions } from './discover.js';

export interface ScanResult {
  /** Absolute path of the scanned repository. */
  root: string;
  /** Every readable candidate file, in path order. */
  files: Classified[];
  /** Findings about files that could not be read (IO-001…IO-003). */
  findings: Finding[];
  /** Resolves the scanned configs, reusing the scan's evaluations (each file is parsed once). */
  resolver: Resolver;
  /** The repository's files as the scan read them. */
  source: SourceFiles;
  /** The decoded text of every file in `files`, so later steps need not read them again. */
  texts: ReadonlyMap<string, string>;
}

/** Notebooks carry their outputs (often images), so they get a larger budget than code. */
const NOTEBOOK_MAX_BYTES = 16 * 1024 * 1024;

export async function scanRepository(
  root: string,
  options: DiscoverOptions = {},
): Promise<ScanResult> {
  // The grammars compile off the main thread while the files are listed.
  const parsers = initParsers();
  const absolute = resolve(root);
  const paths = await discoverFiles(absolute, options);
  const source = diskSource(absolute);

  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  for (const path of paths) {
    const read = readText(absolute, path);
    if (read.problem) findings.push(read.problem);
    else texts.set(path, read.text);
  }

  // The files were read while the grammars compiled.
  await parsers;

  // Classify once as if nothing were a base, then correct the few files some
  // `_base_` names: each Python file is parsed once.
  const first = [...texts].map(([path, text]) => classifyFile(path, text, { namedAsBase: false }));
  const bases = new Map(first.flatMap((f) => (f.bases ? [[f.path, f.bases] as const] : [])));
  const named = new Set([...bases.values()].flat());
  const classified = first.map((file) => asNamedBase(file, named, texts));
  const evaluations = new Map(
    first.flatMap((f) => (f.evaluation ? [[f.path, f.evaluation] as const] : [])),
  );
  const resolver = createResolver(source, { evaluated: (path) => evaluations.get(path) });
  const files = applyChainVerdicts(classified, bases).map((file) =>
    file.version === 'mixed' ? withChainDisagreements(file, resolver) : file,
  );
  return { root: absolute, files, findings: sortFindings(findings), resolver, source, texts };
}

/**
 * DET-005 on the merged chain: the official 1.x `*_320k` files keep a 0.x
 * `runner` of 320k iterations but inherit a 160k `train_cfg`, which the file
 * alone cannot show.
 */
function withChainDisagreements(file: Classified, resolver: Resolver): Classified {
  const merged = resolver.resolve(file.path).value.entries;
  const line = file.signals.find((s) => s.key === 'runner')?.line ?? 0;
  const known = new Set(file.findings.map((f) => f.message));
  const added = runnerDisagreements(file.path, merged, line).filter((f) => !known.has(f.message));
  return added.length === 0 ? file : { ...file, findings: [...file.findings, ...added] };
}

type Read = { text: string; problem?: undefined } | { text?: undefined; problem: Finding };

/**
 * The file's text, or why it was not read. Size is checked before reading,
 * so a huge file costs nothing. Data-like files (JSON, YAML, extension-less)
 * that are binary or huge are rarely configs: their finding is only `info`.
 */
function readText(root: string, path: string): Read {
  const maxBytes = path.endsWith('.ipynb') ? NOTEBOOK_MAX_BYTES : DEFAULT_MAX_BYTES;
  const dataLike = /\.(json|ya?ml)$/i.test(path) || !/\.[^/]+$/.test(path);
  const soften = (problem: Finding): Finding =>
    dataLike ? { ...problem, severity: 'info' } : problem;
  // One open file: its size is checked before its bytes are read, so a huge
  // file costs nothing. Discovery lists regular files and never descends
  // through a link, so the path stays inside the root without the source's
  // realpath check.
  let read: { size: number; bytes?: Uint8Array } | undefined;
  try {
    read = readUpTo(join(root, path), maxBytes);
  } catch {
    read = undefined;
  }
  if (read === undefined) {
    const message = 'file cannot be read, or leaves the repository through a link';
    return { problem: { rule: 'IO-001', severity: 'error', file: path, line: 0, message } };
  }
  if (read.bytes === undefined) {
    const message = `file is ${read.size} bytes, more than the limit of ${maxBytes} bytes; not read`;
    return { problem: soften({ rule: 'IO-003', severity: 'error', file: path, line: 0, message }) };
  }
  const bytes = read.bytes;
  const decoded = decodeConfigBytes(bytes, path, maxBytes);
  return decoded.problem ? { problem: soften(decoded.problem) } : { text: decoded.text };
}

/** The file's bytes, or only its size when it has more than `maxBytes`. */
function readUpTo(file: string, maxBytes: number): { size: number; bytes?: Uint8Array } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { size };
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, bytes, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { size, bytes: bytes.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}

/** A file some `_base_` names is a base config (DET-001 a), whatever its own shape. */
function asNamedBase(
  file: Classified,
  named: ReadonlySet<string>,
  texts: ReadonlyMap<string, string>,
): Classified {
  if (!named.has(file.path)) return file;
  if (file.role === 'config') return { ...file, role: 'base-config' };
  if (file.role === 'base-config') return file;
  return classifyFile(file.path, texts.get(file.path) ?? '', { namedAsBase: true });
}
