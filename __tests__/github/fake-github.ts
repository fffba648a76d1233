/**
 * An in-memory GitHub that answers the REST routes the action uses with
 * GitHub's response shapes: git commits, trees, refs, compare, branches,
 * pulls, issue labels/assignees/comments (paginated with a Link header) and
 * review requests. It records every request, and can be told to fail the
 * next requests of a route, so the same fake serves the nock tests (in
 * process) and the end-to-end test (over HTTP).
 */
import { createHash } from 'node:crypto';

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
}

interface Comment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

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
  private faults: Fault[] = [];
  private counter = 0;
  private nextComment = 5000;

  constructor(
    readonly owner = 'octo',
    readonly repo = 'seg',
    readonly defaultBranch = 'main',
    readonly origin = 'https://api.github.com',
  ) {}

  /** A commit of `files` on `branch` (its head, or none) by `author`. */
  commit(branch: string, files: Record<string, string>, message: string, author = 'alice'): string {
    const parent = this.refs.get(branch);
    const base = parent
      ? this.trees.get(this.commits.get(parent)!.tree)!
      : new Map<string, TreeEntry>();
    const tree = new Map(base);
    for (const [path, content] of Object.entries(files))
      tree.set(path, { mode: '100644', content });
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
        label: `${this.owner}:${p.head}`,
        ref: p.head,
        sha: head,
        user: this.user(this.owner),
      },
      base: {
        label: `${this.owner}:${p.base}`,
        ref: p.base,
        sha: this.refs.get(p.base) ?? '',
        user: this.user(this.owner),
      },
    };
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

  private resolveCommit(name: string): string | undefined {
    if (this.commits.has(name)) return name;
    return this.refs.get(name);
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
      };
      this.pulls.push(pull);
      return { status: 201, body: this.pullJson(pull) };
    }
    if ((m = path.match(/^\/pulls\/(\d+)(\/requested_reviewers)?$/))) {
      const pull = this.pulls.find((p) => p.number === Number(m![1]));
      if (!pull) return error(404, 'Not Found');
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
        const perPage = Number(query.get('per_page') ?? 30);
        const page = Number(query.get('page') ?? 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = this.api(`/issues/${number}/comments?per_page=${perPage}&page=${page + 1}`);
          headers.link = `<${next}>; rel="next"`;
        }
        return { status: 200, body: slice.map((c) => this.commentJson(c)), headers };
      }
    }
    if (method === 'PATCH' && (m = path.match(/^\/issues\/comments\/(\d+)$/))) {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return error(404, 'Not Found');
      comment.body = String(body.body);
      return { status: 200, body: this.commentJson(comment) };
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
