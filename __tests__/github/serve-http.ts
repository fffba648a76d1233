/**
 * Serves a fake GitHub over a local HTTP server, for clients nock does not
 * reach: the action's own octokit (it sends with undici's fetch) in process,
 * and the bundled action in a child process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGitHub } from './fake-github.js';

export interface HttpFake {
  /** `http://127.0.0.1:<port>`: the API root to give the client. */
  url: string;
  close: () => Promise<void>;
}

/** `fake` is read on every request, so a test may replace the fake behind a running server. */
export async function serveOverHttp(fake: () => FakeGitHub): Promise<HttpFake> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const answer = fake().handle(
        req.method ?? 'GET',
        req.url ?? '/',
        text ? JSON.parse(text) : undefined,
        req.headers,
      );
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
      res.writeHead(answer.status, headers);
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
