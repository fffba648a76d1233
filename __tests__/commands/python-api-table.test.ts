/**
 * The API name table (rules/api.json): lookups by module path, and every
 * rule it can report is documented next to it.
 */
import table from '../../rules/api.json' with { type: 'json' };
import { lookupName, tableRuleIds } from '../../src/commands/python-api-table.js';

describe('lookupName', () => {
  it('finds a name through the package that re-exports it', () => {
    expect(lookupName('mmcv.runner.checkpoint', 'load_checkpoint')).toEqual({
      kind: 'move',
      rule: 'API-023',
      severity: 'info',
      module: 'mmengine.runner',
      name: 'load_checkpoint',
      hint: undefined,
    });
  });

  it('renames where 1.x renamed', () => {
    expect(lookupName('mmseg.apis', 'init_segmentor')).toMatchObject({
      kind: 'move',
      module: 'mmseg.apis',
      name: 'init_model',
    });
  });

  it('keeps names that exist unchanged in mmcv 2.x and mmseg 1.x', () => {
    expect(lookupName('mmcv', 'imread')).toEqual({ kind: 'keep' });
    expect(lookupName('mmcv', 'cnn')).toEqual({ kind: 'keep' });
    expect(lookupName('mmseg.apis', 'init_model')).toEqual({ kind: 'keep' });
    expect(lookupName('mmcv.cnn.bricks', 'ConvModule')).toBeUndefined();
    expect(lookupName('mmseg.datasets', 'CityscapesDataset')).toBeUndefined();
  });

  it('reports unknown names of removed or reduced modules, and removed submodules', () => {
    expect(lookupName('mmcv.runner', 'no_such_thing')).toEqual({
      kind: 'missing',
      rule: 'API-040',
      severity: 'warning',
      module: 'mmcv.runner',
    });
    expect(lookupName('mmcv', 'assert_dict_has_keys')).toMatchObject({
      kind: 'missing',
      module: 'mmcv',
    });
    expect(lookupName('mmcv', 'parallel')).toMatchObject({
      kind: 'missing',
      module: 'mmcv.parallel',
    });
  });

  it('ignores modules outside mmcv and mmseg', () => {
    expect(lookupName('mmengine.config', 'Config')).toBeUndefined();
    expect(lookupName('torch', 'nn')).toBeUndefined();
  });
});

describe('rules/api.json', () => {
  it('documents every rule the name table reports', () => {
    const documented = new Set(Object.keys(table.rules));
    expect(tableRuleIds().filter((id) => !documented.has(id))).toEqual([]);
  });

  it('names each moved module as a real module path', () => {
    for (const entry of table.names) {
      const to = (entry as { to?: string }).to;
      if (to !== undefined) expect(to).toMatch(/^(mmengine|mmcv|mmseg)(\.[a-z_]+)*$/);
    }
  });
});
