/**
 * Python's `repr` of config data, so a golden test reads like `print(cfg)`
 * and checks key order, int/float and list/tuple at once.
 */
import { pyFloatRepr, type Value } from '../../src/python/values.js';

export function pyRepr(v: Value): string {
  switch (v.t) {
    case 'none':
      return 'None';
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'int':
      return String(v.v);
    case 'float':
      return pyFloatRepr(v.v);
    case 'str':
      return `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1
        ? `(${pyRepr(v.items[0])},)`
        : `(${v.items.map(pyRepr).join(', ')})`;
    case 'dict':
      return `{${[...v.entries].map(([k, x]) => `${typeof k === 'string' ? pyRepr({ t: 'str', v: k }) : k}: ${pyRepr(x)}`).join(', ')}}`;
    case 'opaque':
      return `<opaque ${v.src}>`;
    case 'baseref':
      return `{{_base_.${v.path.join('.')}}}`;
  }
}
