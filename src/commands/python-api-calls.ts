/**
 * Call sites whose meaning changed (spec §14.1): the result of
 * `inference_segmentor` indexed like the 0.x list of masks (API-002),
 * `show_result_pyplot`'s dropped arguments (API-003) and the removed
 * `model.show_result` (API-004).
 */
import type { SyntaxNode } from '../python/parse.js';
import { report, type ScriptContext } from './python-api-context.js';
import { applyEdits, type TextEdit as Edit } from '../text-edits.js';
import type { ImportPlan } from './python-api-imports.js';
import { resolveUse } from './python-api-attributes.js';
import {
  contains,
  enclosingFunction,
  isBinding,
  isFieldName,
  lineOf,
  sameNode,
} from './python-api-names.js';

/** The mmseg 0.x API a call's function names, as (module, name). */
function calleeOf(
  plan: ImportPlan,
  call: SyntaxNode,
): { module: string; name: string } | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  if (fn.type === 'identifier') return plan.names.get(fn.text);
  if (fn.type !== 'attribute') return undefined;
  let root = fn;
  while (root.type === 'attribute') {
    const object = root.childForFieldName('object');
    if (!object) return undefined;
    root = object;
  }
  const use = resolveUse(plan, root);
  return use && sameNode(use.node, fn) ? { module: use.module, name: use.name } : undefined;
}

const isMmsegApi = (c: { module: string } | undefined): boolean =>
  !!c && (c.module === 'mmseg.apis' || c.module.startsWith('mmseg.apis.'));

/** Attributes of an ndarray that a `SegDataSample` does not have. */
const ARRAY_ATTRIBUTES = new Set(['shape', 'dtype', 'ndim', 'astype', 'squeeze', 'tolist']);

function arrayUse(u: SyntaxNode): boolean {
  const p = u.parent;
  if (!p) return false;
  if (p.type === 'subscript') return sameNode(p.childForFieldName('value'), u);
  if (p.type === 'attribute' && sameNode(p.childForFieldName('object'), u)) {
    return ARRAY_ATTRIBUTES.has(p.childForFieldName('attribute')?.text ?? '');
  }
  return false;
}

const RESULT_HINT =
  '1.x returns a `SegDataSample` (a list of them for a list input); the mask is `result.pred_sem_seg.data`.';

/** API-002: the 0.x result (a list of ndarrays) indexed or used as an array. */
function checkInferenceResult(ctx: ScriptContext, call: SyntaxNode): void {
  const parent = call.parent;
  if (!parent) return;
  if (parent.type === 'subscript' && sameNode(parent.childForFieldName('value'), call)) {
    report(
      ctx,
      'API-002',
      'warning',
      parent,
      `The result of \`inference_segmentor\` is indexed. ${RESULT_HINT}`,
    );
    return;
  }
  const left = parent.childForFieldName('left');
  if (parent.type !== 'assignment' || !sameNode(parent.childForFieldName('right'), call)) return;
  if (left?.type !== 'identifier') return;
  const scope = enclosingFunction(call) ?? ctx.root;
  for (const u of ctx.all) {
    if (u.startIndex <= call.endIndex || !contains(scope, u)) continue;
    if (u.type !== 'identifier' || u.text !== left.text || isFieldName(u)) continue;
    if (isBinding(u)) break;
    if (arrayUse(u)) {
      report(
        ctx,
        'API-002',
        'warning',
        u,
        `\`${left.text}\` (from \`inference_segmentor\`, line ${lineOf(call)}) is used as the 0.x list of masks. ${RESULT_HINT}`,
      );
    }
  }
}

/** 0.x positional parameters of `show_result_pyplot` after `model, img, result`. */
const LEGACY_POSITIONAL: ({ drop: string } | { keyword: string })[] = [
  { drop: '`palette` (4th positional)' },
  { drop: '`fig_size` (5th positional)' },
  { keyword: 'opacity' },
  { keyword: 'title' },
  { drop: '`block` (8th positional)' },
  { keyword: 'out_file' },
];
const DROPPED_KEYWORDS = new Set(['palette', 'fig_size', 'block']);

/** Deletes the argument items at `drop` (indices into `items`) with their separators. */
function deletions(items: SyntaxNode[], drop: Set<number>): Edit[] {
  const edits: Edit[] = [];
  const sorted = [...drop].sort((a, b) => a - b);
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const first = sorted[i];
    const last = sorted[j];
    if (last + 1 < items.length) {
      edits.push({ start: items[first].startIndex, end: items[last + 1].startIndex, text: '' });
    } else if (first > 0) {
      edits.push({ start: items[first - 1].endIndex, end: items[last].endIndex, text: '' });
    } else {
      edits.push({ start: items[first].startIndex, end: items[last].endIndex, text: '' });
    }
    i = j + 1;
  }
  return edits;
}

const isNumber = (n: SyntaxNode): boolean => n.type === 'float' || n.type === 'integer';

/** API-003: drops `palette`, `fig_size` and `block`; later 0.x positionals become keywords. */
function rewriteShowResult(ctx: ScriptContext, call: SyntaxNode, legacy: boolean): void {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return;
  const items = args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const positional = items.filter(
    (c) => !['keyword_argument', 'list_splat', 'dictionary_splat'].includes(c.type),
  );
  const drop = new Set<number>();
  const edits: Edit[] = [];
  const dropped: string[] = [];
  items.forEach((item, i) => {
    const name =
      item.type === 'keyword_argument' ? item.childForFieldName('name')?.text : undefined;
    if (name && DROPPED_KEYWORDS.has(name)) {
      drop.add(i);
      dropped.push(`\`${name}\``);
    }
  });
  if (positional.length > 3) {
    if (isNumber(positional[3])) {
      // Already the 1.x order: the fourth argument is `opacity`.
    } else if (!legacy) {
      report(
        ctx,
        'API-003',
        'warning',
        positional[3],
        'The fourth positional argument of `show_result_pyplot` was `palette` in 0.x and is `opacity` in 1.x; check this call.',
      );
    } else {
      positional.slice(3).forEach((arg, k) => {
        const param = LEGACY_POSITIONAL[k];
        if (!param) return;
        if ('drop' in param) {
          drop.add(items.indexOf(arg));
          dropped.push(param.drop);
        } else {
          edits.push({ start: arg.startIndex, end: arg.startIndex, text: `${param.keyword}=` });
        }
      });
    }
  }
  if (legacy && items.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')) {
    report(
      ctx,
      'API-003',
      'warning',
      call,
      '`show_result_pyplot` gets arguments through `*`/`**`; 1.x no longer accepts `palette`, `fig_size` or `block`.',
    );
  }
  if (drop.size === 0 && edits.length === 0) return;
  edits.push(...deletions(items, drop));
  ctx.edits.push(...edits);
  const local = edits.map((e) => ({
    ...e,
    start: e.start - call.startIndex,
    end: e.end - call.startIndex,
  }));
  report(
    ctx,
    'API-003',
    'warning',
    call,
    `\`show_result_pyplot\` no longer takes ${dropped.join(', ')}: dropped. 1.x takes the palette from \`model.dataset_meta\` and shows with \`show=\`/\`wait_time=\`.`,
    { before: call.text, after: applyEdits(call.text, local) },
  );
}

/** Runs the call-site rules; `legacy` says the script already showed a 0.x API. */
export function checkCalls(ctx: ScriptContext, plan: ImportPlan, legacy: boolean): void {
  const usesMmseg =
    [...plan.names.values()].some((n) => n.module.split('.')[0] === 'mmseg') ||
    plan.bindings.some((b) => b.module.split('.')[0] === 'mmseg');
  for (const node of ctx.all) {
    if (node.type !== 'call') continue;
    const callee = calleeOf(plan, node);
    if (isMmsegApi(callee) && callee?.name === 'inference_segmentor') {
      checkInferenceResult(ctx, node);
    } else if (isMmsegApi(callee) && callee?.name === 'show_result_pyplot') {
      rewriteShowResult(ctx, node, legacy);
    } else if (usesMmseg && !callee) {
      const fn = node.childForFieldName('function');
      if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'show_result') {
        report(
          ctx,
          'API-004',
          'error',
          node,
          '`show_result` no longer exists on 1.x segmentors: draw with `SegLocalVisualizer.add_datasample(name, image, data_sample)` (or `show_result_pyplot`).',
        );
      }
    }
  }
}
