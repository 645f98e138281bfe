/** Readable zh/en messages for ajv errors against the report schema. Pure. */
import type { ErrorObject } from 'ajv/dist/2020.js';

function where(path: string): string {
  return path === '' ? '/' : path;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(values);
}

export function schemaMessage(error: ErrorObject): { zh: string; en: string } {
  const at = where(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        zh: `${at} 缺少必填项 "${String(p.missingProperty)}"`,
        en: `${at} is missing "${String(p.missingProperty)}"`,
      };
    case 'additionalProperties':
      return {
        zh: `${at} 含有未知项 "${String(p.additionalProperty)}"`,
        en: `${at} has an unknown property "${String(p.additionalProperty)}"`,
      };
    case 'type':
      return { zh: `${at} 的类型应为 ${String(p.type)}`, en: `${at} must be of type ${String(p.type)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        zh: `${at} 应 ${String(p.comparison)} ${String(p.limit)}`,
        en: `${at} must be ${String(p.comparison)} ${String(p.limit)}`,
      };
    case 'enum':
      return { zh: `${at} 应为以下之一：${list(p.allowedValues)}`, en: `${at} must be one of ${list(p.allowedValues)}` };
    case 'const':
      return { zh: `${at} 应为 ${list(p.allowedValue)}`, en: `${at} must be ${list(p.allowedValue)}` };
    case 'pattern':
      return { zh: `${at} 不符合格式 ${String(p.pattern)}`, en: `${at} must match ${String(p.pattern)}` };
    case 'format':
      return { zh: `${at} 不是有效的 ${String(p.format)}`, en: `${at} must be a valid ${String(p.format)}` };
    case 'minItems':
      return { zh: `${at} 至少应有 ${String(p.limit)} 项`, en: `${at} must have at least ${String(p.limit)} item(s)` };
    case 'minLength':
      return { zh: `${at} 不能为空`, en: `${at} must not be empty` };
    default:
      return { zh: `${at}：${error.message ?? error.keyword}`, en: `${at}: ${error.message ?? error.keyword}` };
  }
}
