/**
 * Where a Python identifier is used, and whether an occurrence binds the name
 * (assignment, parameter, def, …) or only reads it. A rename is safe only
 * when every occurrence reads the name the import bound.
 */
import type { SyntaxNode } from '../python/parse.js';

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** Node types whose identifier children are bound names. */
const BINDERS = new Set([
  'parameters',
  'lambda_parameters',
  'typed_parameter',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'global_statement',
  'nonlocal_statement',
  'as_pattern_target',
]);

/** Node types that may hold assignment targets below the assignment itself. */
const TARGET_WRAPPERS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'list_splat_pattern',
]);

export const sameNode = (a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined) =>
  !!a && !!b && a.id === b.id;

/** All descendants of `node` (itself included) in document order. */
export function descendants(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (n: SyntaxNode): void => {
    out.push(n);
    for (const c of n.children) if (c) visit(c);
  };
  visit(node);
  return out;
}

export function insideImport(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (IMPORTS.has(p.type)) return true;
  return false;
}

/** `x.name` (the attribute field) or `f(name=…)` (a keyword): not a use of a variable. */
export function isFieldName(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'attribute') return sameNode(parent.childForFieldName('attribute'), node);
  if (parent.type === 'keyword_argument') return sameNode(parent.childForFieldName('name'), node);
  return false;
}

/** The identifier is bound here (assigned, a parameter, a def/class name, …). */
export function isBinding(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (BINDERS.has(parent.type)) return true;
  if (
    (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') &&
    sameNode(parent.childForFieldName('name'), node)
  )
    return true;
  if (
    (parent.type === 'function_definition' || parent.type === 'class_definition') &&
    sameNode(parent.childForFieldName('name'), node)
  )
    return true;
  if (parent.type === 'named_expression' && sameNode(parent.childForFieldName('name'), node))
    return true;
  let child = node;
  let up: SyntaxNode | null = parent;
  while (up && TARGET_WRAPPERS.has(up.type)) {
    child = up;
    up = up.parent;
  }
  if (!up) return false;
  if (
    ['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause'].includes(up.type) &&
    sameNode(up.childForFieldName('left'), child)
  )
    return true;
  // `except E as e`, `with f() as x` (older grammar shapes keep the name as a direct child).
  if ((up.type === 'except_clause' || up.type === 'with_item') && child.type === 'identifier') {
    const prev = child.previousSibling;
    return prev?.type === 'as';
  }
  return false;
}

/** Identifier occurrences that name a variable (not fields, keywords or import parts). */
export function variableOccurrences(all: readonly SyntaxNode[], name: string): SyntaxNode[] {
  return all.filter(
    (n) => n.type === 'identifier' && n.text === name && !isFieldName(n) && !insideImport(n),
  );
}

/** The innermost function (or lambda) around a node; undefined at module level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
  }
  return undefined;
}

export const contains = (outer: SyntaxNode, inner: SyntaxNode): boolean =>
  outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;

/** 1-based line of a node. */
export const lineOf = (node: SyntaxNode): number => node.startPosition.row + 1;
