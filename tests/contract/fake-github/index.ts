/**
 * An in-process, stateful fake of the parts of GitHub's REST API the GitHub target uses — git refs, trees, blobs,
 * commits, releases and their assets on the uploads host — handed to Octokit as `request.fetch`. Every request and
 * every response it gives is checked against GitHub's published OpenAPI description (./openapi.ts); a mismatch is
 * recorded in `violations` and answered 400, and assertClean() fails the test. It counts reads and writes, and
 * injects the faults a real GitHub has: 5xx, secondary rate limits, concurrent pushes, connections dropped, crashes.
 */
import { githubContract, type OpenApiContract } from './openapi.ts';
import { Presenter, type Hosts } from './present.ts';
import { leaveStarter, routes, type FakeRequest, type FakeResponse, type Handler } from './routes.ts';
import { FakeRepo } from './state.ts';

export type Fault =
  /** Answer this status (and body) without doing anything. */
  | { kind: 'status'; status: number; body?: object; headers?: Record<string, string> }
  /** 403 "secondary rate limit" with retry-after (seconds); nothing done. */
  | { kind: 'secondary-rate-limit'; retryAfter: number }
  /** The connection drops before the request reaches GitHub. */
  | { kind: 'network' }
  /** An upload breaks off midway: the asset stays listed as "starter", and the connection drops (or a 502 comes). */
  | { kind: 'upload-broken'; answer: 'network' | 502 }
  /** Someone pushes to the branch just before this request is handled. */
  | { kind: 'concurrent-push'; branch: string; files?: Record<string, string> }
  /** The request is carried out, then the client dies: its answer and every later request are lost until revive(). */
  | { kind: 'crash-after' }
  /** The request never gets an answer (nothing is done): the client must give up by its own timeout. */
  | { kind: 'hang' };

export interface Injected {
  match: (r: { operationId: string; method: string; path: string; json: any }) => boolean;
  fault: Fault;
  times: number;
  skip: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  operationId: string;
  status: number | 'network';
  write: boolean;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** GitHub Enterprise Server: hosts under https://HOST/api/v3 and https://HOST/api/uploads. */
  enterpriseHost?: string;
  /** The hosts as given (the fake served over HTTP on loopback: wire.ts). */
  hosts?: Hosts;
  /** When set, a request without this token gets 401 Bad credentials. */
  token?: string;
  immutableReleases?: boolean;
  /** Tree requests larger than this (bytes) time out, as large ones do on GitHub (422). Default: no limit. */
  maxTreeRequestBytes?: number;
  clock?: () => Date;
  contract?: OpenApiContract;
}

export class CrashedError extends TypeError {
  constructor() {
    super('fetch failed', { cause: new Error('other side closed (simulated crash)') });
  }
}

export class FakeGitHub {
  readonly state: FakeRepo;
  readonly hosts: Hosts;
  readonly violations: string[] = [];
  readonly requests: RequestRecord[] = [];
  private readonly faults: Injected[] = [];
  private readonly handlers: Record<string, Handler>;
  private readonly contract: OpenApiContract;
  private readonly token: string | undefined;
  private dead = false;
  private countdown: number | null = null;

  constructor(private readonly options: FakeGitHubOptions = {}) {
    const clock = options.clock ?? (() => new Date('2026-01-01T00:00:00Z'));
    this.state = new FakeRepo(options.owner ?? 'xxgk', options.repo ?? 'data', options.defaultBranch ?? 'main', clock);
    this.hosts = options.hosts ?? (options.enterpriseHost
      ? { api: `https://${options.enterpriseHost}/api/v3`, uploads: `https://${options.enterpriseHost}/api/uploads`, web: `https://${options.enterpriseHost}` }
      : { api: 'https://api.github.com', uploads: 'https://uploads.github.com', web: 'https://github.com' });
    this.contract = options.contract ?? githubContract();
    this.token = options.token;
    this.handlers = routes(this.state, new Presenter(this.state, this.hosts), { immutableReleases: options.immutableReleases ?? false, maxTreeRequestBytes: options.maxTreeRequestBytes ?? Infinity });
  }

  /** Octokit's `request.fetch`. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const raw = new Uint8Array(await request.arrayBuffer());
    const body = raw.length > 0 ? raw : null;
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const write = method !== 'GET' && method !== 'HEAD';
    if (this.dead) {
      this.requests.push({ method, path: url.pathname, operationId: '(after crash)', status: 'network', write });
      throw new CrashedError();
    }
    const where = this.locate(url);
    const match = where ? this.contract.match(method, where.path) : null;
    if (!where || !match) return this.violation(`${method} ${url.href}: no operation of the description (or the wrong host)`, method, url.pathname);
    const { op } = match;
    if (op.uploads !== where.uploads) {
      return this.violation(`${op.operationId} sent to the ${where.uploads ? 'uploads' : 'API'} host`, method, url.pathname);
    }
    const problems = this.contract.validateRequest(match, url.searchParams, request.headers.get('content-type'), body);
    if (problems.length) return this.violation(`${op.operationId} request: ${problems.join('; ')}`, method, url.pathname, op.operationId);
    const json = body && (request.headers.get('content-type') ?? '').includes('json') ? JSON.parse(Buffer.from(body).toString('utf8')) : undefined;
    const req: FakeRequest = { operationId: op.operationId, params: match.params, query: url.searchParams, headers: request.headers, body, json };
    const record = (status: number | 'network') => this.requests.push({ method, path: url.pathname, operationId: op.operationId, status, write });

    // Answers that come before the operation (authentication, visibility), for any operation, as on GitHub.
    if (this.token !== undefined && request.headers.get('authorization') !== `token ${this.token}`) {
      record(401);
      return respond({ status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    }
    if (match.params.owner !== this.state.owner || match.params.repo !== this.state.repo) {
      record(404);
      return respond({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
    }
    const fault = this.takeFault({ operationId: op.operationId, method, path: where.path, json });
    switch (fault?.kind) {
      case 'status':
        record(fault.status);
        return respond({ status: fault.status, body: fault.body ?? { message: 'Server Error' }, headers: fault.headers });
      case 'secondary-rate-limit':
        record(403);
        return respond({
          status: 403,
          headers: { 'retry-after': String(fault.retryAfter) },
          body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
        });
      case 'network':
        record('network');
        throw new TypeError('fetch failed', { cause: new Error('socket hang up (simulated)') });
      case 'upload-broken':
        leaveStarter(this.state, req);
        record(fault.answer === 502 ? 502 : 'network');
        if (fault.answer === 502) return respond({ status: 502, body: { message: 'Server Error' } });
        throw new TypeError('fetch failed', { cause: new Error('socket hang up mid-upload (simulated)') });
      case 'hang':
        record('network');
        // Settled only by the caller's signal (in process); over the wire, the client's abort closes the socket.
        return new Promise<Response>((_answer, fail) => {
          const signal = init?.signal;
          signal?.addEventListener('abort', () => fail(signal.reason), { once: true });
        });
      case 'concurrent-push':
        this.state.push(fault.branch, fault.files ?? { 'NOTICE.md': `pushed by someone else at ${this.state.now()}\n` });
        break;
      default:
        break;
    }
    const handler = this.handlers[op.operationId];
    if (!handler) return this.violation(`${op.operationId}: the fake does not serve it`, method, url.pathname, op.operationId);
    const res = handler(req);
    const contentType = res.raw ? (res.contentType ?? 'application/octet-stream') : res.body === undefined ? null : 'application/json; charset=utf-8';
    const invalid = this.contract.validateResponse(op, res.status, contentType, res.body);
    if (invalid.length) {
      this.violations.push(`${op.operationId} response: ${invalid.join('; ')}`);
      throw new Error(`fake GitHub gave a response outside the description: ${invalid.join('; ')}`);
    }
    record(res.status);
    if (this.countdown !== null && --this.countdown === 0) {
      this.countdown = null;
      this.dead = true;
    }
    if (this.dead || fault?.kind === 'crash-after') {
      this.dead = true;
      throw new CrashedError();
    }
    return respond(res, contentType);
  };

  private locate(url: URL): { path: string; uploads: boolean } | null {
    for (const [base, uploads] of [[this.hosts.uploads, true], [this.hosts.api, false]] as const) {
      const b = new URL(base);
      if (url.origin !== b.origin) continue;
      const prefix = b.pathname.replace(/\/$/, '');
      if (prefix && !url.pathname.startsWith(`${prefix}/`)) continue;
      return { path: url.pathname.slice(prefix.length), uploads };
    }
    return null;
  }

  private violation(message: string, method: string, path: string, operationId = '(unknown)'): Response {
    this.violations.push(message);
    this.requests.push({ method, path, operationId, status: 400, write: method !== 'GET' && method !== 'HEAD' });
    return respond({ status: 400, body: { message: `OpenAPI violation: ${message}` } });
  }

  private takeFault(r: Parameters<Injected['match']>[0]): Fault | undefined {
    for (const f of this.faults) {
      if (f.times <= 0 || !f.match(r)) continue;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      f.times--;
      return f.fault;
    }
    return undefined;
  }

  /** Inject a fault on the requests to an operation (or matching a predicate): the next `times`, after `skip`. */
  inject(on: string | Injected['match'], fault: Fault, options: { times?: number; skip?: number } = {}): void {
    const match = typeof on === 'string' ? (r: { operationId: string }) => r.operationId === on : on;
    this.faults.push({ match, fault, times: options.times ?? 1, skip: options.skip ?? 0 });
  }

  /** The client dies right after the next n requests have been carried out (their answers are lost); null disarms. */
  crashAfterRequests(n: number | null): void {
    this.countdown = n;
  }

  /** A second fake holding a copy of this one's repository (git objects are immutable: shared), no faults, no log. */
  fork(): FakeGitHub {
    const copy = new FakeGitHub(this.options);
    copy.state.copyFrom(this.state);
    return copy;
  }

  /** The client comes back after a crash (a new process); faults not yet triggered are dropped. */
  revive(): void {
    this.dead = false;
    this.countdown = null;
    this.faults.length = 0;
  }

  get crashed(): boolean {
    return this.dead;
  }

  /** Requests that reached GitHub (not those lost after a crash): reads (GET) and writes. */
  counts(): { reads: number; writes: number } {
    const reached = this.requests.filter((r) => r.operationId !== '(after crash)');
    return { reads: reached.filter((r) => !r.write).length, writes: reached.filter((r) => r.write).length };
  }

  resetCounts(): void {
    this.requests.length = 0;
  }

  /** Fail loudly when any request or response did not match the description. */
  assertClean(): void {
    if (this.violations.length) throw new Error(`OpenAPI violations:\n${this.violations.join('\n')}`);
  }
}

function respond(res: FakeResponse, contentType: string | null = res.raw ? 'application/octet-stream' : 'application/json; charset=utf-8'): Response {
  const headers = new Headers(res.headers);
  if (contentType && res.status !== 204) headers.set('content-type', contentType);
  const payload = res.status === 204 ? null : res.raw ? new Uint8Array(res.raw) : res.body === undefined ? null : JSON.stringify(res.body);
  return new Response(payload, { status: res.status, headers });
}

export function createFakeGitHub(options?: FakeGitHubOptions): FakeGitHub {
  return new FakeGitHub(options);
}
