/** Reading a listing page (政府信息公开年报 column): its report links, its other pages, a report page's date. Pure. */
export { findPages } from './find-pages.ts';
export { pageDate } from './page-date.ts';
export { type PickOptions, type ReportLink, pickReports } from './pick-reports.ts';
export { readReportTitle } from './report-title.ts';
