/**
 * What `xxgk agencies suggest` prints: the suggestions as a registry file (an `agencies:` list that passes
 * schemas/agencies.schema.json and parseRegistry beside agencies.yaml), each entry under comments naming the printed
 * name, the files that print it, the places read from it and the registry bodies it may be. Names with no entry
 * (ambiguous, or no single division) are comments only. Pure.
 */
import type { Agency } from '../model/agency.ts';
import type { Suggestion } from './suggest.ts';
import { entryYaml } from './to-yaml.ts';

/** How many of the files that print a name are listed. */
const MAX_FILES = 5;

const body = (a: Agency): string => `${a.id} ${a.name} (${a.division}, ${a.level} ${a.kind})`;

function comments(s: Suggestion): string[] {
  const files = s.files.length > MAX_FILES ? [...s.files.slice(0, MAX_FILES), `and ${s.files.length - MAX_FILES} more`] : s.files;
  const lines = [`${s.printed}: ${s.status}, printed in ${files.join(', ')}`];
  if (s.divisions.length > 0) lines.push(`places point to: ${s.divisions.map((d) => `${d.name} (${d.code}, ${d.level})`).join('; ')}`);
  else if (s.status === 'unknown') lines.push('no place name of the package found at its start');
  if (s.status === 'ambiguous') {
    lines.push('it may be any of:', ...s.candidates.map((c) => `  ${body(c)}`));
    lines.push("add the printed name to the aliases of the one it is, or resolve it with the report's division as a hint");
  } else if (s.candidates.length > 0) {
    lines.push('close to:', ...s.candidates.map((c) => `  ${body(c)}`));
    lines.push(`if it is one of these, add the printed name to that body's aliases${s.entry ? ' instead of adding this entry' : ''}`);
  }
  if (s.aliasOf !== undefined) lines.push(`the same body as ${s.aliasOf}: an alias of the entry proposed for it`);
  else if (s.entry && s.entry.parent === undefined) lines.push('its parent is not in the registry: add it first');
  return lines;
}

export function suggestionsYaml(suggestions: readonly Suggestion[]): string {
  const entries = suggestions.filter((s) => s.entry);
  const count = (status: string) => suggestions.filter((s) => s.status === status).length;
  const header = [
    `# xxgk agencies suggest: ${suggestions.length} printed names the registry does not resolve (${count('unknown')} unknown, ${count('ambiguous')} ambiguous); ${entries.length} entries proposed.`,
    '# Review every entry before use. As it stands this is a registry file to read beside agencies.yaml; to keep a body,',
    '# add it to scripts/agencies-curated.yaml (a department: its name and its government) or to agencies.yaml, and add a',
    "# printed name that is another name of a registry body to that body's aliases.",
  ];
  const blocks = suggestions.map((s) => {
    const indent = entries.length > 0 ? '  ' : '';
    const text = comments(s).map((l) => `${indent}# ${l}`);
    return s.entry ? [...text, entryYaml(s.entry)] : text;
  });
  const list = blocks.map((b) => b.join('\n')).join('\n\n');
  return entries.length > 0 ? `${header.join('\n')}\nagencies:\n${list}\n` : `${header.join('\n')}\n${list}${list ? '\n' : ''}agencies: []\n`;
}
