/**
 * Names used through their module (`mmcv.Config.fromfile(...)`,
 * `mmseg.apis.init_segmentor(...)`, spec §14). A rename inside the same
 * module renames the attribute; a move to another module imports the name
 * next to the statement that bound the module and uses it bare. The module
 * import goes away when nothing uses it any more.
 */
import type { SyntaxNode } from '../python/parse.js';
import { report, withHint, type ScriptContext } from './python-api-context.js';
import {
  addImport,
  dropBinding,
  keepsOtherContent,
  removable,
  reportOutcome,
  type ImportPlan,
  type ModuleBinding,
} from './python-api-imports.js';
import {
  contains,
  enclosingFunction,
  insideImport,
  isBinding,
  isFieldName,
  sameNode,
  variableOccurrences,
} from './python-api-names.js';
import { isModule, isRemovedModule, lookupName } from './python-api-table.js';

/** `root.a.b.c` resolved against the module bound to `root`. */
export interface ResolvedUse {
  binding: ModuleBinding;
  /** The module the name is read from (`mmcv.runner`). */
  module: string;
  name: string;
  /** The attribute node spanning `root … name`. */
  node: SyntaxNode;
  /** The identifier node of `name`. */
  field: SyntaxNode;
  root: SyntaxNode;
}

/** The binding of `local` visible at `use`: the innermost enclosing scope's, else the module's. */
function bindingFor(
  bindings: readonly ModuleBinding[],
  local: string,
  use: SyntaxNode,
): ModuleBinding | undefined {
  let best: ModuleBinding | undefined;
  let bestDepth = -1;
  for (const b of bindings) {
    if (b.local !== local) continue;
    const scope = enclosingFunction(b.statement);
    if (scope && !contains(scope, use)) continue;
    const depth = scope ? scope.startIndex + 1 : 0;
    if (depth > bestDepth) {
      best = b;
      bestDepth = depth;
    }
  }
  return best;
}

/** Resolves an identifier that starts an attribute chain through a module binding. */
export function resolveUse(plan: ImportPlan, root: SyntaxNode): ResolvedUse | undefined {
  if (root.type !== 'identifier' || isFieldName(root) || insideImport(root)) return undefined;
  const binding = bindingFor(plan.bindings, root.text, root);
  if (!binding) return undefined;
  const chain: { name: string; node: SyntaxNode; field: SyntaxNode }[] = [];
  let cur = root;
  while (
    cur.parent?.type === 'attribute' &&
    sameNode(cur.parent.childForFieldName('object'), cur)
  ) {
    const field = cur.parent.childForFieldName('attribute');
    if (!field) break;
    chain.push({ name: field.text, node: cur.parent, field });
    cur = cur.parent;
  }
  if (chain.length === 0) return undefined;
  let module = binding.module;
  let k = 0;
  while (k < chain.length - 1 && isModule(`${module}.${chain[k].name}`)) {
    module = `${module}.${chain[k].name}`;
    k++;
  }
  return { binding, module, name: chain[k].name, node: chain[k].node, field: chain[k].field, root };
}

/**
 * Whether an import of `source` binds the 1.x `module.name`: it imports it
 * already, or it is an import this run moves there (`from mmcv.utils import
 * mkdir_or_exist` for `mmengine.utils.mkdir_or_exist`).
 */
function importsTarget(source: { module: string; name: string }, module: string, name: string) {
  if (source.module === module && source.name === name) return true;
  const moved = lookupName(source.module, source.name);
  return moved?.kind === 'move' && moved.module === module && moved.name === name;
}

/** Whether `name` can be used bare for `module.name` without meaning something else. */
function bareNameFree(
  ctx: ScriptContext,
  plan: ImportPlan,
  planned: Map<string, string>,
  module: string,
  name: string,
): boolean {
  const sources = plan.importLocals.get(name) ?? [];
  if (sources.some((s) => !importsTarget(s, module, name))) return false;
  const uses = variableOccurrences(ctx.all, name);
  if (uses.some(isBinding)) return false;
  if (uses.length > 0 && sources.length === 0 && !planned.has(name)) return false;
  const other = planned.get(name);
  return other === undefined || other === module;
}

export function planAttributeUses(ctx: ScriptContext, plan: ImportPlan): void {
  const locals = new Set(plan.bindings.map((b) => b.local));
  const planned = new Map<string, string>();
  const replaced = new Set<number>();
  const used = new Map<ModuleBinding, number>();

  for (const node of ctx.all) {
    if (node.type !== 'identifier' || !locals.has(node.text)) continue;
    const use = resolveUse(plan, node);
    if (!use) continue;
    used.set(use.binding, (used.get(use.binding) ?? 0) + 1);
    const outcome = lookupName(use.module, use.name);
    if (!outcome || outcome.kind === 'keep') continue;
    if (outcome.kind !== 'move') {
      reportOutcome(ctx, outcome, use.module, use.name, use.node);
      continue;
    }
    const before = use.node.text;
    const message = withHint(
      `\`${use.module}.${use.name}\` is \`${outcome.module}.${outcome.name}\` in mmseg 1.x / mmcv 2.x / mmengine.`,
      outcome.hint,
    );
    if (outcome.module === use.module) {
      ctx.edits.push({ start: use.field.startIndex, end: use.field.endIndex, text: outcome.name });
      const after = before.slice(0, use.field.startIndex - use.node.startIndex) + outcome.name;
      report(ctx, outcome.rule, outcome.severity, use.node, message, { before, after });
      continue;
    }
    if (!bareNameFree(ctx, plan, planned, outcome.module, outcome.name)) {
      report(
        ctx,
        'API-041',
        'warning',
        use.node,
        `${message} Not rewritten: \`${outcome.name}\` already names something else in this file; import it under another name.`,
      );
      continue;
    }
    planned.set(outcome.name, outcome.module);
    ctx.edits.push({ start: use.node.startIndex, end: use.node.endIndex, text: outcome.name });
    replaced.add(node.id);
    // A name the file imports already (or will, once its import moves) needs no second import.
    const imported = (plan.importLocals.get(outcome.name) ?? []).some((source) =>
      importsTarget(source, outcome.module, outcome.name),
    );
    if (!imported) addImport(plan, use.binding.statement, outcome.module, outcome.name);
    report(ctx, outcome.rule, outcome.severity, use.node, message, {
      before,
      after: outcome.name,
    });
  }

  for (const binding of plan.bindings) {
    const remaining = variableOccurrences(ctx.all, binding.local).filter(
      (n) => !replaced.has(n.id) && !isBinding(n),
    ).length;
    const hadUses = (used.get(binding) ?? 0) > 0;
    if (
      hadUses &&
      remaining === 0 &&
      (keepsOtherContent(plan, binding) || removable(ctx, binding.statement))
    ) {
      dropBinding(plan, binding);
    } else if (isRemovedModule(binding.imports)) {
      report(
        ctx,
        'API-040',
        'warning',
        binding.statement,
        `Module \`${binding.imports}\` does not exist in mmseg 1.x / mmcv 2.x.`,
      );
    }
  }
}
