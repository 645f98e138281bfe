/**
 * Build the JSON Schema (2020-12) of the canonical AnnualReport from the template's code list. Pure.
 * scripts/write-schema.ts writes it to schemas/annual-report.schema.json; a test keeps the two equal.
 */
import { AGENCY_KINDS, AGENCY_LEVELS } from '../model/agency.ts';
import { CELL_KINDS, RENDERINGS } from '../model/report.ts';
import { EDITIONS, TABLE_IDS, TABLES, type ColumnDef, type Edition, type TableDef, columnsOf, rowsOf } from '../model/template.ts';

export const SCHEMA_BASE = 'https://xxgk.example/schemas/';
export const REPORT_SCHEMA_ID = `${SCHEMA_BASE}annual-report.schema.json`;

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/$defs/${name}` });

function strictObject(properties: Record<string, unknown>, required: string[]): Json {
  return { type: 'object', properties, required, additionalProperties: false };
}

const LOCATION: Json = {
  description: 'Where a value was read in its source.',
  type: 'object',
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    table: { type: 'integer', minimum: 1 },
    row: { type: 'integer', minimum: 1 },
    cell: { type: 'integer', minimum: 1 },
    pointer: { type: 'string' },
    page: { type: 'integer', minimum: 1 },
    x: { type: 'number', minimum: 0, description: 'PDF: left edge of the text, points from the left of the page' },
    y: { type: 'number', minimum: 0, description: 'PDF: top of the text, points from the top of the page' },
  },
  additionalProperties: false,
};

const AGENCY_REF: Json = strictObject(
  {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'Registry id (agencies.yaml)' },
    name: { type: 'string', minLength: 1, description: 'Official name' },
    division: { type: 'string', pattern: '^[0-9]{6}$', description: 'GB/T 2260 administrative division code' },
    level: { enum: [...AGENCY_LEVELS] },
    kind: { enum: [...AGENCY_KINDS] },
    parent: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
  },
  ['id', 'name', 'division', 'level', 'kind'],
);

const CELL: Json = {
  description: 'One cell: what was printed (kind) kept apart from its value. value is null unless kind is number, derived or inferred.',
  type: 'object',
  properties: {
    kind: { enum: [...CELL_KINDS] },
    value: { type: ['number', 'null'] },
    raw: { type: 'string' },
    unit: {
      enum: ['元', '万元'],
      description: 'Unit of an amount stated in the cell, or 元 stated by its column header or a note ("单位：元"); value is in 万元, raw as printed',
    },
    note: { type: 'string' },
    source: ref('location'),
    derivedFrom: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    inferredBy: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  required: ['kind', 'value'],
  additionalProperties: false,
  allOf: [
    {
      if: { type: 'object', properties: { kind: { enum: ['number', 'inferred'] } } },
      then: { type: 'object', properties: { value: { type: 'number' } } },
    },
    {
      if: { type: 'object', properties: { kind: { enum: ['blank', 'not_applicable', 'text', 'absent'] } } },
      then: { type: 'object', properties: { value: { type: 'null' } } },
    },
  ],
};

const VALUE_CELLS: Record<string, Json> = {
  countCell: {
    description: 'A cell holding a count: an integer ≥ 0.',
    allOf: [ref('cell'), { type: 'object', properties: { value: { type: ['integer', 'null'], minimum: 0 } } }],
  },
  signedCell: {
    description: 'A cell holding a signed change: an integer.',
    allOf: [ref('cell'), { type: 'object', properties: { value: { type: ['integer', 'null'] } } }],
  },
  moneyCell: {
    description: 'A cell holding an amount in 万元 (10,000 yuan): a number ≥ 0, decimals allowed.',
    allOf: [ref('cell'), { type: 'object', properties: { value: { type: ['number', 'null'], minimum: 0 } } }],
  },
};

function cellRef(column: ColumnDef): Json {
  if (column.money) return ref('moneyCell');
  if (column.signed) return ref('signedCell');
  return ref('countCell');
}

function tableSchema(table: TableDef, edition: Edition): Json {
  const rows: Record<string, unknown> = {};
  for (const row of rowsOf(table, edition)) {
    const columns = columnsOf(table, row, edition);
    const properties: Record<string, unknown> = {};
    for (const code of columns) {
      const column = table.columns.find((c) => c.code === code);
      if (!column) throw new Error(`template: ${table.id}.${row.code} names unknown column ${code}`);
      properties[code] = cellRef(column);
    }
    rows[row.code] = { description: `${row.zh} / ${row.en}`, ...strictObject(properties, [...columns]) };
  }
  return { description: `${table.zh} / ${table.en} (${edition} edition)`, ...strictObject(rows, Object.keys(rows)) };
}

function tablesDefs(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  for (const edition of EDITIONS) {
    const properties: Record<string, unknown> = {};
    for (const id of TABLE_IDS) {
      defs[`${id}_${edition}`] = tableSchema(TABLES[id], edition);
      properties[id] = ref(`${id}_${edition}`);
    }
    defs[`tables_${edition}`] = strictObject(properties, [...TABLE_IDS]);
  }
  return defs;
}

const SOURCE: Json = strictObject(
  {
    name: { type: 'string', minLength: 1 },
    mediaType: { type: 'string', minLength: 1 },
    rendering: { enum: [...RENDERINGS] },
    encoding: { type: 'string', minLength: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    bytes: { type: 'integer', minimum: 0 },
  },
  ['name', 'mediaType', 'rendering', 'sha256', 'bytes'],
);

const NARRATIVE_FIGURE: Json = {
  description: "A figure the report's own text states, to be checked against its tables.",
  ...strictObject(
    {
      key: { type: 'string', minLength: 1 },
      value: { type: 'number', minimum: 0 },
      text: { type: 'string' },
      source: ref('location'),
    },
    ['key', 'value', 'text', 'source'],
  ),
};

export function buildReportSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REPORT_SCHEMA_ID,
    title: '政府信息公开工作年度报告 / Annual report on government information disclosure',
    description: 'The canonical AnnualReport of xxgk (pipeline/model/report.ts). Generated by scripts/write-schema.ts.',
    type: 'object',
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
      agency: { type: 'string', minLength: 1 },
      body: { ...ref('agencyRef'), description: 'The registry body the printed name resolved to' },
      region: { type: 'string', pattern: '^[0-9]{6}$', description: 'GB/T 2260 administrative division code' },
      year: { type: 'integer', minimum: 1990, maximum: 2100 },
      published: { type: ['string', 'null'], format: 'date' },
      edition: { enum: [...EDITIONS] },
      sources: { type: 'array', items: ref('source'), minItems: 1 },
      tables: strictObject(
        { proactive: { type: 'object' }, applications: { type: 'object' }, appeals: { type: 'object' } },
        [...TABLE_IDS],
      ),
      narrative: { type: 'array', items: ref('narrativeFigure') },
    },
    required: ['id', 'agency', 'year', 'published', 'edition', 'sources', 'tables', 'narrative'],
    additionalProperties: false,
    allOf: EDITIONS.map((edition) => ({
      if: { type: 'object', properties: { edition: { const: edition } }, required: ['edition'] },
      then: { type: 'object', properties: { tables: ref(`tables_${edition}`) } },
    })),
    $defs: {
      location: LOCATION,
      agencyRef: AGENCY_REF,
      source: SOURCE,
      narrativeFigure: NARRATIVE_FIGURE,
      cell: CELL,
      ...VALUE_CELLS,
      ...tablesDefs(),
    },
  };
}

/** The schema as committed: two-space JSON with a final newline. */
export function reportSchemaText(): string {
  return `${JSON.stringify(buildReportSchema(), null, 2)}\n`;
}
