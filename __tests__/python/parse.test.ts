import { initParsers, parseBash, parsePython } from '../../src/python/parse.js';

beforeAll(() => initParsers({ bash: true }));

describe('parsers', () => {
  it('parses Python with offsets in JS string units', () => {
    const src = "x = 'é'\ny = {{_base_.a}}\n";
    const tree = parsePython(src);
    const second = tree.rootNode.namedChild(1)!;
    expect(second.startIndex).toBe(src.indexOf('y ='));
    expect(tree.rootNode.hasError).toBe(false);
  });
  it('flags a syntax error', () => {
    expect(parsePython('model = dict(\n').rootNode.hasError).toBe(true);
  });
  it('parses Bash', () => {
    const tree = parseBash('python tools/train.py configs/a.py --work-dir w\n');
    expect(tree.rootNode.namedChild(0)!.type).toBe('command');
  });
});
