/**
 * The findings as a SARIF 2.1.0 log, the format GitHub code scanning (and
 * most editors' problem views) import: one run, the tool's rules for the IDs
 * used, one result per finding located by repository-relative URI and line.
 */
import { type Finding, type Severity, sortFindings } from './findings.js';
import type { MigrationReport } from './model.js';
import { ruleDoc } from './rule-docs.js';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration?: { level: SarifLevel };
  properties?: { spec: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
      region?: { startLine: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] };
    };
    results: SarifResult[];
  }[];
}

export interface SarifOptions {
  /** The tool's version, e.g. from package.json. */
  toolVersion?: string;
  informationUri?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

function sarifRule(id: string): SarifRule {
  const doc = ruleDoc(id);
  if (!doc) return { id };
  return {
    id,
    shortDescription: { text: doc.summary },
    fullDescription: { text: doc.why },
    help: {
      text: `${doc.why}\n\nExample: ${doc.example}`,
      markdown: `${doc.why}\n\nExample: ${doc.example}`,
    },
    defaultConfiguration: { level: sarifLevel(doc.severity) },
    ...(doc.spec ? { properties: { spec: doc.spec } } : {}),
  };
}

/** A repository-relative path as a URI reference: each segment percent-encoded. */
function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function sarifResult(f: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: f.rule,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
  };
  if (f.file !== '') {
    result.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(f.file), uriBaseId: '%SRCROOT%' },
          ...(f.line > 0 ? { region: { startLine: f.line } } : {}),
        },
      },
    ];
  }
  return result;
}

export function renderSarif(report: MigrationReport, options: SarifOptions = {}): SarifLog {
  const findings = sortFindings([...report.findings, ...report.files.flatMap((f) => f.findings)]);
  const ids = [...new Set(findings.map((f) => f.rule))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mmseg-migrate',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: ids.map(sarifRule),
          },
        },
        results: findings.map((f) => sarifResult(f, index.get(f.rule) ?? 0)),
      },
    ],
  };
}
