/**
 * An in-memory GitHub that answers the REST routes the action uses with
 * GitHub's response shapes: git commits, trees, refs, compare, branches,
 * pulls, issue labels/assignees/comments (paginated with a Link header) and
 * review requests, and for the pull-request bot a pull request's files with
 * their patches (computed from the two trees), its review comments and
 * reviews, validated the way GitHub validates them. It records every
 * request, and can be told to fail the next requests of a route or to answer
 * every write with 403 (a read-only token), so the same fake serves the nock
 * tests (in process) and the end-to-end tests (over HTTP).
 */
import { createHash } from 'node:crypto';
import { structuredPatch } from 'diff';

export interface FakeRequest {
  method: string;
  /** Path with query, as sent (percent-encoded). */
  url: string;
  /** `METHOD /path` with the path decoded and the query removed. */
  route: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
}

interface TreeEntry {
  mode: string;
  content: string;
}

interface Pull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  draft: boolean;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  teams: string[];
  /** `owner/name` of the repository the head branch lives in (a fork's differs); `null`: deleted. */
  headRepo: string | null;
}

interface Comment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

/** A review comment as stored: where it was made, on the commit it was made on. */
interface ReviewComment {
  id: number;
  pull: number;
  review: number;
  path: string;
  commitId: string;
  side: 'LEFT' | 'RIGHT';
  line: number;
  startLine: number | null;
  startSide: 'LEFT' | 'RIGHT' | null;
  body: string;
  user: string;
}

interface Review {
  id: number;
  pull: number;
  commitId: string;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING';
  user: string;
}

/** One `@@` hunk of a file's patch, with both sides' line ranges. */
interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The hunk's lines, each with its mark: space, `-`, `+`, or a backslash for "No newline at end of file". */
  lines: string[];
}

/** A file of a pull request, as the fake computes it from the two trees. */
export interface PullFileDiff {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previousPath?: string;
  /** Head content (base content for a removed file). */
  content: string;
  hunks: Hunk[];
  additions: number;
  deletions: number;
}

/** GitHub's cap on the files `GET /pulls/{n}/files` lists. */
export const PULL_FILES_CAP = 3000;

const BOT = 'github-actions[bot]';

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function error(
  status: number,
  message: string,
  doc = 'https://docs.github.com/rest',
): FakeResponse {
  return { status, body: { message, documentation_url: doc, status: String(status) } };
}

/** GitHub's 422 for a review it cannot place: the reasons as plain strings. */
function unprocessable(errors: string[], doc: string): FakeResponse {
  return {
    status: 422,
    body: { message: 'Unprocessable Entity', errors, documentation_url: doc, status: '422' },
  };
}

/** A git blob's object id. */
function blobSha(content: string): string {
  return sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
}

/** A unified-diff range as git writes it: the count left out when it is 1, an empty side names the line before. */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}

function hunkHeader(h: Hunk): string {
  return `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
}

/** The `patch` field: the hunks without file headers and without a final line break, as GitHub sends it. */
export function patchText(hunks: readonly Hunk[]): string {
  return hunks.flatMap((h) => [hunkHeader(h), ...h.lines]).join('\n');
}

/** The lines of a text, as the line numbers of a diff count them. */
function textLines(content: string): string[] {
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The file lines one side of a hunk shows: the lines a review comment on that side may name. */
function sideLines(h: Hunk, side: 'LEFT' | 'RIGHT'): number[] {
  const out: number[] = [];
  let line = side === 'RIGHT' ? h.newStart : h.oldStart;
  const skip = side === 'RIGHT' ? '-' : '+';
  for (const l of h.lines) {
    if (l[0] === '\\' || l[0] === skip) continue;
    out.push(line);
    line += 1;
  }
  return out;
}

/** The paging GitHub does for list routes: `per_page` (at most 100) and `page`, with a Link header. */
function page<T>(
  all: readonly T[],
  query: URLSearchParams,
  urlOf: (perPage: number, page: number) => string,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30)));
  const current = Math.max(1, Number(query.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((current - 1) * perPage, current * perPage);
  const links: string[] = [];
  if (current > 1) links.push(`<${urlOf(perPage, current - 1)}>; rel="prev"`);
  if (current < last) links.push(`<${urlOf(perPage, current + 1)}>; rel="next"`);
  if (current < last) links.push(`<${urlOf(perPage, last)}>; rel="last"`);
  if (current > 1) links.push(`<${urlOf(perPage, 1)}>; rel="first"`);
  return { items, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

export interface Fault {
  method: string;
  route: RegExp;
  response: FakeResponse;
  times: number;
}

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly trees = new Map<string, Map<string, TreeEntry>>();
  readonly commits = new Map<string, Commit>();
  readonly refs = new Map<string, string>();
  readonly pulls: Pull[] = [];
  readonly comments: Comment[] = [];
  readonly reviews: Review[] = [];
  readonly reviewComments: ReviewComment[] = [];
  private faults: Fault[] = [];
  private counter = 0;
  private nextComment = 5000;
  private nextReview = 80000;
  private nextReviewComment = 90000;
  /** Every write answers 403, as with the read-only token of a fork's pull request. */
  private writesDenied = false;

  constructor(
    readonly owner = 'octo',
    readonly repo = 'seg',
    readonly defaultBranch = 'main',
    readonly origin = 'https://api.github.com',
  ) {}

  /** A commit of `files` on `branch` (its head, or none) by `author`; a `null` content deletes the file. */
  commit(
    branch: string,
    files: Record<string, string | null>,
    message: string,
    author = 'alice',
  ): string {
    const parent = this.refs.get(branch);
    const base = parent
      ? this.trees.get(this.commits.get(parent)!.tree)!
      : new Map<string, TreeEntry>();
    const tree = new Map(base);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, { mode: '100644', content });
    }
    const treeSha = this.storeTree(tree);
    const sha = this.storeCommit({
      tree: treeSha,
      parents: parent ? [parent] : [],
      message,
      author,
    });
    this.refs.set(branch, sha);
    return sha;
  }

  /** A branch at `from`'s head. */
  branch(name: string, from: string): string {
    const sha = this.refs.get(from);
    if (!sha) throw new Error(`no branch ${from}`);
    this.refs.set(name, sha);
    return sha;
  }

  /**
   * A pull request from branch `head` into `base`, as someone opens it.
   * `headRepo`: the repository `head` lives in, for a fork's pull request
   * (its commits are stored here, as GitHub keeps them under `refs/pull`).
   */
  openPull(
    head: string,
    base: string,
    options: { title?: string; headRepo?: string | null } = {},
  ): number {
    const pull: Pull = {
      number: this.pulls.length + 1,
      title: options.title ?? `Changes from ${head}`,
      body: '',
      head,
      base,
      state: 'open',
      draft: false,
      labels: [],
      assignees: [],
      reviewers: [],
      teams: [],
      headRepo: options.headRepo === undefined ? `${this.owner}/${this.repo}` : options.headRepo,
    };
    this.pulls.push(pull);
    return pull.number;
  }

  /** The `pull_request` event payload GitHub gives a workflow run for pull request `number`. */
  pullEvent(number: number, action = 'synchronize') {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    return {
      action,
      number,
      pull_request: this.pullJson(pull),
      repository: this.repoJson(`${this.owner}/${this.repo}`),
      sender: this.user((pull.headRepo ?? this.owner).split('/')[0]),
    };
  }

  /** Every write request from now on answers 403, like a read-only `GITHUB_TOKEN`; `false` lifts it. */
  denyWrites(denied = true): void {
    this.writesDenied = denied;
  }

  /**
   * The files pull request `number` changes at head commit `headSha` (its
   * current head by default), against the merge base with its base branch,
   * in path order, with their hunks (3 lines of context, as GitHub shows).
   */
  pullFiles(number: number, headSha?: string): PullFileDiff[] {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    const head = headSha ?? this.refs.get(pull.head)!;
    const base = this.mergeBase(this.refs.get(pull.base)!, head);
    const before = base ? this.filesAt(base) : new Map<string, TreeEntry>();
    const after = this.filesAt(head);
    const removed = [...before.keys()].filter((p) => !after.has(p));
    const renamedFrom = new Map<string, string>();
    for (const [path, entry] of after) {
      if (before.has(path)) continue;
      const from = removed.find(
        (r) => before.get(r)!.content === entry.content && ![...renamedFrom.values()].includes(r),
      );
      if (from !== undefined) renamedFrom.set(path, from);
    }
    const renamedAway = new Set(renamedFrom.values());
    const files: PullFileDiff[] = [];
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(path)?.content;
      const now = after.get(path)?.content;
      if (old === now || renamedAway.has(path)) continue;
      const from = renamedFrom.get(path);
      const status =
        from !== undefined
          ? 'renamed'
          : old === undefined
            ? 'added'
            : now === undefined
              ? 'removed'
              : 'modified';
      const { hunks } =
        from !== undefined
          ? { hunks: [] as Hunk[] }
          : structuredPatch(path, path, old ?? '', now ?? '', '', '', { context: 3 });
      const count = (mark: string) =>
        hunks.reduce((n, h) => n + h.lines.filter((l) => l[0] === mark).length, 0);
      files.push({
        path,
        status,
        ...(from !== undefined ? { previousPath: from } : {}),
        content: now ?? old ?? '',
        hunks,
        additions: count('+'),
        deletions: count('-'),
      });
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Makes the next `times` requests matching `method` and `route` (decoded path) fail. */
  fail(method: string, route: RegExp, response: FakeResponse, times = 1): void {
    this.faults.push({ method, route, response, times });
  }

  /** The files of a commit's tree. */
  filesAt(commitSha: string): Map<string, TreeEntry> {
    return this.trees.get(this.commits.get(commitSha)!.tree)!;
  }

  routes(): string[] {
    return this.requests.map((r) => r.route);
  }

  private storeTree(tree: Map<string, TreeEntry>): string {
    const sorted = [...tree].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = sha1(JSON.stringify(sorted));
    this.trees.set(sha, tree);
    return sha;
  }

  private storeCommit(commit: Omit<Commit, 'sha'>): string {
    this.counter += 1;
    const sha = sha1(`${JSON.stringify(commit)}\0${this.counter}`);
    this.commits.set(sha, { ...commit, sha });
    return sha;
  }

  private api(path: string): string {
    return `${this.origin}/repos/${this.owner}/${this.repo}${path}`;
  }

  private web(path: string): string {
    return `https://github.com/${this.owner}/${this.repo}${path}`;
  }

  private user(login: string) {
    return { login, id: sha1(login).length, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
  }

  private commitJson(c: Commit) {
    const person = {
      name: c.author,
      email: `${c.author}@users.noreply.github.com`,
      date: '2025-01-01T00:00:00Z',
    };
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 8)}`,
      url: this.api(`/git/commits/${c.sha}`),
      html_url: this.web(`/commit/${c.sha}`),
      author: person,
      committer:
        c.author === BOT
          ? { name: 'GitHub', email: 'noreply@github.com', date: person.date }
          : person,
      tree: { sha: c.tree, url: this.api(`/git/trees/${c.tree}`) },
      message: c.message,
      parents: c.parents.map((p) => ({
        sha: p,
        url: this.api(`/git/commits/${p}`),
        html_url: this.web(`/commit/${p}`),
      })),
      verification: {
        verified: c.author === BOT,
        reason: c.author === BOT ? 'valid' : 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  /** A commit as the commits and compare APIs list it. */
  private listedCommit(c: Commit) {
    const git = this.commitJson(c);
    return {
      sha: c.sha,
      node_id: git.node_id,
      commit: {
        author: git.author,
        committer: git.committer,
        message: c.message,
        tree: git.tree,
        url: git.url,
        comment_count: 0,
        verification: git.verification,
      },
      url: this.api(`/commits/${c.sha}`),
      html_url: git.html_url,
      author: this.user(c.author),
      committer: this.user(c.author === BOT ? 'web-flow' : c.author),
      parents: git.parents.map(({ sha, url, html_url }) => ({ sha, url, html_url })),
    };
  }

  private refJson(branch: string) {
    const sha = this.refs.get(branch)!;
    return {
      ref: `refs/heads/${branch}`,
      node_id: `REF_${branch}`,
      url: this.api(`/git/refs/heads/${branch}`),
      object: { sha, type: 'commit', url: this.api(`/git/commits/${sha}`) },
    };
  }

  private pullJson(p: Pull) {
    const head = this.refs.get(p.head) ?? '';
    return {
      url: this.api(`/pulls/${p.number}`),
      id: 1000 + p.number,
      node_id: `PR_${p.number}`,
      html_url: this.web(`/pull/${p.number}`),
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(BOT),
      body: p.body,
      labels: p.labels.map((name, i) => ({
        id: i + 1,
        node_id: `L_${name}`,
        name,
        color: 'ededed',
        default: false,
        description: null,
      })),
      assignee: p.assignees[0] ? this.user(p.assignees[0]) : null,
      assignees: p.assignees.map((a) => this.user(a)),
      requested_reviewers: p.reviewers.map((r) => this.user(r)),
      requested_teams: p.teams.map((slug) => ({ id: 1, slug, name: slug })),
      draft: p.draft,
      head: {
        label: `${(p.headRepo ?? this.owner).split('/')[0]}:${p.head}`,
        ref: p.head,
        sha: head,
        user: this.user((p.headRepo ?? this.owner).split('/')[0]),
        repo: p.headRepo === null ? null : this.repoJson(p.headRepo),
      },
      base: {
        label: `${this.owner}:${p.base}`,
        ref: p.base,
        sha: this.refs.get(p.base) ?? '',
        user: this.user(this.owner),
        repo: this.repoJson(`${this.owner}/${this.repo}`),
      },
    };
  }

  /** A repository as pull requests embed it. */
  private repoJson(fullName: string) {
    const [owner, name] = fullName.split('/');
    const fork = fullName !== `${this.owner}/${this.repo}`;
    return {
      id: fork ? 2 : 1,
      node_id: `R_${fullName}`,
      name,
      full_name: fullName,
      owner: this.user(owner),
      private: false,
      fork,
      html_url: `https://github.com/${fullName}`,
      url: `${this.origin}/repos/${fullName}`,
      default_branch: this.defaultBranch,
    };
  }

  private pullFileJson(f: PullFileDiff, headSha: string) {
    const encoded = f.path.split('/').map(encodeURIComponent).join('/');
    return {
      sha: blobSha(f.content),
      filename: f.path,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: this.web(`/blob/${headSha}/${encoded}`),
      raw_url: this.web(`/raw/${headSha}/${encoded}`),
      contents_url: this.api(`/contents/${encoded}?ref=${headSha}`),
      ...(f.hunks.length > 0 ? { patch: patchText(f.hunks) } : {}),
      ...(f.previousPath !== undefined ? { previous_filename: f.previousPath } : {}),
    };
  }

  /**
   * Where a review comment sits at the pull request's head: its line, or
   * `null` once the text it was made on is no longer there (GitHub then
   * calls it outdated).
   */
  private currentLine(c: ReviewComment, headSha: string): number | null {
    if (c.commitId === headSha) return c.line;
    const was = this.filesAt(c.commitId).get(c.path)?.content;
    const now = this.filesAt(headSha).get(c.path)?.content;
    if (was === undefined || now === undefined) return null;
    const old = textLines(was);
    const fresh = textLines(now);
    for (let n = c.startLine ?? c.line; n <= c.line; n += 1) {
      if (old[n - 1] !== fresh[n - 1]) return null;
    }
    return c.line;
  }

  /** A line's position in a file's patch (1 = the line under the first `@@`), and its hunk up to it. */
  private positionIn(
    file: PullFileDiff | undefined,
    side: 'LEFT' | 'RIGHT',
    line: number,
  ): { position: number; diffHunk: string } | undefined {
    if (!file) return undefined;
    let position = 0;
    for (const [i, h] of file.hunks.entries()) {
      if (i > 0) position += 1;
      let left = h.oldStart;
      let right = h.newStart;
      for (const [j, l] of h.lines.entries()) {
        position += 1;
        const mark = l[0];
        const here =
          side === 'RIGHT'
            ? mark !== '-' && mark !== '\\' && right === line
            : mark !== '+' && mark !== '\\' && left === line;
        if (here) {
          return { position, diffHunk: [hunkHeader(h), ...h.lines.slice(0, j + 1)].join('\n') };
        }
        if (mark === ' ' || mark === '-') left += 1;
        if (mark === ' ' || mark === '+') right += 1;
      }
    }
    return undefined;
  }

  private reviewCommentJson(c: ReviewComment) {
    const pull = this.pulls.find((p) => p.number === c.pull)!;
    const headSha = this.refs.get(pull.head)!;
    const line = this.currentLine(c, headSha);
    const original = this.positionIn(
      this.pullFiles(c.pull, c.commitId).find((f) => f.path === c.path),
      c.side,
      c.line,
    );
    const current =
      line === null
        ? undefined
        : this.positionIn(
            this.pullFiles(c.pull, headSha).find((f) => f.path === c.path),
            c.side,
            line,
          );
    const url = this.api(`/pulls/comments/${c.id}`);
    const html = this.web(`/pull/${c.pull}#discussion_r${c.id}`);
    const pullUrl = this.api(`/pulls/${c.pull}`);
    return {
      url,
      pull_request_review_id: c.review,
      id: c.id,
      node_id: `PRRC_${c.id}`,
      diff_hunk: original?.diffHunk ?? '',
      path: c.path,
      position: line === null ? null : (current?.position ?? null),
      original_position: original?.position ?? null,
      commit_id: line === null ? c.commitId : headSha,
      original_commit_id: c.commitId,
      user: this.user(c.user),
      body: c.body,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      html_url: html,
      pull_request_url: pullUrl,
      author_association: 'NONE',
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
      start_line: line === null ? null : c.startLine,
      original_start_line: c.startLine,
      start_side: c.startLine === null ? null : c.startSide,
      line,
      original_line: c.line,
      side: c.side,
      subject_type: 'line',
    };
  }

  private reviewJson(r: Review) {
    const html = this.web(`/pull/${r.pull}#pullrequestreview-${r.id}`);
    const pullUrl = this.api(`/pulls/${r.pull}`);
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: this.user(r.user),
      body: r.body,
      state: r.state,
      html_url: html,
      pull_request_url: pullUrl,
      author_association: 'NONE',
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      ...(r.state === 'PENDING' ? {} : { submitted_at: '2025-01-01T00:00:00Z' }),
      commit_id: r.commitId,
    };
  }

  /**
   * `POST /pulls/{n}/reviews` as GitHub checks it: every comment on a file of
   * the pull request, on a line one of that file's hunks shows on its side,
   * a multi-line comment within one hunk; one bad comment refuses the whole
   * review.
   */
  private createReview(pull: Pull, body: Record<string, unknown>): FakeResponse {
    const doc = 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request';
    const headSha = this.refs.get(pull.head)!;
    const commitId = body.commit_id === undefined ? headSha : String(body.commit_id);
    if (!this.commits.has(commitId)) return unprocessable(['Commit could not be resolved'], doc);
    const event = body.event === undefined ? 'PENDING' : String(body.event);
    const states: Record<string, Review['state']> = {
      APPROVE: 'APPROVED',
      REQUEST_CHANGES: 'CHANGES_REQUESTED',
      COMMENT: 'COMMENTED',
      PENDING: 'PENDING',
    };
    if (!(event in states)) return unprocessable([`Event ${event} is not valid`], doc);
    const text = typeof body.body === 'string' ? body.body : '';
    const asked = (body.comments ?? []) as Array<Record<string, unknown>>;
    if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && text === '' && asked.length === 0) {
      return unprocessable(['Body is required'], doc);
    }
    const files = this.pullFiles(pull.number, commitId);
    const review: Review = {
      id: this.nextReview++,
      pull: pull.number,
      commitId,
      body: text,
      state: states[event],
      user: BOT,
    };
    const made: ReviewComment[] = [];
    for (const c of asked) {
      const file = files.find((f) => f.path === c.path);
      if (!file) return unprocessable(['Path could not be resolved'], doc);
      const side = c.side === 'LEFT' ? 'LEFT' : 'RIGHT';
      const line = Number(c.line);
      const hunk = file.hunks.find((h) => sideLines(h, side).includes(line));
      if (!Number.isInteger(line) || !hunk)
        return unprocessable(['Line could not be resolved'], doc);
      let startLine: number | null = null;
      if (c.start_line !== undefined) {
        startLine = Number(c.start_line);
        const startSide = c.start_side === 'LEFT' ? 'LEFT' : side;
        if (!(startLine < line) || !sideLines(hunk, startSide).includes(startLine)) {
          return unprocessable(
            ['Pull request review thread start line must be part of the same hunk as the line.'],
            doc,
          );
        }
      }
      made.push({
        id: this.nextReviewComment++,
        pull: pull.number,
        review: review.id,
        path: file.path,
        commitId,
        side,
        line,
        startLine,
        startSide: startLine === null ? null : c.start_side === 'LEFT' ? 'LEFT' : side,
        body: String(c.body ?? ''),
        user: BOT,
      });
    }
    this.reviews.push(review);
    this.reviewComments.push(...made);
    return { status: 200, body: this.reviewJson(review) };
  }

  private commentJson(c: Comment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: this.api(`/issues/comments/${c.id}`),
      html_url: this.web(`/pull/${c.issue}#issuecomment-${c.id}`),
      body: c.body,
      user: this.user(c.user),
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      issue_url: this.api(`/issues/${c.issue}`),
      author_association: 'NONE',
    };
  }

  /**
   * PATCH or DELETE of comment `id` in `list`: GitHub edits and deletes issue
   * comments and review comments alike. `undefined` for any other method.
   */
  private editComment<C extends { id: number; body: string }>(
    list: C[],
    id: number,
    method: string,
    body: Record<string, unknown>,
    json: (c: C) => unknown,
  ): FakeResponse | undefined {
    const comment = list.find((c) => c.id === id);
    if (!comment) return error(404, 'Not Found');
    if (method === 'PATCH') {
      comment.body = String(body.body);
      return { status: 200, body: json(comment) };
    }
    if (method === 'DELETE') {
      list.splice(list.indexOf(comment), 1);
      return { status: 204 };
    }
    return undefined;
  }

  private resolveCommit(name: string): string | undefined {
    if (this.commits.has(name)) return name;
    return this.refs.get(name);
  }

  /** The nearest commit both `a` and `b` reach: what a pull request's diff starts from. */
  private mergeBase(a: string, b: string): string | undefined {
    const reach = this.ancestors(a);
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (reach.has(s)) return s;
      if (seen.has(s)) continue;
      seen.add(s);
      queue.push(...(this.commits.get(s)?.parents ?? []));
    }
    return undefined;
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  /** Commits reachable from `head` and not from `base`, oldest first (in creation order). */
  private between(base: string, head: string): Commit[] {
    const old = this.ancestors(base);
    const reach = this.ancestors(head);
    return [...this.commits.values()].filter((c) => reach.has(c.sha) && !old.has(c.sha));
  }

  /** Answers one request; records it first. */
  handle(
    method: string,
    url: string,
    body: unknown,
    headers: FakeRequest['headers'] = {},
  ): FakeResponse {
    const parsed = new URL(url, this.origin);
    const path = decodeURIComponent(parsed.pathname);
    const route = `${method} ${path}`;
    this.requests.push({ method, url: parsed.pathname + parsed.search, route, body, headers });
    const fault = this.faults.find((f) => f.method === method && f.route.test(path) && f.times > 0);
    if (fault) {
      fault.times -= 1;
      return fault.response;
    }
    if (this.writesDenied && method !== 'GET') {
      return error(403, 'Resource not accessible by integration');
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(prefix)) return error(404, 'Not Found');
    return this.route(
      method,
      path.slice(prefix.length),
      parsed.searchParams,
      (body ?? {}) as Record<string, unknown>,
    );
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): FakeResponse {
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '') {
      return {
        status: 200,
        body: {
          id: 1,
          name: this.repo,
          full_name: `${this.owner}/${this.repo}`,
          default_branch: this.defaultBranch,
          private: false,
        },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/git\/commits\/([0-9a-f]{40})$/))) {
      const c = this.commits.get(m[1]);
      return c ? { status: 200, body: this.commitJson(c) } : error(404, 'Not Found');
    }
    if (method === 'GET' && (m = path.match(/^\/branches\/(.+)$/))) {
      const sha = this.refs.get(m[1]);
      if (!sha) return error(404, 'Branch not found');
      return {
        status: 200,
        body: { name: m[1], commit: this.listedCommit(this.commits.get(sha)!), protected: false },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/compare\/(.+?)\.\.\.(.+)$/))) {
      const base = this.resolveCommit(m[1]);
      const head = this.resolveCommit(m[2]);
      if (!base || !head)
        return error(
          404,
          'Not Found',
          'https://docs.github.com/rest/commits/commits#compare-two-commits',
        );
      const ahead = this.between(base, head);
      const behind = this.between(head, base);
      const perPage = Number(query.get('per_page') ?? 250);
      return {
        status: 200,
        body: {
          url: this.api(`/compare/${m[1]}...${m[2]}`),
          status:
            ahead.length > 0
              ? behind.length > 0
                ? 'diverged'
                : 'ahead'
              : behind.length > 0
                ? 'behind'
                : 'identical',
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          base_commit: this.listedCommit(this.commits.get(base)!),
          commits: ahead.slice(0, perPage).map((c) => this.listedCommit(c)),
          files: [],
        },
      };
    }
    if (method === 'POST' && path === '/git/trees') {
      const base = body.base_tree
        ? this.trees.get(String(body.base_tree))
        : new Map<string, TreeEntry>();
      if (!base) return error(422, 'Invalid tree info');
      const tree = new Map(base);
      for (const e of body.tree as Array<{ path: string; mode: string; content: string }>) {
        tree.set(e.path, { mode: e.mode, content: e.content });
      }
      const sha = this.storeTree(tree);
      return {
        status: 201,
        body: { sha, url: this.api(`/git/trees/${sha}`), tree: [], truncated: false },
      };
    }
    if (method === 'POST' && path === '/git/commits') {
      if (!this.trees.has(String(body.tree))) return error(422, 'Tree SHA does not exist');
      const sha = this.storeCommit({
        tree: String(body.tree),
        parents: body.parents as string[],
        message: String(body.message),
        author: BOT,
      });
      return { status: 201, body: this.commitJson(this.commits.get(sha)!) };
    }
    if (method === 'POST' && path === '/git/refs') {
      const branch = String(body.ref).replace(/^refs\/heads\//, '');
      if (this.refs.has(branch)) return error(422, 'Reference already exists');
      this.refs.set(branch, String(body.sha));
      return { status: 201, body: this.refJson(branch) };
    }
    if (method === 'PATCH' && (m = path.match(/^\/git\/refs\/heads\/(.+)$/))) {
      const current = this.refs.get(m[1]);
      if (!current) return error(422, 'Reference does not exist');
      if (!body.force && !this.ancestors(String(body.sha)).has(current))
        return error(422, 'Update is not a fast forward');
      this.refs.set(m[1], String(body.sha));
      return { status: 200, body: this.refJson(m[1]) };
    }
    if (method === 'DELETE' && (m = path.match(/^\/git\/refs\/heads\/(.+)$/))) {
      if (!this.refs.delete(m[1])) return error(422, 'Reference does not exist');
      for (const p of this.pulls) if (p.head === m[1]) p.state = 'closed';
      return { status: 204 };
    }
    if (method === 'GET' && path === '/pulls') {
      const head = query.get('head');
      const state = query.get('state') ?? 'open';
      const found = this.pulls.filter(
        (p) =>
          (!head || `${this.owner}:${p.head}` === head) && (state === 'all' || p.state === state),
      );
      return { status: 200, body: found.map((p) => this.pullJson(p)) };
    }
    if (method === 'POST' && path === '/pulls') {
      const head = String(body.head);
      if (this.pulls.some((p) => p.head === head && p.state === 'open')) {
        return {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'PullRequest',
                code: 'custom',
                message: `A pull request already exists for ${this.owner}:${head}.`,
              },
            ],
            documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
            status: '422',
          },
        };
      }
      const pull: Pull = {
        number: this.pulls.length + 1,
        title: String(body.title),
        body: String(body.body ?? ''),
        head,
        base: String(body.base),
        state: 'open',
        draft: Boolean(body.draft),
        labels: [],
        assignees: [],
        reviewers: [],
        teams: [],
        headRepo: `${this.owner}/${this.repo}`,
      };
      this.pulls.push(pull);
      return { status: 201, body: this.pullJson(pull) };
    }
    if ((m = path.match(/^\/pulls\/(\d+)\/(files|comments|reviews)$/))) {
      const number = Number(m[1]);
      const pull = this.pulls.find((p) => p.number === number);
      if (!pull) return error(404, 'Not Found');
      const headSha = this.refs.get(pull.head)!;
      if (method === 'GET' && m[2] === 'files') {
        const all = this.pullFiles(number).slice(0, PULL_FILES_CAP);
        const { items, headers } = page(all, query, (perPage, n) =>
          this.api(`/pulls/${number}/files?per_page=${perPage}&page=${n}`),
        );
        return { status: 200, body: items.map((f) => this.pullFileJson(f, headSha)), headers };
      }
      if (method === 'GET' && m[2] === 'comments') {
        const all = this.reviewComments.filter((c) => c.pull === number);
        const { items, headers } = page(all, query, (perPage, n) =>
          this.api(`/pulls/${number}/comments?per_page=${perPage}&page=${n}`),
        );
        return { status: 200, body: items.map((c) => this.reviewCommentJson(c)), headers };
      }
      if (method === 'POST' && m[2] === 'reviews') return this.createReview(pull, body);
    }
    if ((m = path.match(/^\/pulls\/comments\/(\d+)$/))) {
      const answer = this.editComment(this.reviewComments, Number(m[1]), method, body, (c) =>
        this.reviewCommentJson(c),
      );
      if (answer) return answer;
    }
    if ((m = path.match(/^\/pulls\/(\d+)(\/requested_reviewers)?$/))) {
      const pull = this.pulls.find((p) => p.number === Number(m![1]));
      if (!pull) return error(404, 'Not Found');
      if (method === 'GET' && !m[2]) return { status: 200, body: this.pullJson(pull) };
      if (method === 'PATCH' && !m[2]) {
        if (typeof body.title === 'string') pull.title = body.title;
        if (typeof body.body === 'string') pull.body = body.body;
        if (body.state === 'closed' || body.state === 'open') pull.state = body.state;
        return { status: 200, body: this.pullJson(pull) };
      }
      if (method === 'POST' && m[2]) {
        pull.reviewers.push(...((body.reviewers as string[]) ?? []));
        pull.teams.push(...((body.team_reviewers as string[]) ?? []));
        return { status: 201, body: this.pullJson(pull) };
      }
    }
    if ((m = path.match(/^\/issues\/(\d+)\/(labels|assignees|comments)$/))) {
      const number = Number(m[1]);
      const pull = this.pulls.find((p) => p.number === number);
      if (!pull) return error(404, 'Not Found');
      if (method === 'POST' && m[2] === 'labels') {
        pull.labels.push(...(body.labels as string[]));
        return { status: 200, body: this.pullJson(pull).labels };
      }
      if (method === 'POST' && m[2] === 'assignees') {
        pull.assignees.push(...(body.assignees as string[]));
        return {
          status: 201,
          body: { ...this.pullJson(pull), pull_request: { url: this.api(`/pulls/${number}`) } },
        };
      }
      if (method === 'POST' && m[2] === 'comments') {
        const comment = {
          id: this.nextComment++,
          issue: number,
          body: String(body.body),
          user: BOT,
        };
        this.comments.push(comment);
        return { status: 201, body: this.commentJson(comment) };
      }
      if (method === 'GET' && m[2] === 'comments') {
        const all = this.comments.filter((c) => c.issue === number);
        const { items, headers } = page(all, query, (perPage, n) =>
          this.api(`/issues/${number}/comments?per_page=${perPage}&page=${n}`),
        );
        return { status: 200, body: items.map((c) => this.commentJson(c)), headers };
      }
    }
    if ((m = path.match(/^\/issues\/comments\/(\d+)$/))) {
      const answer = this.editComment(this.comments, Number(m[1]), method, body, (c) =>
        this.commentJson(c),
      );
      if (answer) return answer;
    }
    return error(404, `Not Found (${method} ${path})`);
  }

  /** Seeds `count` comments by people on a pull request (to make the list span pages). */
  addComments(issue: number, count: number, user = 'bob'): void {
    for (let i = 0; i < count; i += 1) {
      this.comments.push({ id: this.nextComment++, issue, body: `comment ${i}`, user });
    }
  }
}
