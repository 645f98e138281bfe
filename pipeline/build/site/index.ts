/** The static site: index.html, a page per year and a page per report. Builders return HTML strings. */
export { siteIndex } from './index-page.ts';
export { reportPage } from './report-page.ts';
export { yearPages } from './year-pages.ts';
