import { readFlagResult, writeFlagResult } from '../../src/github/flag-result.js';
import type { FlagPlan } from '../../src/flag/plan.js';

const HEAD = 'a'.repeat(40);
const plan: FlagPlan = {
  filterMode: 'added',
  items: [
    {
      key: '0123abcd',
      rule: 'FLAG-001',
      severity: 'warning',
      file: 'README.md',
      line: 4,
      message: 'm',
    },
  ],
  suggestions: [
    { key: '0123abcd', path: 'README.md', start: 4, end: 4, lines: ['new'], findings: [] },
  ],
  converted: [{ path: 'configs/a.py', text: 'x = 1\n', added: true }],
  analysed: 2,
};
const expected = { pullNumber: 7, headSha: HEAD, paths: new Set(['README.md', 'configs/a.py']) };

describe('the saved flag result', () => {
  it('reads back what a run wrote for the same pull request and commit', () => {
    const json = writeFlagResult({ pullNumber: 7, headSha: HEAD, plan });
    expect(readFlagResult(json, expected)).toEqual({
      version: 1,
      pullNumber: 7,
      headSha: HEAD,
      plan,
    });
  });

  it.each([
    ['another pull request', { pullNumber: 8 }, 'it is about pull request #8, not #7'],
    ['another commit', { headSha: 'b'.repeat(40) }, `not at the run's head ${HEAD}`],
    [
      'a path outside the pull request',
      {
        plan: { ...plan, converted: [{ path: '.github/workflows/x.yml', text: '', added: true }] },
      },
      '.github/workflows/x.yml is not a file of the pull request',
    ],
    [
      'a rule that is not an ID',
      { plan: { ...plan, items: [{ ...plan.items[0], rule: '<img src=x>' }] } },
      '<img src=x> is not a rule ID',
    ],
    [
      'an empty suggestion range',
      { plan: { ...plan, suggestions: [{ ...plan.suggestions[0], start: 5, end: 4 }] } },
      'a suggestion range is empty',
    ],
  ])('refuses a result about %s', (_what, change, message) => {
    const json = JSON.stringify({ version: 1, pullNumber: 7, headSha: HEAD, plan, ...change });
    expect(() => readFlagResult(json, expected)).toThrow(message);
  });

  it('refuses what is not JSON or not of a known version', () => {
    expect(() => readFlagResult('{', expected)).toThrow('it is not JSON');
    expect(() => readFlagResult('{"version":2}', expected)).toThrow('its version is unknown');
  });
});
