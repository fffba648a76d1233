/**
 * The shape of a Python file's top level, as the config/script decision
 * (DET-001, DET-007) and the syntax-level 1.x signals (DET-004) need it:
 * which names it assigns, what marks it as a script, whether it uses the
 * mmengine `read_base()` style, and where it reads `_base_.x` in Python.
 */
import type { SyntaxNode, SyntaxTree } from '../python/parse.js';

export interface ScriptMarker {
  /** `def`, `class`, `if __name__`, `for`, `while`, `import torch`, … */
  what: string;
  line: number;
}

export interface PythonShape {
  /** Names assigned at the top level → line of their last assignment. */
  assigned: Map<string, number>;
  /** Statements that make a file a script rather than a config (DET-007). */
  scriptMarkers: ScriptMarker[];
  /** Line of a top-level `with read_base():` (mmengine's pure-Python configs). */
  readBaseLine?: number;
  /** `_base_.x` read as Python, not inside a `{{_base_.x}}` placeholder. */
  baseAccesses: { name: string; line: number }[];
}

/** Packages whose import marks a script, unless the file is a `read_base()` config. */
const FRAMEWORKS = new Set(['torch', 'mmcv', 'mmseg', 'mmengine']);

export function pythonShape(tree: SyntaxTree, source: string): PythonShape {
  const assigned = new Map<string, number>();
  const markers: ScriptMarker[] = [];
  const imports: ScriptMarker[] = [];
  let readBaseLine: number | undefined;

  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue;
    const line = statement.startPosition.row + 1;
    switch (statement.type) {
      case 'expression_statement':
        for (const expr of statement.namedChildren) {
          if (expr && (expr.type === 'assignment' || expr.type === 'augmented_assignment')) {
            for (const name of assignedNames(expr)) assigned.set(name, line);
          }
        }
        break;
      case 'function_definition':
        markers.push({ what: 'def', line });
        break;
      case 'class_definition':
        markers.push({ what: 'class', line });
        break;
      case 'decorated_definition':
        markers.push({ what: 'decorated definition', line });
        break;
      case 'for_statement':
        markers.push({ what: 'for', line });
        break;
      case 'while_statement':
        markers.push({ what: 'while', line });
        break;
      case 'if_statement':
        if (statement.childForFieldName('condition')?.text.includes('__name__')) {
          markers.push({ what: 'if __name__', line });
        }
        break;
      case 'import_statement':
      case 'import_from_statement': {
        const root = importedRoots(statement).find((r) => FRAMEWORKS.has(r));
        if (root !== undefined) imports.push({ what: `import ${root}`, line });
        break;
      }
      case 'with_statement':
        if (readBaseLine === undefined && isReadBase(statement)) readBaseLine = line;
        break;
    }
  }
  // A `read_base()` config imports its bases and mmseg classes by design.
  const scriptMarkers = readBaseLine === undefined ? [...markers, ...imports] : markers;
  scriptMarkers.sort((a, b) => a.line - b.line);
  // Walking every attribute node of every file is the cost; most files never name `_base_.`.
  const accesses = /\b_base_\s*\./.test(source) ? baseAccesses(tree.rootNode) : [];
  return { assigned, scriptMarkers, readBaseLine, baseAccesses: accesses };
}

/** Identifiers bound by `a = …`, `a = b = …`, `a, b = …`, `a += …`. */
function assignedNames(node: SyntaxNode): string[] {
  const names: string[] = [];
  const collect = (target: SyntaxNode | null): void => {
    if (!target) return;
    if (target.type === 'identifier') names.push(target.text);
    else if (
      target.type === 'pattern_list' ||
      target.type === 'tuple_pattern' ||
      target.type === 'list_pattern'
    ) {
      for (const child of target.namedChildren) collect(child);
    }
  };
  let current: SyntaxNode | null = node;
  while (current && (current.type === 'assignment' || current.type === 'augmented_assignment')) {
    collect(current.childForFieldName('left'));
    current = current.childForFieldName('right');
  }
  return names;
}

/** First components of the modules an import statement names (`from .x import y` gives none). */
function importedRoots(statement: SyntaxNode): string[] {
  const modules =
    statement.type === 'import_from_statement'
      ? [statement.childForFieldName('module_name')]
      : statement.childrenForFieldName('name');
  return modules.flatMap((m) => {
    const dotted = m?.type === 'aliased_import' ? m.childForFieldName('name') : m;
    return dotted?.type === 'dotted_name' ? [dotted.text.split('.')[0]] : [];
  });
}

function isReadBase(statement: SyntaxNode): boolean {
  return statement.descendantsOfType('with_item').some((item) => {
    const value = item?.childForFieldName('value');
    return value?.type === 'call' && value.childForFieldName('function')?.text === 'read_base';
  });
}

/** `_base_.x` attribute reads, except the `{{_base_.x}}` placeholders mmcv substitutes as text. */
function baseAccesses(root: SyntaxNode): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const node of root.descendantsOfType('attribute')) {
    if (!node || node.childForFieldName('object')?.text !== '_base_') continue;
    // `{{_base_.a.b}}` is the placeholder both versions support, not a Python read.
    let outer = node;
    while (
      outer.parent?.type === 'attribute' &&
      outer.parent.childForFieldName('object')?.id === outer.id
    ) {
      outer = outer.parent;
    }
    const parent = outer.parent;
    if (parent?.type === 'set' && parent.parent?.type === 'set') continue;
    const name = node.childForFieldName('attribute')?.text ?? '';
    found.push({ name, line: node.startPosition.row + 1 });
  }
  return found;
}
