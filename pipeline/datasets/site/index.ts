/** The static site: index.html, a page per year, per report and per body. Builders return HTML strings. */
export { siteIndex } from './index-page.ts';
export { reportPage } from './report-page.ts';
export { yearPageChunks, yearPages } from './year-pages.ts';
export { agencyPage, agencyPages } from './agency-page.ts';
export { AGENCIES_INDEX, agenciesIndex, agenciesIndexChunks } from './agency-list.ts';
export { DICTIONARY_PAGE, dictionaryPage } from './dictionary-page.ts';
export { STYLESHEET, siteCss } from './layout.ts';
