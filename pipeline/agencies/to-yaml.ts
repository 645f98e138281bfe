/**
 * The registry as YAML text (agencies.yaml): a header, then one block mapping per body, fields in the order of the
 * Agency type, aliases in flow style (left out when there are none), the division quoted. Deterministic. Pure.
 */
import type { Agency } from '../model/agency.ts';

/** A plain scalar when it is safely one (names, ids); a double-quoted (JSON-escaped) one otherwise. */
function scalar(s: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}（）()·・\-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** One body as a block sequence item, indented for the registry's `agencies:` list. */
export function entryYaml(a: Agency): string {
  const lines = [`  - id: ${scalar(a.id)}`, `    name: ${scalar(a.name)}`];
  if (a.aliases.length > 0) lines.push(`    aliases: [${a.aliases.map(scalar).join(', ')}]`);
  lines.push(`    division: ${JSON.stringify(a.division)}`, `    level: ${a.level}`, `    kind: ${a.kind}`);
  if (a.parent !== undefined) lines.push(`    parent: ${scalar(a.parent)}`);
  if (a.uscc !== undefined) lines.push(`    uscc: ${JSON.stringify(a.uscc)}`);
  return lines.join('\n');
}

export function registryYaml(agencies: readonly Agency[], header: readonly string[] = []): string {
  const comments = header.map((l) => (l ? `# ${l}` : '#'));
  return `${[...comments, 'agencies:', ...agencies.map(entryYaml)].join('\n')}\n`;
}
