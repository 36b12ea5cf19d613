// An issue's date ("2014-08-14", the day it appeared; issues have no time of day) as pages print it.

/**
 * "2014-08-14" → "2014-08-14T00:00:00Z": an RFC 3339 date-time for Atom. Written here rather than taken
 * from @11ty/eleventy-plugin-rss, whose import alone cost every command ~90 ms for this one line.
 */
export function atomDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return `${date}T00:00:00Z`;
}

/** "2014-08-14" → "2014年8月14日". */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
