/**
 * Shares a pass's work between configs. Configs that inherit the same bases
 * hold the very same value objects for every key they do not change (720
 * MMSegmentation configs hold 86 distinct `data` dicts), and a pass is a pure
 * function of the top-level entries it reads. So each run records which
 * entries of `old` and `out` the pass read and what it did to `out`; a later
 * config whose entries are the same objects gets the same changes without
 * running the pass. Anything the record cannot vouch for runs the pass:
 * a pass that iterates a whole dict, a change whose replay would not give
 * the same key order, a value that carries the config's own file.
 */
import { COPY_ENTRIES, type DictKey, type DictValue, type Value } from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { ANY_CONFIG, placedIn, type Pass, type PassOutput } from './types.js';

/**
 * How much of a pass's recent work was shared: each call moves the rate
 * 1/RATE_WINDOW of the way towards 1 (shared) or 0. Below MIN_SHARED_RATE a
 * pass records only every PROBE_EVERY-th run.
 */
const RATE_WINDOW = 32;
const MIN_SHARED_RATE = 0.25;
const PROBE_EVERY = 8;

/** What one run read from one top-level dict: each key once, with the object it held. */
interface ReadLog {
  reads: Map<DictKey, Value | undefined>;
  /** The pass iterated the dict or asked its size: every entry matters. */
  all: boolean;
  /** Keys the pass itself set or deleted; reading them back reads its own work. */
  written: Set<DictKey>;
}

/**
 * A map that logs the reads of the entries it was created with, reading
 * through to them until the pass first changes it. Its copies (the pass's
 * working copies of `out`) log into the same log.
 */
class RecordingMap extends Map<DictKey, Value> {
  /** The private entries, once the pass changed this map. */
  private changed: Map<DictKey, Value> | undefined;

  constructor(
    private readonly source: ReadonlyMap<DictKey, Value>,
    readonly log: ReadLog,
  ) {
    super();
  }

  private get current(): ReadonlyMap<DictKey, Value> {
    return this.changed ?? this.source;
  }

  private note(key: DictKey): void {
    if (!this.log.written.has(key) && !this.log.reads.has(key)) {
      this.log.reads.set(key, this.current.get(key));
    }
  }

  override get(key: DictKey): Value | undefined {
    this.note(key);
    return this.current.get(key);
  }

  override has(key: DictKey): boolean {
    this.note(key);
    return this.current.has(key);
  }

  override set(key: DictKey, value: Value): this {
    this.log.written.add(key);
    (this.changed ??= new Map(this.source)).set(key, value);
    return this;
  }

  override delete(key: DictKey): boolean {
    this.log.written.add(key);
    return (this.changed ??= new Map(this.source)).delete(key);
  }

  override clear(): void {
    this.log.all = true;
    (this.changed ??= new Map()).clear();
  }

  override get size(): number {
    this.log.all = true;
    return this.current.size;
  }

  override forEach(
    callback: (value: Value, key: DictKey, map: Map<DictKey, Value>) => void,
    thisArg?: unknown,
  ): void {
    this.log.all = true;
    for (const [k, v] of this.current) callback.call(thisArg, v, k, this);
  }

  override keys(): MapIterator<DictKey> {
    this.log.all = true;
    return this.current.keys();
  }

  override values(): MapIterator<Value> {
    this.log.all = true;
    return this.current.values();
  }

  override entries(): MapIterator<[DictKey, Value]> {
    this.log.all = true;
    return this.current.entries();
  }

  override [Symbol.iterator](): MapIterator<[DictKey, Value]> {
    this.log.all = true;
    return this.current.entries();
  }

  /** The entries, without logging; not to be changed. */
  plain(): ReadonlyMap<DictKey, Value> {
    return this.current;
  }

  [COPY_ENTRIES](): Map<DictKey, Value> {
    return new RecordingMap(this.current, this.log);
  }
}

function newLog(): ReadLog {
  return { reads: new Map(), all: false, written: new Set() };
}

function plainEntries(d: DictValue): ReadonlyMap<DictKey, Value> {
  return d.entries instanceof RecordingMap ? d.entries.plain() : d.entries;
}

/** What a pass did to `out`: keys removed, then keys set in this order. */
interface Change {
  removed: DictKey[];
  set: [DictKey, Value][];
}

interface Memo {
  old: Map<DictKey, Value | undefined>;
  out: Map<DictKey, Value | undefined>;
  change: Change;
  findings: Finding[];
}

function changeOf(before: ReadonlyMap<DictKey, Value>, after: ReadonlyMap<DictKey, Value>): Change {
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const set: [DictKey, Value][] = [];
  for (const [k, v] of after) if (before.get(k) !== v) set.push([k, v]);
  return { removed, set };
}

/**
 * Maps this module made for one conversion's `out`, seen by nobody else: a
 * replay may change them in place instead of copying the whole config again.
 */
const privateMaps = new WeakSet<ReadonlyMap<DictKey, Value>>();

function replay(entries: ReadonlyMap<DictKey, Value>, change: Change): Map<DictKey, Value> {
  return applyChange(
    privateMaps.has(entries) ? (entries as Map<DictKey, Value>) : fresh(entries),
    change,
  );
}

function applyChange(next: Map<DictKey, Value>, change: Change): Map<DictKey, Value> {
  for (const k of change.removed) next.delete(k);
  for (const [k, v] of change.set) next.set(k, v);
  return next;
}

function fresh(entries: Iterable<[DictKey, Value]>): Map<DictKey, Value> {
  const map = new Map(entries);
  privateMaps.add(map);
  return map;
}

function sameOrder(a: ReadonlyMap<DictKey, Value>, b: ReadonlyMap<DictKey, Value>): boolean {
  if (a.size !== b.size) return false;
  const bk = b.keys();
  for (const [k, v] of a) {
    const next = bk.next();
    if (next.done || next.value !== k || b.get(k) !== v) return false;
  }
  return true;
}

/** Whether a value (at any depth) carries the stand-in file as its origin. */
function carriesStandIn(v: Value): boolean {
  if (v.at?.file === ANY_CONFIG.file) return true;
  if (v.t === 'dict') {
    for (const x of v.entries.values()) if (carriesStandIn(x)) return true;
  } else if (v.t === 'list' || v.t === 'tuple') {
    for (const x of v.items) if (carriesStandIn(x)) return true;
  }
  return false;
}

/** A number per value object, so the objects a run read can key a map. */
const ids = new WeakMap<Value, number>();
let nextId = 1;

/** A number naming one value object for the rest of the run; 0 for none. */
export function valueId(v: Value | undefined): number {
  if (v === undefined) return 0;
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId++;
    ids.set(v, id);
  }
  return id;
}

/** The runs that read the same keys, by the objects those keys held. */
interface Shape {
  oldKeys: DictKey[];
  outKeys: DictKey[];
  memos: Map<string, Memo>;
}

function keyOf(
  shape: Pick<Shape, 'oldKeys' | 'outKeys'>,
  old: ReadonlyMap<DictKey, Value | undefined>,
  out: ReadonlyMap<DictKey, Value | undefined>,
): string {
  let key = '';
  for (const k of shape.oldKeys) key += `${valueId(old.get(k))},`;
  key += '|';
  for (const k of shape.outKeys) key += `${valueId(out.get(k))},`;
  return key;
}

function remember(shapes: Map<string, Shape>, memo: Memo): void {
  const oldKeys = [...memo.old.keys()];
  const outKeys = [...memo.out.keys()];
  const name = JSON.stringify([oldKeys.map(String), outKeys.map(String)]);
  let shape = shapes.get(name);
  if (shape === undefined) shapes.set(name, (shape = { oldKeys, outKeys, memos: new Map() }));
  shape.memos.set(keyOf(shape, memo.old, memo.out), memo);
}

/** `pass`, sharing its results between configs that give it the same entries. */
export function memoizePass(pass: Pass): Pass {
  const shapes = new Map<string, Shape>();
  let calls = 0;
  let sharedRate = 1;
  return ({ old, out, ctx }) => {
    calls += 1;
    const oldEntries = old.entries;
    const outEntries = plainEntries(out);
    for (const shape of shapes.values()) {
      const memo = shape.memos.get(keyOf(shape, oldEntries, outEntries));
      if (memo !== undefined) {
        sharedRate += (1 - sharedRate) / RATE_WINDOW;
        return {
          out: { ...out, entries: replay(outEntries, memo.change) },
          findings: placedIn(memo.findings, ctx),
        };
      }
    }
    sharedRate -= sharedRate / RATE_WINDOW;
    // A pass whose inputs rarely repeat (the model of each config) costs more
    // to record than it saves; an occasional record still notices when the
    // configs start sharing (a repository's bases come first, its leaves after).
    if (sharedRate < MIN_SHARED_RATE && calls % PROBE_EVERY !== 0) return pass({ old, out, ctx });
    const oldLog = newLog();
    const outLog = newLog();
    const result: PassOutput = pass({
      old: { ...old, entries: new RecordingMap(oldEntries, oldLog) },
      out: { ...out, entries: new RecordingMap(outEntries, outLog) },
      ctx: ANY_CONFIG,
    });
    const after = plainEntries(result.out);
    const change = changeOf(outEntries, after);
    const standIn = change.set.some(([, v]) => carriesStandIn(v));
    if (standIn) return pass({ old, out, ctx });
    const shareable =
      !oldLog.all && !outLog.all && sameOrder(applyChange(new Map(outEntries), change), after);
    if (shareable) {
      remember(shapes, { old: oldLog.reads, out: outLog.reads, change, findings: result.findings });
    }
    return {
      out: { ...result.out, entries: fresh(after) },
      findings: placedIn(result.findings, ctx),
    };
  };
}
