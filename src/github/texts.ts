/**
 * The report in each place the action puts it: the pull request body (the
 * verdict and the file table, the most urgent findings when they fit), the
 * sticky comment (the full report within GitHub's limit), the job summary and
 * the report file.
 */
import { GITHUB_BODY_LIMIT, renderMarkdown } from '../report/markdown.js';
import type { MigrationReport } from '../report/model.js';

/** Room the pull request body gives the report: the table and the first findings. */
export const PULL_BODY_BUDGET = 8000;
/** Room kept in a comment for the marker and a notice above the report. */
export const COMMENT_RESERVE = 2000;
/**
 * The job summary holds 1 MiB per step; a UTF-16 code unit is at most three
 * UTF-8 bytes, so this many code units always fit.
 */
export const JOB_SUMMARY_BUDGET = Math.floor((1024 * 1024) / 3) - 1000;

export interface ReportPlace {
  /** `https://github.com/owner/repo`. */
  repositoryUrl: string;
  /** The branch the changed files can be read on. */
  branch: string;
  /** The workflow run whose job summary and artifacts hold the whole report. */
  runUrl?: string;
  /** Folder of the migrated tree inside the repository (`''` for its root). */
  prefix: string;
  /** The commit the files were read from. */
  sha?: string;
}

function fileUrl(place: ReportPlace): (path: string) => string {
  return (path) =>
    `${place.repositoryUrl}/blob/${place.branch.split('/').map(encodeURIComponent).join('/')}/${place.prefix}${path}`;
}

export function pullRequestBody(report: MigrationReport, place: ReportPlace): string {
  const from = place.sha ? ` from ${place.sha}` : '';
  const lead =
    `This pull request moves the repository from MMSegmentation 0.x to 1.x (OpenMMLab 2.0)${from}. ` +
    'Every converted config was resolved again and compared with its conversion; files that did not verify keep their old text. ' +
    'The findings are in the report comment below.\n\n';
  return (
    lead +
    renderMarkdown(report, {
      maxChars: PULL_BODY_BUDGET - lead.length,
      details: false,
      fileUrl: fileUrl(place),
      ...(place.runUrl ? { detailsUrl: place.runUrl } : {}),
    })
  );
}

export function commentText(report: MigrationReport, place: ReportPlace): string {
  return renderMarkdown(report, {
    maxChars: GITHUB_BODY_LIMIT - COMMENT_RESERVE,
    title: 'mmseg-migrate report',
    fileUrl: fileUrl(place),
    ...(place.runUrl ? { detailsUrl: place.runUrl } : {}),
  });
}

export function jobSummaryText(report: MigrationReport, outcome: string, runUrl?: string): string {
  return (
    `${outcome}\n\n` +
    renderMarkdown(report, {
      maxChars: JOB_SUMMARY_BUDGET,
      title: 'mmseg-migrate report',
      ...(runUrl ? { detailsUrl: runUrl } : {}),
    })
  );
}

export function fullReportText(report: MigrationReport): string {
  return renderMarkdown(report, { maxChars: Infinity, title: 'mmseg-migrate report' });
}
