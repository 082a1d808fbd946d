/**
 * The three kinds of deadline in 双随机、一公开 work, computed with the built-in State Council data.
 *
 *   npx tsx examples/deadlines.ts
 *
 * (Imports the calendar domain barrel; once the root barrel re-exports it, `from 'shuangsuiji'` works too.)
 */
import { createWorkCalendar, safeCreateWorkCalendar } from '../src/calendar/index.js';
import { isShuangsuijiError } from '../src/errors.js';

const cal = createWorkCalendar();
console.log(`覆盖范围 / coverage: ${cal.coverage.first} .. ${cal.coverage.last}`);

// 1. Working-day deadline: results published within 20 working days (20 个工作日内公示).
const resultDate = '2024-09-20';
const publishBy = cal.addWorkdays(resultDate, 20);
console.log(`检查结果 ${resultDate}，20 个工作日内公示 → 最迟 ${publishBy}`); // 2024-10-23
if (publishBy !== '2024-10-23') throw new Error('unexpected working-day deadline');

// 2. Calendar-day deadline extended past rest days: report within 7 days (7 日内报告, 民法典 art. 203).
const finished = '2024-09-24';
const reportBy = cal.calendarDayDeadline(finished, 7);
console.log(`检查完成 ${finished}，7 日内报告 → 第 7 日 10-01 为国庆节，顺延至 ${reportBy}`); // 2024-10-08
if (reportBy !== '2024-10-08') throw new Error('unexpected calendar-day deadline');

// 3. Working days between two dates: was publication on 2024-10-25 late?
const published = '2024-10-25';
const used = cal.countWorkdays(resultDate, published);
console.log(`${resultDate} 至 ${published} 用了 ${used} 个工作日：${used > 20 ? '逾期 / overdue' : '按期 / on time'}`); // 22, overdue
if (used !== 22) throw new Error('unexpected count');

// What kind of day is it?
for (const date of ['2024-09-29', '2024-10-01', '2024-10-12', '2020-02-03']) {
  const day = cal.describeDay(date);
  console.log(`${date}: ${day.kind} — ${day.descriptionZh} / ${day.descriptionEn}`);
}

// Beyond the covered years: an error that says how to add data, never a silent guess.
try {
  cal.addWorkdays('2026-12-20', 20);
} catch (error) {
  if (!isShuangsuijiError(error, 'CALENDAR_OUT_OF_RANGE')) throw error;
  console.log(`CALENDAR_OUT_OF_RANGE: ${error.messageEn.slice(0, 120)}…`);
}

// Adding a newer notice (holiday-cn JSON shape; synthetic data here) and a local holiday.
const next = safeCreateWorkCalendar({
  years: [{ year: 2027, papers: ['synthetic example'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }],
  overrides: [{ date: '2026-12-28', isOffDay: true, name: '本地节日（示例）' }],
});
if (!next.success) throw new Error(next.issues.map((i) => i.messageEn).join('; '));
console.log(`with 2027 data: 2026-12-20 + 20 working days → ${next.data.addWorkdays('2026-12-20', 20)}`);
