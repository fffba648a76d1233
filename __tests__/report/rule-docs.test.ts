import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentedRuleIds, ruleDoc } from '../../src/report/rule-docs.js';

const rulesDir = fileURLToPath(new URL('../../rules', import.meta.url));

describe('ruleDoc', () => {
  it('knows every rule documented in every rules/*.json file, with the same fields', () => {
    const ids: string[] = [];
    for (const name of readdirSync(rulesDir).filter((n) => n.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(rulesDir, name), 'utf8')) as {
        rules?: Record<
          string,
          { severity: string; summary: string; why: string; example: string; spec?: string }
        >;
      };
      for (const [id, doc] of Object.entries(data.rules ?? {})) {
        ids.push(id);
        expect({ file: name, doc: ruleDoc(id) }).toEqual({
          file: name,
          doc: {
            id,
            severity: doc.severity,
            summary: doc.summary,
            why: doc.why,
            example: doc.example,
            ...(doc.spec ? { spec: doc.spec } : {}),
          },
        });
      }
    }
    expect(documentedRuleIds()).toEqual([...ids].sort());
  });

  it('is undefined for an ID no rule file documents', () => {
    expect(ruleDoc('NOPE-001')).toBeUndefined();
  });
});
