/**
 * Import statements of a script (spec §14): which 0.x names they bind, where
 * each name lives in 1.x, and the plan for rewriting every statement. A
 * statement whose names go to different modules is split into one
 * `from … import …` line per module, in the order the names were written.
 * A renamed name (`init_segmentor` → `init_model`) is renamed at every use,
 * or kept under its old name with `as` when a rename could change meaning.
 */
import type { SyntaxNode } from '../python/parse.js';
import { report, withHint, type ScriptContext } from './python-api-context.js';
import { indentBefore, wholeLines } from './python-api-edits.js';
import { isBinding, lineOf, variableOccurrences } from './python-api-names.js';
import {
  ROOTS,
  isModule,
  isRemovedModule,
  lookupName,
  type NameOutcome,
} from './python-api-table.js';

export interface Imported {
  name: string;
  /** The local name when it differs from `name`. */
  alias?: string;
}

export interface Group {
  module: string;
  names: Imported[];
  /** The names that stay in the statement's own module. */
  original: boolean;
}

export interface StatementPlan {
  node: SyntaxNode;
  kind: 'from' | 'import';
  /** `from` statements: the module imported from. */
  module?: string;
  /** `import` statements: the dotted names still imported. */
  modules: Imported[];
  /** Output `from … import …` groups, in order. */
  groups: Group[];
  changed: boolean;
  /** Can take names moved from later statements (plain, comment-free `from X import …`). */
  hostable: boolean;
}

/** A local name bound to a module: `import mmcv`, `import mmseg.apis as apis`, `from mmseg import apis`. */
export interface ModuleBinding {
  local: string;
  module: string;
  /** The module the statement imports (`mmcv.runner` for `import mmcv.runner`). */
  imports: string;
  statement: SyntaxNode;
}

export interface ImportPlan {
  plans: StatementPlan[];
  bindings: ModuleBinding[];
  /** Local name → the 0.x (module, name) an mmseg/mmcv import bound to it. */
  names: Map<string, { module: string; name: string }>;
  /** Local names bound by any import statement. */
  importLocals: Map<string, { module: string; name: string }[]>;
}

const render = (n: Imported): string => (n.alias ? `${n.name} as ${n.alias}` : n.name);

interface NamePart {
  name: string;
  alias?: string;
  node: SyntaxNode;
}

function nameParts(statement: SyntaxNode): NamePart[] {
  const out: NamePart[] = [];
  for (const child of statement.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text ?? '';
      out.push({ name, alias: child.childForFieldName('alias')?.text, node: child });
    } else if (child.type === 'dotted_name') {
      out.push({ name: child.text, node: child });
    }
  }
  return out;
}

/** The absolute module of a `from` statement; undefined for relative imports. */
function fromModule(statement: SyntaxNode): string | undefined {
  const m = statement.childForFieldName('module_name');
  return m?.type === 'dotted_name' ? m.text : undefined;
}

const isWildcard = (statement: SyntaxNode): boolean =>
  statement.namedChildren.some((c) => c?.type === 'wildcard_import');

const hasComment = (node: SyntaxNode): boolean =>
  node.descendantsOfType('comment').some((c) => c !== null);

const inRoots = (module: string): boolean => ROOTS.has(module.split('.')[0]);

/** Collects every import statement with its bindings; no decisions yet. */
export function collectImports(ctx: ScriptContext): ImportPlan {
  const plan: ImportPlan = { plans: [], bindings: [], names: new Map(), importLocals: new Map() };
  for (const node of ctx.all) {
    if (node.type === 'import_statement') {
      const parts = nameParts(node);
      for (const p of parts) {
        const local = p.alias ?? p.name.split('.')[0];
        const module = p.alias ? p.name : p.name.split('.')[0];
        addLocal(plan, local, module, '');
        if (inRoots(p.name))
          plan.bindings.push({ local, module, imports: p.name, statement: node });
      }
      plan.plans.push({
        node,
        kind: 'import',
        modules: parts.map((p) => ({ name: p.name, alias: p.alias })),
        groups: [],
        changed: false,
        hostable: false,
      });
    } else if (node.type === 'import_from_statement') {
      const module = fromModule(node);
      const parts = nameParts(node);
      for (const p of parts) {
        const local = p.alias ?? p.name;
        addLocal(plan, local, module ?? '.', p.name);
        if (module && inRoots(module)) {
          plan.names.set(local, { module, name: p.name });
          if (isModule(`${module}.${p.name}`)) {
            const path = `${module}.${p.name}`;
            plan.bindings.push({ local, module: path, imports: path, statement: node });
          }
        }
      }
      plan.plans.push({
        node,
        kind: 'from',
        module,
        modules: [],
        groups:
          module && !isWildcard(node)
            ? [
                {
                  module,
                  names: parts.map((p) => ({ name: p.name, alias: p.alias })),
                  original: true,
                },
              ]
            : [],
        changed: false,
        hostable: !!module && !isWildcard(node) && !hasComment(node),
      });
    }
  }
  return plan;
}

function addLocal(plan: ImportPlan, local: string, module: string, name: string): void {
  const list = plan.importLocals.get(local) ?? [];
  list.push({ module, name });
  plan.importLocals.set(local, list);
}

/**
 * A use of `from` → `to` can be renamed when no occurrence of the old name
 * binds it again and the new name is not used for anything in the file.
 */
function canRename(ctx: ScriptContext, plan: ImportPlan, from: string, to: string): boolean {
  if (variableOccurrences(ctx.all, from).some(isBinding)) return false;
  const sources = plan.importLocals.get(from) ?? [];
  if (new Set(sources.map((s) => `${s.module}:${s.name}`)).size > 1) return false;
  return variableOccurrences(ctx.all, to).length === 0 && !plan.importLocals.has(to);
}

function describe(module: string, name: string): string {
  return `\`${module}.${name}\``;
}

/** Reports a removed or unknown name (moves are reported where they are rewritten). */
export function reportOutcome(
  ctx: ScriptContext,
  outcome: NameOutcome,
  module: string,
  name: string,
  at: SyntaxNode,
): void {
  if (outcome.kind === 'report') {
    report(
      ctx,
      outcome.rule,
      outcome.severity,
      at,
      withHint(`${describe(module, name)} does not exist in mmseg 1.x / mmcv 2.x.`, outcome.hint),
    );
  } else if (outcome.kind === 'missing') {
    report(
      ctx,
      outcome.rule,
      outcome.severity,
      at,
      outcome.module === `${module}.${name}`
        ? `Module \`${outcome.module}\` does not exist in mmseg 1.x / mmcv 2.x.`
        : `${describe(module, name)}: \`${outcome.module}\` does not have this name in mmseg 1.x / mmcv 2.x, and the tool knows no new place for it.`,
    );
  }
}

/**
 * Decides the rewrite of every `from mmseg/mmcv… import …` statement and the
 * renames of the names it binds; reports removed names.
 */
export function planFromImports(ctx: ScriptContext, plan: ImportPlan): void {
  const renamed = new Set<string>();
  for (const p of plan.plans) {
    if (p.kind !== 'from' || !p.module || !inRoots(p.module)) continue;
    const module = p.module;
    if (isWildcard(p.node)) {
      if (isRemovedModule(module)) {
        report(
          ctx,
          'API-040',
          'warning',
          p.node,
          `Module \`${module}\` does not exist in mmseg 1.x / mmcv 2.x.`,
        );
      }
      continue;
    }
    const out: Group[] = [];
    const groupFor = (target: string, original: boolean): Group => {
      let g = out.find((x) => x.module === target && x.original === original);
      if (!g) {
        g = { module: target, names: [], original };
        out.push(g);
      }
      return g;
    };
    let moved = false;
    for (const part of nameParts(p.node)) {
      const outcome = lookupName(module, part.name);
      if (!outcome || outcome.kind !== 'move') {
        groupFor(module, true).names.push({ name: part.name, alias: part.alias });
        // A submodule binding is judged by its uses (python-api-attributes).
        if (outcome && !isModule(`${module}.${part.name}`)) {
          reportOutcome(ctx, outcome, module, part.name, part.node);
        }
        continue;
      }
      moved = true;
      const target = outcome.name;
      let alias = part.alias;
      if (alias === target) alias = undefined;
      else if (!alias && target !== part.name) {
        if (renamed.has(part.name) || canRename(ctx, plan, part.name, target)) {
          if (!renamed.has(part.name)) {
            renamed.add(part.name);
            for (const use of variableOccurrences(ctx.all, part.name)) {
              ctx.edits.push({ start: use.startIndex, end: use.endIndex, text: target });
            }
          }
        } else {
          alias = part.name;
        }
      }
      groupFor(outcome.module, outcome.module === module).names.push({ name: target, alias });
      report(
        ctx,
        outcome.rule,
        outcome.severity,
        part.node,
        withHint(
          `${describe(module, part.name)} is ${describe(outcome.module, target)} in mmseg 1.x / mmcv 2.x / mmengine.`,
          outcome.hint,
        ),
      );
    }
    if (moved) {
      p.groups = out;
      p.changed = true;
    }
  }
}

/** Adds `from module import name` to the statement that binds the module a use went through. */
export function addImport(
  plan: ImportPlan,
  anchor: SyntaxNode,
  module: string,
  name: string,
): void {
  const p = plan.plans.find((x) => x.node.id === anchor.id);
  if (!p) return;
  let g = p.groups.find((x) => x.module === module && !x.original);
  if (!g) {
    g = { module, names: [], original: false };
    p.groups.push(g);
  }
  if (!g.names.some((n) => n.name === name && !n.alias)) g.names.push({ name });
  p.changed = true;
}

/** Whether the binding's statement keeps other content when the binding is dropped. */
export function keepsOtherContent(plan: ImportPlan, binding: ModuleBinding): boolean {
  const p = plan.plans.find((x) => x.node.id === binding.statement.id);
  if (!p) return false;
  if (p.groups.some((g) => !g.original)) return true;
  if (p.kind === 'import') {
    return p.modules.some((m) => (m.alias ?? m.name.split('.')[0]) !== binding.local);
  }
  return p.groups.some((g) => g.names.some((n) => (n.alias ?? n.name) !== binding.local));
}

/** Drops the binding of `local` from its statement (it has no uses left). */
export function dropBinding(plan: ImportPlan, binding: ModuleBinding): void {
  const p = plan.plans.find((x) => x.node.id === binding.statement.id);
  if (!p) return;
  if (p.kind === 'import') {
    p.modules = p.modules.filter((m) => (m.alias ?? m.name.split('.')[0]) !== binding.local);
  } else {
    for (const g of p.groups) {
      if (g.original) g.names = g.names.filter((n) => (n.alias ?? n.name) !== binding.local);
    }
    p.groups = p.groups.filter((g) => !g.original || g.names.length > 0);
  }
  p.changed = true;
}

/** A statement can disappear: it has whole lines to itself and is not its block's only statement. */
export function removable(ctx: ScriptContext, node: SyntaxNode): boolean {
  if (!wholeLines(ctx.text, node.startIndex, node.endIndex)) return false;
  const parent = node.parent;
  if (!parent) return false;
  const statements = parent.namedChildren.filter((c) => c && c.type !== 'comment');
  return statements.length > 1;
}

function renderFrom(module: string, names: Imported[], indent: string, eol: string): string {
  const items = names.map(render);
  const flat = `from ${module} import ${items.join(', ')}`;
  if (indent.length + flat.length <= 79) return flat;
  const head = `from ${module} import (`;
  const pad = indent + ' '.repeat(head.length);
  const lines: string[] = [];
  let line = head;
  let width = indent.length + head.length;
  let fresh = true;
  items.forEach((item, i) => {
    const piece = item + (i === items.length - 1 ? ')' : ',');
    if (!fresh && width + 1 + piece.length > 79) {
      lines.push(line);
      line = pad + piece;
      width = pad.length + piece.length;
    } else {
      line += (fresh ? '' : ' ') + piece;
      width += (fresh ? 0 : 1) + piece.length;
    }
    fresh = false;
  });
  lines.push(line);
  return lines.join(eol);
}

/**
 * Moves names of later statements into an earlier `from X import …` of the
 * same block (names only ever move up, so they are bound before any use).
 */
function mergeIntoHosts(ctx: ScriptContext, plans: StatementPlan[]): void {
  const byBlock = new Map<number, StatementPlan[]>();
  for (const p of plans) {
    const key = p.node.parent?.id ?? -1;
    byBlock.set(key, [...(byBlock.get(key) ?? []), p]);
  }
  for (const block of byBlock.values()) {
    block.sort((a, b) => a.node.startIndex - b.node.startIndex);
    const hosts = new Map<string, Group>();
    const hostPlan = new Map<Group, StatementPlan>();
    for (const p of block) {
      if (!p.changed) {
        if (p.kind === 'from' && p.hostable && p.module && !hosts.has(p.module)) {
          hosts.set(p.module, p.groups[0]);
          hostPlan.set(p.groups[0], p);
        }
        continue;
      }
      // Emptying a statement deletes it, which needs whole lines of its own.
      const mayMerge =
        removable(ctx, p.node) ||
        p.groups.some((g) => g.original) ||
        (p.kind === 'import' && p.modules.length > 0);
      const kept: Group[] = [];
      for (const g of p.groups) {
        const host = g.original || !mayMerge ? undefined : hosts.get(g.module);
        const hp = host ? hostPlan.get(host) : undefined;
        if (host && hp && hp !== p) {
          for (const n of g.names) {
            if (!host.names.some((h) => h.name === n.name && h.alias === n.alias))
              host.names.push(n);
          }
          hp.changed = true;
          continue;
        }
        kept.push(g);
        if (!hosts.has(g.module) && !g.original) {
          hosts.set(g.module, g);
          hostPlan.set(g, p);
        }
      }
      p.groups = kept;
    }
  }
}

/** Turns the import plans into source edits, and fills `before`/`after` of their findings. */
export function emitImports(ctx: ScriptContext, plan: ImportPlan): void {
  mergeIntoHosts(ctx, plan.plans);
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  for (const p of plan.plans) {
    if (!p.changed) continue;
    const original = p.node.text;
    const indent = indentBefore(ctx.text, p.node.startIndex);
    const lines: string[] = [];
    if (p.kind === 'import' && p.modules.length > 0) {
      const untouched = nameParts(p.node).length === p.modules.length;
      lines.push(untouched ? original : `import ${p.modules.map(render).join(', ')}`);
    }
    for (const g of p.groups) lines.push(renderFrom(g.module, g.names, indent ?? '', eol));
    const comments = p.kind === 'from' ? p.node.descendantsOfType('comment') : [];
    const trailing = comments.map((c) => c?.text ?? '').filter((c) => c.length > 0);
    if (trailing.length > 0 && lines.length > 0) {
      if (!lines[0].includes(eol)) lines[0] += `  ${trailing.join(' ')}`;
      else lines.unshift(...trailing);
    }
    let text: string;
    if (lines.length === 0) {
      const range = removable(ctx, p.node)
        ? wholeLines(ctx.text, p.node.startIndex, p.node.endIndex)
        : undefined;
      ctx.edits.push(range ?? { start: p.node.startIndex, end: p.node.endIndex, text: 'pass' });
      text = '';
    } else {
      text = indent === undefined ? lines.join('; ') : lines.join(`${eol}${indent}`);
      if (text === original) continue;
      ctx.edits.push({ start: p.node.startIndex, end: p.node.endIndex, text });
    }
    for (const f of ctx.findings) {
      const inside = f.line >= lineOf(p.node) && f.line <= p.node.endPosition.row + 1;
      if (f.before === undefined && inside) {
        f.before = original;
        f.after = text;
      }
    }
  }
}
