/**
 * GitHub's published OpenAPI description (the trimmed subset in tests/contract/openapi/, cut by
 * scripts/cut-openapi.ts) as a checker: which operation a request is, and whether its parameters, its body and the
 * fake's response match that operation's schemas. OpenAPI 3.0 schemas become JSON Schema for ajv (nullable → a null
 * alternative, discriminator dropped); everything else is taken as published.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SUBSET = new URL('../openapi/github-subset.json', import.meta.url);
const ROOT = 'https://fake-github.test/openapi.json';

/**
 * Where GitHub answers beyond its description, each case named and explained. Kept here, in sight, rather than edited
 * into the committed subset.
 */
export const KNOWN_DEVIATIONS = {
  /**
   * An asset whose upload broke off (a 502) is listed with state "starter" — the upload operation's own text says so —
   * while the release-asset schema lists only uploaded/open.
   */
  assetStates: ['starter'],
  /**
   * Uploads take the asset's own media type in Content-Type (the operation's text: "Use the required Content-Type
   * header to provide the media type of the asset", e.g. application/zip); the request body lists only
   * application/octet-stream. Any media type is accepted, the header is required.
   */
  anyRequestMediaType: ['repos/upload-release-asset'],
  /** Custom media types an operation's text documents but its responses do not list (raw file contents). */
  mediaTypes: { 'repos/get-content': ['application/vnd.github.raw'] } as Record<string, string[]>,
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  /** Served from the uploads host (upload_url), not the API host. */
  uploads: boolean;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
  regex: RegExp;
  names: string[];
}

export interface Match {
  op: Operation;
  params: Record<string, string>;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** OpenAPI 3.0 schema → JSON Schema ajv reads: nullable as a null alternative, refs made absolute. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'example' || k === 'examples') continue;
    if (k === '$ref' && typeof v === 'string') out[k] = v.startsWith('#') ? `${ROOT}${v}` : v;
    else if (k === 'properties' && isObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, toJsonSchema(s)]));
    else out[k] = toJsonSchema(v);
  }
  if (node.nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function resolve<T>(doc: JsonObject, node: Json): T {
  let current = node;
  for (let i = 0; i < 10 && isObject(current) && typeof current.$ref === 'string'; i++) {
    let target: Json = doc;
    for (const part of current.$ref.slice(2).split('/')) target = (target as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')]!;
    current = target;
  }
  return current as T;
}

export class OpenApiContract {
  readonly operations: Operation[] = [];
  readonly source: string;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: JsonObject = JSON.parse(readFileSync(SUBSET, 'utf8')) as JsonObject) {
    this.source = String((doc.info as JsonObject)['x-cut-from'] ?? 'GitHub OpenAPI description');
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    const components = structuredClone(doc.components ?? {}) as JsonObject;
    const schemas = (components.schemas ?? {}) as JsonObject;
    // Reality beyond the description, in one visible place.
    const asset = schemas['release-asset'] as JsonObject | undefined;
    const state = asset && isObject(asset.properties) ? (asset.properties.state as JsonObject) : undefined;
    if (state && Array.isArray(state.enum)) state.enum = [...state.enum, ...KNOWN_DEVIATIONS.assetStates];
    this.ajv.addSchema({ $id: ROOT, components: toJsonSchema(components) } as object);
    for (const [template, item] of Object.entries(doc.paths as JsonObject)) {
      if (!isObject(item)) continue;
      const shared = (Array.isArray(item.parameters) ? item.parameters : []).map((p) => resolve<Parameter>(doc, p));
      for (const [method, raw] of Object.entries(item)) {
        if (method === 'parameters' || !isObject(raw)) continue;
        const parameters = [...shared, ...(Array.isArray(raw.parameters) ? raw.parameters : []).map((p) => resolve<Parameter>(doc, p))];
        const names: string[] = [];
        const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          const multi = parameters.some((p) => p.name === name && p['x-multi-segment'] === true);
          return multi ? '(.+)' : '([^/]+)';
        });
        const servers = Array.isArray(raw.servers) ? raw.servers : [];
        const responses: Operation['responses'] = {};
        for (const [status, r] of Object.entries((raw.responses ?? {}) as JsonObject)) responses[status] = resolve(doc, r);
        this.operations.push({
          operationId: String(raw.operationId),
          method: method.toUpperCase(),
          template,
          uploads: servers.some((s) => isObject(s) && String(s.url).includes('uploads.')),
          parameters,
          requestBody: raw.requestBody ? resolve(doc, raw.requestBody) : undefined,
          responses,
          regex: new RegExp(`^${pattern}$`),
          names,
        });
      }
    }
    // Literal segments win over parameters: /releases/assets/{id} before /releases/{id}.
    const literal = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
    this.operations.sort((a, b) => literal(b.template) - literal(a.template));
  }

  match(method: string, path: string): Match | null {
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const m = op.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      op.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      return { op, params };
    }
    return null;
  }

  private validator(key: string, schema: JsonObject): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(key, v);
    }
    return v;
  }

  private check(key: string, schema: JsonObject | undefined, value: unknown, what: string): string[] {
    if (!schema) return [];
    const v = this.validator(key, schema);
    if (v(value)) return [];
    return (v.errors ?? []).slice(0, 8).map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }

  /** Problems with a request: parameters (path, query), content type and body against the operation. */
  validateRequest(m: Match, query: URLSearchParams, contentType: string | null, body: Uint8Array | null): string[] {
    const { op } = m;
    const errors: string[] = [];
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      errors.push(...this.check(`${op.operationId}:path:${p.name}`, p.schema, coerce(p.schema, m.params[p.name]), `path parameter ${p.name}`));
    }
    const declared = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(query.keys())) if (!declared.has(name)) errors.push(`query parameter ${name} is not declared`);
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const value = query.get(p.name);
      if (value === null) {
        if (p.required) errors.push(`query parameter ${p.name} is required`);
        continue;
      }
      errors.push(...this.check(`${op.operationId}:query:${p.name}`, p.schema, coerce(p.schema, value), `query parameter ${p.name}`));
    }
    const hasBody = body !== null && body.length > 0;
    if (!op.requestBody) {
      if (hasBody) errors.push('a body was sent, but the operation takes none');
      return errors;
    }
    if (!hasBody) {
      if (op.requestBody.required) errors.push('the request body is required');
      return errors;
    }
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (KNOWN_DEVIATIONS.anyRequestMediaType.includes(op.operationId)) return type ? errors : [...errors, 'the Content-Type header is required'];
    const media = op.requestBody.content[type];
    if (!media) return [...errors, `content type '${type}' is not one of ${Object.keys(op.requestBody.content).join(', ')}`];
    if (type === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(body).toString('utf8'));
      } catch {
        return [...errors, 'the body is not JSON'];
      }
      errors.push(...this.check(`${op.operationId}:body`, media.schema, parsed, 'body'));
    }
    return errors;
  }

  /** Problems with a response the fake gives: a declared status, a declared media type, the body's schema. */
  validateResponse(op: Operation, status: number, contentType: string | null, body: unknown): string[] {
    const declared = op.responses[String(status)] ?? op.responses.default;
    if (!declared) return [`status ${status} is not declared for ${op.operationId} (declared: ${Object.keys(op.responses).join(', ')})`];
    if (!declared.content) return [];
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (KNOWN_DEVIATIONS.mediaTypes[op.operationId]?.includes(type)) return [];
    const media = declared.content[type];
    if (!media) return [`response media type '${type}' is not declared for ${op.operationId} ${status}`];
    return type.endsWith('json') || type === 'application/vnd.github.object'
      ? this.check(`${op.operationId}:response:${status}:${type}`, media.schema, body, `response ${status}`)
      : [];
  }
}

function coerce(schema: JsonObject | undefined, value: string | undefined): unknown {
  if (value === undefined || !schema) return value;
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

let shared: OpenApiContract | undefined;

/** The subset, loaded and compiled once per process. */
export function githubContract(): OpenApiContract {
  shared ??= new OpenApiContract();
  return shared;
}
