/**
 * The shared target contract (tests/contract/target-contract.ts) against the GitHub target over the fake GitHub —
 * every request and response checked against GitHub's OpenAPI description, a crash after every HTTP request — on
 * github.com publishing to the repository's existing branch, and on a GitHub Enterprise Server publishing to a branch
 * the first release creates.
 */
import { fakeHandle } from './fake-github/handle.ts';
import { targetContract } from './target-contract.ts';

targetContract('GitHub target (fake github.com, existing branch)', async () => fakeHandle());

targetContract('GitHub target (fake GitHub Enterprise Server, new branch)', async () =>
  fakeHandle({ fake: { enterpriseHost: 'ghe.example.com' }, branch: 'gh-pages' }));
