/**
 * An esbuild plugin for web-tree-sitter: its `marshalNode` and
 * `unmarshalNode` move a node's five words to and from wasm memory through
 * Emscripten's `setValue`/`getValue`, which match a type name on every call.
 * The evaluator reads a node's type, children and fields a few hundred
 * thousand times per run on MMSegmentation's 720 configs, each through these
 * two functions; written with the heap's `Int32Array` view, the run is ~50 ms
 * shorter (bench/). Wasm memory is little-endian, as is every host Node runs
 * on but s390x; there the original functions still run.
 *
 * The patch replaces the functions' exact text, so a web-tree-sitter release
 * that changes them fails the build instead of shipping unpatched.
 */
import { readFileSync } from 'node:fs';

const MARSHAL = `function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}`;

const UNMARSHAL = `function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");`;

const FAST = `var HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function marshalNode(node, index = 0) {
  if (!HOST_IS_LITTLE_ENDIAN) return marshalNodeByValue(node, index);
  const heap = C.HEAP32;
  const at = (TRANSFER_BUFFER + index * SIZE_OF_NODE) >> 2;
  heap[at] = node.id;
  heap[at + 1] = node.startIndex;
  heap[at + 2] = node.startPosition.row;
  heap[at + 3] = node.startPosition.column;
  heap[at + 4] = node[0];
}
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  if (!HOST_IS_LITTLE_ENDIAN) return unmarshalNodeByValue(tree, address);
  const heap = C.HEAP32;
  const at = address >> 2;
  const id = heap[at];
  if (id === 0) return null;
  return new Node(INTERNAL, {
    id,
    tree,
    startIndex: heap[at + 1],
    startPosition: { row: heap[at + 2], column: heap[at + 3] },
    other: heap[at + 4]
  });
}
`;

/** The module's text with the fast transfer in front of the original functions, renamed. */
export function withFastNodeTransfer(text, file) {
  const at = text.indexOf(MARSHAL);
  if (at < 0 || !text.includes(UNMARSHAL)) {
    throw new Error(
      `${file}: marshalNode/unmarshalNode are not as scripts/fast-node-transfer.mjs expects; ` +
        'update the patch for this web-tree-sitter release',
    );
  }
  return (
    text.slice(0, at) +
    FAST +
    text
      .slice(at)
      .replace('function marshalNode(', 'function marshalNodeByValue(')
      .replace('function unmarshalNode(', 'function unmarshalNodeByValue(')
  );
}

export const fastNodeTransfer = {
  name: 'fast-node-transfer',
  setup(build) {
    build.onLoad({ filter: /[\\/]web-tree-sitter[\\/]tree-sitter\.c?js$/ }, (args) => ({
      contents: withFastNodeTransfer(readFileSync(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
