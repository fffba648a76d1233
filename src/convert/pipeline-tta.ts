/**
 * A 0.x `MultiScaleFlipAug` (MSFA) → the single-pass transforms of the 1.x
 * test pipeline and the steps of the 1.x `TestTimeAug` (spec §4.2,
 * PIPE-012, PIPE-014, PIPE-015, PIPE-019).
 *
 * 0.x MSFA ran its inner transforms once per (scale, flip, direction), the
 * scales being `img_scale` times each of `img_ratios` (or the image's own size
 * times the ratios when `img_scale` is None, or each entry of a list
 * `img_scale`). A plain 1.x test is one pass, so it keeps one scale; the
 * others go to the `--tta` pipeline.
 */
import table from '../../rules/pipeline.json' with { type: 'json' };
import {
  bool,
  float,
  isDict,
  isSeq,
  list,
  numOf,
  none,
  str,
  toJsonText,
  truthy,
  tuple,
  int,
  type DictValue,
  type Value,
} from '../python/values.js';
import {
  asFloat,
  convertKeptTransform,
  isFormatting,
  isToPreprocessor,
  transform,
  typeOf,
  type Scope,
} from './pipeline-transform.js';
import { findingAt } from './types.js';

const MSFA_ARGS = new Set(table.msfaArgs);
const RESIZE_ARGS = new Set(table.resizeArgs);

export interface MsfaConversion {
  /** What replaces the MSFA in the plain test pipeline: the main `Resize` and the other inner transforms, in 0.x order. */
  main: Value[];
  /** The inner `Collect`, which decides the `PackSegInputs` arguments. */
  collect?: DictValue;
  /** An inner `LoadAnnotations`, moved by the caller to the end of the pipeline. */
  loadAnnotations?: DictValue;
  /** The `TestTimeAug` steps before `LoadAnnotations` and `PackSegInputs`: resize list, flip list, one-element lists. */
  ttaSteps: Value[];
  /** The `img_ratios` the resize list is built from; absent when `img_scale` is a list of scales. */
  imgRatios?: Value;
  /** The inner transforms as 0.x ran them, for the normalisation-order check (PIPE-010). */
  ran: Value[];
}

/** The argument values of an MSFA, read and checked; a string when they cannot be converted. */
interface MsfaArgs {
  transforms: Value[];
  scaleKind: 'none' | 'tuple' | 'list';
  imgScale: Value;
  ratios?: Value[];
  ratiosValue?: Value;
  flip: boolean;
  directions: Value[];
}

function readArgs(msfa: DictValue): MsfaArgs | string {
  const unknown = [...msfa.entries.keys()].filter((k) => k !== 'type' && !MSFA_ARGS.has(String(k)));
  if (unknown.length > 0)
    return `argument ${unknown.map((k) => `\`${k}\``).join(', ')} is not valid in mmseg 0.30`;
  const transforms = msfa.entries.get('transforms');
  if (!isSeq(transforms)) return '`transforms` cannot be read';

  const imgScale = msfa.entries.get('img_scale') ?? none();
  let scaleKind: MsfaArgs['scaleKind'];
  if (imgScale.t === 'none') scaleKind = 'none';
  else if (imgScale.t === 'tuple' && imgScale.items.length === 2) scaleKind = 'tuple';
  else if (imgScale.t === 'list' && imgScale.items.length > 0) scaleKind = 'list';
  else return '`img_scale` cannot be read';

  const ratiosValue = msfa.entries.get('img_ratios');
  let ratios: Value[] | undefined;
  if (ratiosValue === undefined || ratiosValue.t === 'none') ratios = undefined;
  else if (ratiosValue.t === 'int' || ratiosValue.t === 'float') ratios = [ratiosValue];
  else if (isSeq(ratiosValue) && ratiosValue.items.length > 0) ratios = ratiosValue.items;
  else return '`img_ratios` cannot be read';
  if (ratios?.some((r) => numOf(r) === undefined)) return '`img_ratios` cannot be read';
  if (scaleKind === 'none' && ratios === undefined) {
    return '`img_scale=None` needs `img_ratios` (0.x asserted this)';
  }

  const flipValue = msfa.entries.get('flip');
  const flip =
    flipValue === undefined
      ? false
      : flipValue.t === 'bool' || flipValue.t === 'int'
        ? truthy(flipValue)
        : undefined;
  if (flip === undefined) return '`flip` cannot be read';

  const dirValue = msfa.entries.get('flip_direction');
  let directions: Value[];
  if (dirValue === undefined) directions = [str('horizontal')];
  else if (dirValue.t === 'str') directions = [dirValue];
  else if (
    isSeq(dirValue) &&
    dirValue.items.length > 0 &&
    dirValue.items.every((d) => d.t === 'str')
  ) {
    directions = dirValue.items;
  } else return '`flip_direction` cannot be read';

  return {
    transforms: transforms.items,
    scaleKind,
    imgScale,
    ratios,
    ratiosValue: ratios === undefined ? undefined : ratiosValue,
    flip,
    directions,
  };
}

const MULTI_PASS =
  'the plain 0.x test was multi-scale/flip; in 1.x run `tools/test.py --tta` for the same evaluation';

/**
 * The plain-test scale (PIPE-015) as `Resize` arguments, and whether the 0.x
 * plain test made more than one pass.
 */
function mainScale(a: MsfaArgs): { args: [string, Value][]; multiPass: boolean } {
  const distinct = (vs: Value[]) => new Set(vs.map((v) => toJsonText(v, 0))).size;
  if (a.scaleKind === 'list') {
    const scales = (a.imgScale as { items: Value[] }).items;
    return { args: [['scale', scales[0]]], multiPass: a.flip || distinct(scales) > 1 };
  }
  if (a.scaleKind === 'none') {
    const ratios = a.ratios!;
    const one = ratios.find((r) => numOf(r) === 1);
    const factor = one !== undefined ? float(1) : asFloat(ratios[0]);
    return {
      args: [['scale_factor', factor]],
      multiPass: a.flip || distinct(ratios.map(asFloat)) > 1,
    };
  }
  const imgScale = a.imgScale as { items: Value[] };
  if (a.ratios === undefined) return { args: [['scale', a.imgScale]], multiPass: a.flip };
  const [w, h] = imgScale.items.map(numOf);
  if (w === undefined || h === undefined) return { args: [['scale', a.imgScale]], multiPass: true };
  const scales = a.ratios.map((r) => [Math.trunc(w * numOf(r)!), Math.trunc(h * numOf(r)!)]);
  const keys = new Set(scales.map((s) => s.join(',')));
  if (keys.size > 1 || a.flip) return { args: [['scale', a.imgScale]], multiPass: true };
  const [sw, sh] = scales[0];
  const scale = sw === w && sh === h ? a.imgScale : tuple([int(sw), int(sh)]);
  return { args: [['scale', scale]], multiPass: false };
}

/** The `img_ratios` list the TTA uses: the MSFA's (as floats) or the `--aug-test` default. */
function ttaRatios(a: MsfaArgs): Value {
  if (a.ratios === undefined) return list(table.augTestRatios.map((r) => float(r)));
  const v = a.ratiosValue!;
  if (v.t === 'list' && v.items.every((r) => r.t === 'float')) return v;
  return list(a.ratios.map(asFloat));
}

/**
 * Converts one MSFA. Returns undefined when it cannot be converted; the error
 * is then reported and the caller keeps the MSFA as written.
 */
export function convertMsfa(msfa: DictValue, scope: Scope): MsfaConversion | undefined {
  const fail = (message: string): undefined => {
    scope.findings.push(
      findingAt(
        'PIPE-012',
        'error',
        msfa,
        scope.ctx,
        `\`MultiScaleFlipAug\`: ${message}; kept as written.`,
      ),
    );
    return undefined;
  };
  const a = readArgs(msfa);
  if (typeof a === 'string') return fail(a);

  const resize = a.transforms.find((t) => typeOf(t) === 'Resize') as DictValue | undefined;
  if (resize !== undefined) {
    const unknown = [...resize.entries.keys()].filter(
      (k) => k !== 'type' && !RESIZE_ARGS.has(String(k)),
    );
    if (unknown.length > 0) {
      scope.findings.push(
        findingAt(
          'PIPE-003',
          'error',
          resize,
          scope.ctx,
          `\`Resize\` argument ${unknown.map((k) => `\`${k}\``).join(', ')} is not valid in mmseg 0.30.`,
        ),
      );
      return fail('its `Resize` cannot be converted');
    }
    const minSize = resize.entries.get('min_size');
    if (minSize !== undefined && minSize.t !== 'none') {
      scope.findings.push(
        findingAt(
          'PIPE-003',
          'warning',
          resize,
          scope.ctx,
          '`Resize.min_size` has no 1.x equivalent and is dropped.',
        ),
      );
    }
  }
  const keepRatio = resize?.entries.get('keep_ratio') ?? bool(true);
  const { args: scaleArgs, multiPass } = mainScale(a);
  const imgRatios = a.scaleKind === 'list' ? undefined : ttaRatios(a);
  const resizeList =
    a.scaleKind === 'list'
      ? list(
          (a.imgScale as { items: Value[] }).items.map((s) =>
            transform('Resize', [
              ['scale', s],
              ['keep_ratio', keepRatio],
            ]),
          ),
        )
      : list(
          (imgRatios as { items: Value[] }).items.map((r) =>
            transform('Resize', [
              ['scale_factor', r],
              ['keep_ratio', keepRatio],
            ]),
          ),
        );
  // `--aug-test` switched flipping on whenever the MSFA had no ratios of its own.
  const flipStep = a.flip || a.ratios === undefined;
  const flipList = list([
    transform('RandomFlip', [
      ['prob', float(0)],
      ['direction', a.directions[0]],
    ]),
    ...a.directions.map((d) =>
      transform('RandomFlip', [
        ['prob', float(1)],
        ['direction', d],
      ]),
    ),
  ]);

  const result: MsfaConversion = { main: [], ttaSteps: [], imgRatios, ran: [] };
  for (const t of a.transforms) {
    const type = typeOf(t);
    if (t === resize) {
      result.main.push(transform('Resize', [...scaleArgs, ['keep_ratio', keepRatio]]));
      result.ttaSteps.push(resizeList);
      result.ran.push(t);
    } else if (type === 'RandomFlip') {
      // MSFA set the flip itself; a flip step exists only where the inner RandomFlip was.
      if (flipStep && !result.ttaSteps.includes(flipList)) result.ttaSteps.push(flipList);
    } else if (isFormatting(type)) {
      if (type === 'Collect' && isDict(t)) result.collect = t;
    } else if (isToPreprocessor(type)) {
      result.ran.push(t);
    } else if (type === 'LoadAnnotations' && isDict(t)) {
      result.loadAnnotations = t;
    } else {
      const converted = convertKeptTransform(t, scope);
      result.main.push(converted);
      result.ttaSteps.push(list([converted]));
      result.ran.push(t);
    }
  }

  if (multiPass)
    scope.findings.push(
      findingAt('PIPE-015', 'warning', msfa, scope.ctx, `\`MultiScaleFlipAug\`: ${MULTI_PASS}.`),
    );
  if (a.ratios !== undefined && !a.flip && a.scaleKind !== 'list') {
    scope.findings.push(
      findingAt(
        'PIPE-015',
        'info',
        msfa,
        scope.ctx,
        'The 0.x test used `img_ratios` without flip: `tta_pipeline` keeps these ratios and has no flip step.',
      ),
    );
  }
  if (a.scaleKind === 'tuple') {
    scope.findings.push(
      findingAt(
        'PIPE-014',
        'info',
        msfa,
        scope.ctx,
        '`tta_pipeline` resizes with `scale_factor`, which scales the original image; 0.x scaled `img_scale`. They agree when the image size is close to `img_scale`.',
      ),
    );
  }
  return result;
}

/** Whether a value is the 0.x MSFA transform. */
export const isMsfa = (t: Value | undefined): t is DictValue => typeOf(t) === 'MultiScaleFlipAug';

/** `LoadImageFromFile` in a `tta_pipeline` states `backend_args` (None when unset), as PIPE-014 writes it. */
export function ttaLoad(t: Value): Value {
  if (typeOf(t) !== 'LoadImageFromFile' || !isDict(t) || t.entries.has('backend_args')) return t;
  return transform('LoadImageFromFile', [
    ...[...t.entries]
      .filter(([k]) => k !== 'type')
      .map(([k, v]): [string, Value] => [String(k), v]),
    ['backend_args', none()],
  ]);
}
