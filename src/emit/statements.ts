/**
 * The top-level statements of a Python file, with the names each one
 * assigns and the exact text range an edit may replace or delete.
 */
import type { SyntaxNode, SyntaxTree } from '../python/parse.js';

export interface Statement {
  /** Range of the statement itself (JS string offsets). */
  start: number;
  end: number;
  /** Range that deleting the statement removes: whole lines, with a comment on its last line. */
  lineStart: number;
  lineEnd: number;
  /** Names the statement binds or changes (`x = …`, `x += …`, `x['k'] = …`, `a, b = …`). */
  names: string[];
  /** Binds exactly one name with a plain `name = value`. */
  simple: boolean;
}

function targetNames(node: SyntaxNode | null, into: string[]): void {
  if (!node) return;
  switch (node.type) {
    case 'identifier':
      into.push(node.text);
      return;
    case 'subscript':
    case 'attribute': {
      // x['k'] = v and x.k = v change x in place.
      let root: SyntaxNode | null = node;
      while (root && (root.type === 'subscript' || root.type === 'attribute')) {
        root = root.childForFieldName(root.type === 'subscript' ? 'value' : 'object');
      }
      if (root?.type === 'identifier') into.push(root.text);
      return;
    }
    default:
      for (const child of node.namedChildren) targetNames(child, into);
  }
}

function assignedNames(node: SyntaxNode): { names: string[]; simple: boolean } {
  const names: string[] = [];
  let simple = true;
  let current: SyntaxNode | null = node;
  let count = 0;
  while (current && (current.type === 'assignment' || current.type === 'augmented_assignment')) {
    const left = current.childForFieldName('left');
    if (current.type === 'augmented_assignment' || left?.type !== 'identifier') simple = false;
    targetNames(left, names);
    count += 1;
    current = current.childForFieldName('right');
  }
  return { names, simple: simple && count === 1 };
}

/** Every top-level statement except comments, in source order. */
export function topLevelStatements(tree: SyntaxTree, source: string): Statement[] {
  const statements: Statement[] = [];
  for (const node of tree.rootNode.namedChildren) {
    if (!node || node.type === 'comment') continue;
    let names: string[] = [];
    let simple = false;
    const inner = node.type === 'expression_statement' ? node.namedChild(0) : null;
    if (inner && (inner.type === 'assignment' || inner.type === 'augmented_assignment')) {
      ({ names, simple } = assignedNames(inner));
    } else if (node.type === 'delete_statement' || inner?.type === 'call') {
      // del x / x.update(...): changes x in place.
      const root = inner?.type === 'call' ? inner.childForFieldName('function') : node;
      targetNames(root, names);
    }
    const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
    const newline = source.indexOf('\n', node.endIndex);
    const lineEnd = newline === -1 ? source.length : newline + 1;
    statements.push({
      start: node.startIndex,
      end: node.endIndex,
      lineStart,
      lineEnd,
      names,
      simple,
    });
  }
  return statements;
}
