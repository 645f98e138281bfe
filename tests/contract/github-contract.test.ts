/**
 * The shared target contract (tests/contract/target-contract.ts) against the GitHub target over the fake GitHub —
 * every request and response checked against GitHub's OpenAPI description, a crash after every HTTP request — on
 * github.com publishing to the repository's existing branch, and on a GitHub Enterprise Server publishing to a branch
 * the first release creates.
 */
import { fakeHandle } from './fake-github/handle.ts';
import { targetContract } from './target-contract.ts';

// In `npm test` the two share the contract (every test runs on one of them, each a crash and a resume); test:full runs
// all on both.
targetContract('GitHub target (fake github.com, existing branch)', async () => fakeHandle(),
  ['correction', 'added', 'schema', 'crash-correction']);

targetContract('GitHub target (fake GitHub Enterprise Server, new branch)', async () =>
  fakeHandle({ fake: { enterpriseHost: 'ghe.example.com' }, branch: 'gh-pages' }), ['first', 'again', 'crash-first']);
