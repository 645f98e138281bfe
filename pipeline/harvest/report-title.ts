/**
 * Whether a link's text names an annual report (…年…政府信息公开…年度报告, …年报), and its year. A notice about
 * reports (通知, 报送, 解读 …) is not a report. Pure.
 */

/** The years a title can name: the 条例 took effect in 2008. */
const YEAR = /(20[0-9]{2})\s*年/;
const REPORT = /(?:信息|政务)公开.{0,12}?(?:年度)?报告|(?:信息|政务)公开.{0,6}?年报|^.{0,30}?20\d{2}\s*年度?年报$/;
/** Titles about reports that are not one: notices, calls to submit, interpretations, templates, reviews. */
const NOT_A_REPORT = /通知|报送|解读|图解|模板|格式|征求|说明会|培训|考核|评估|评议|检查|整改|工作要点|要点|目录|指南|公告栏/;

export interface ReportTitle {
  year: number;
  title: string;
}

/** Collapse the whitespace a page puts in a link's text. */
export const cleanTitle = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The report a title names, or null. The year is the first year in the title (2008 or later). */
export function readReportTitle(text: string): ReportTitle | null {
  const title = cleanTitle(text);
  if (title.length < 4 || title.length > 120) return null;
  if (!REPORT.test(title) || NOT_A_REPORT.test(title)) return null;
  const m = YEAR.exec(title);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2008) return null;
  return { year, title };
}
