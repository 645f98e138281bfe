/**
 * A government body in the agency registry (agencies.yaml, schemas/agencies.schema.json): one identity per body
 * across years, renderings and the names its reports print.
 */

/** The level of the government a body belongs to (a people's government, or one of its departments). */
export const AGENCY_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** A people's government (人民政府, 街道办事处) or a department of one (…局, …委员会, …办公室). */
export const AGENCY_KINDS = ['government', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Agency {
  /** Stable ASCII id: lower-case letters, digits and hyphens (e.g. "jiangsu-huaian-hongze"). Never reused. */
  id: string;
  /** Official name, as the body signs its reports today. */
  name: string;
  /** Other names real reports print: without the region prefix, older names, OCR slips (沐阳 for 沭阳). */
  aliases: string[];
  /** GB/T 2260 six-digit administrative division code of the area the body serves (a township: its county's). */
  division: string;
  level: AgencyLevel;
  kind: AgencyKind;
  /** Registry id of the parent body (a department's government; a government's higher government). */
  parent?: string;
  /** Unified social credit code (统一社会信用代码, 18 characters), where known. */
  uscc?: string;
}

/** What a report carries about the registry body its printed name resolved to. */
export interface AgencyRef {
  id: string;
  name: string;
  division: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parent?: string;
}

export function agencyRef(agency: Agency): AgencyRef {
  const { id, name, division, level, kind, parent } = agency;
  return { id, name, division, level, kind, ...(parent === undefined ? {} : { parent }) };
}
