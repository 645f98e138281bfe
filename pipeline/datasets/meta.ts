/**
 * The release's metadata from the configuration's `dataset:` section: what the operator wrote over the placeholder
 * defaults (defaults.ts). The base URL, when not written, is the GitHub Pages URL of a GitHub target's `latest/`
 * folder (https://OWNER.github.io/NAME/latest/); for other targets the placeholder stays and the caller warns. Pure.
 */
import { DEFAULT_META } from './defaults.ts';
import type { DatasetMeta, Text } from './types.ts';

/** The `dataset:` section as the config schema admits it (every key optional). */
export interface DatasetSettings {
  title?: Text;
  description?: Text;
  publisher?: { name: Text; url?: string; email?: string };
  contactPoint?: { name?: Text; email: string; url?: string };
  licence?: string | { id: string; title: string; url: string };
  baseUrl?: string;
  keywords?: { zh: string[]; en: string[] };
  theme?: string[];
  spatial?: string;
  language?: Array<'zh' | 'en'>;
}

/** The SPDX licences the config names by id alone. */
export const LICENCES: Record<string, DatasetMeta['license']> = {
  'CC-BY-4.0': { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' },
  'CC-BY-SA-4.0': { id: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'Creative Commons Attribution Share Alike 4.0 International' },
  'CC0-1.0': { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero v1.0 Universal' },
  'ODC-By-1.0': { id: 'ODC-By-1.0', url: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License v1.0' },
  'ODbL-1.0': { id: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/', title: 'Open Data Commons Open Database License v1.0' },
  'PDDL-1.0': { id: 'PDDL-1.0', url: 'https://opendatacommons.org/licenses/pddl/1-0/', title: 'Open Data Commons Public Domain Dedication & License 1.0' },
};

/** What a base URL must look like: absolute http(s), ending with '/', no query or fragment. */
export const BASE_URL = /^https?:\/\/[^\s/]+\/(?:[^\s?#]*\/)?$/;

/** Where GitHub Pages serves a repository's latest/ folder. */
export function githubPagesUrl(owner: string, name: string): string {
  const host = `${owner.toLowerCase()}.github.io`;
  // A repository named OWNER.github.io is served at the host's root.
  return name.toLowerCase() === host ? `https://${host}/latest/` : `https://${host}/${name}/latest/`;
}

export interface MetaOptions {
  /** The publish target when it is a GitHub repository: its Pages URL is the default base URL. */
  github?: { owner: string; name: string };
  /** A --base-url flag: wins over the file. */
  baseUrl?: string;
}

/** Whether the base URL is still the placeholder (nothing configured it). */
export const isPlaceholderBase = (meta: Pick<DatasetMeta, 'baseUrl'>): boolean => meta.baseUrl === DEFAULT_META.baseUrl;

export function datasetMeta(settings: DatasetSettings = {}, options: MetaOptions = {}): DatasetMeta {
  const d = DEFAULT_META;
  const baseUrl = options.baseUrl ?? settings.baseUrl ?? (options.github ? githubPagesUrl(options.github.owner, options.github.name) : d.baseUrl);
  const publisher = settings.publisher
    ? { name: settings.publisher.name, url: settings.publisher.url ?? baseUrl, email: settings.publisher.email ?? settings.contactPoint?.email ?? d.publisher.email }
    : d.publisher;
  const contact = settings.contactPoint
    ? { name: settings.contactPoint.name ?? publisher.name, email: settings.contactPoint.email, url: settings.contactPoint.url ?? publisher.url }
    : settings.publisher ? { name: publisher.name, email: publisher.email, url: publisher.url } : d.contact;
  const licence = settings.licence === undefined ? d.license : typeof settings.licence === 'string' ? LICENCES[settings.licence]! : settings.licence;
  return {
    ...d,
    baseUrl,
    title: settings.title ?? d.title,
    description: settings.description ?? d.description,
    publisher,
    contact,
    license: licence,
    keywords: settings.keywords ?? d.keywords,
    themes: settings.theme ?? d.themes,
    languages: settings.language ?? d.languages,
    spatial: settings.spatial ? { code: settings.spatial } : d.spatial,
    ...(options.github ? { releases: `https://github.com/${options.github.owner}/${options.github.name}/releases/download/` } : {}),
  };
}
