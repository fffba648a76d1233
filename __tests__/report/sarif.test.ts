import { ruleDoc } from '../../src/report/rule-docs.js';
import { renderSarif, SARIF_SCHEMA } from '../../src/report/sarif.js';
import { f, threeFileReport } from './fixtures.js';

describe('renderSarif', () => {
  const log = renderSarif(threeFileReport(), { toolVersion: '0.1.0' });
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run of the mmseg-migrate driver', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('mmseg-migrate');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect('informationUri' in run.tool.driver).toBe(false);
  });

  it('describes exactly the rules the results use, sorted, from their documentation', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'INH-006',
      'IO-002',
      'LOOP-002',
      'LOOP-008',
      'SCHED-020',
    ]);
    const loop = run.tool.driver.rules[3];
    const doc = ruleDoc('LOOP-008')!;
    expect(loop.shortDescription).toEqual({ text: 'workflow is removed.' });
    expect(loop.fullDescription).toEqual({ text: doc.why });
    expect(loop.help).toEqual({
      text: `${doc.why}\n\nExample: ${doc.example}`,
      markdown: `${doc.why}\n\nExample: ${doc.example}`,
    });
    expect(loop.defaultConfiguration).toEqual({ level: 'warning' });
    expect(run.tool.driver.rules[2].defaultConfiguration).toEqual({ level: 'note' });
    expect(run.tool.driver.rules[0].defaultConfiguration).toEqual({ level: 'error' });
  });

  it('gives one result per finding with rule, level, message and location', () => {
    expect(run.results).toHaveLength(5);
    const [inh, fcn2, fcn4, fcn9, io] = run.results;
    expect(inh).toEqual({
      ruleId: 'INH-006',
      ruleIndex: 0,
      level: 'error',
      message: { text: "both bases define 'model'" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'configs/deeplab/dl_r50.py', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1 },
          },
        },
      ],
    });
    expect([fcn2.ruleId, fcn2.ruleIndex, fcn2.level]).toEqual(['LOOP-002', 2, 'note']);
    expect(fcn2.locations![0].physicalLocation.region).toEqual({ startLine: 2 });
    expect([fcn4.ruleId, fcn4.ruleIndex, fcn4.level]).toEqual(['SCHED-020', 4, 'note']);
    expect([fcn9.ruleId, fcn9.ruleIndex, fcn9.level]).toEqual(['LOOP-008', 3, 'warning']);
    expect(fcn9.message).toEqual({ text: 'workflow is removed' });
    // Line 0 is the whole file: a location without a region.
    expect(io.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'data/weights.py', uriBaseId: '%SRCROOT%' },
        },
      },
    ]);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
  });

  it('percent-encodes paths, omits locations without a file, and keeps undocumented rules by ID', () => {
    const report = {
      root: '/r',
      files: [],
      findings: [
        f('NEW-001', 'warning', 'docs/my notes#1.py', 3, 'x'),
        f('IO-001', 'error', '', 0, 'no file'),
      ],
    };
    const [single] = renderSarif(report).runs;
    expect(single.tool.driver).toEqual({
      name: 'mmseg-migrate',
      rules: [expect.objectContaining({ id: 'IO-001' }), { id: 'NEW-001' }],
    });
    expect(single.results[0]).toEqual({
      ruleId: 'IO-001',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'no file' },
    });
    expect(single.results[1].locations![0].physicalLocation.artifactLocation.uri).toBe(
      'docs/my%20notes%231.py',
    );
  });
});
