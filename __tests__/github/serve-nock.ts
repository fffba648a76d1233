/** Routes every request octokit sends to api.github.com to a fake GitHub, through nock. */
import nock from 'nock';
import type { FakeGitHub } from './fake-github.js';

export function serveWithNock(fake: FakeGitHub): void {
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    nock(fake.origin)
      .persist()
      .intercept(/.*/, method)
      .reply(function (uri, body) {
        const parsed = typeof body === 'string' && body !== '' ? JSON.parse(body) : body;
        const answer = fake.handle(method, uri, parsed, this.req.headers);
        const json =
          answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
        return [
          answer.status,
          answer.body === undefined ? '' : JSON.stringify(answer.body),
          { ...json, ...answer.headers },
        ];
      });
  }
}
