import { describe, expect, it } from 'vitest';
import { describeSchedule, parseSchedule, type DescribeOptions } from '../../src/schedule/index.js';

/*
 * The description of AWS's documented schedules, beside AWS's own words for them (the "Details" of
 * the reference page's tables, the CLI and scheduling-page examples).
 */

const documented: [expression: string, aws: string, ours: string, options?: DescribeOptions][] = [
  ['cron(0 2 ? * THU#3 *)', '02:00 AM the third Thursday of every month', 'at 02:00 on the third Thursday of every month (UTC)'],
  ['cron(15 10 ? * * *)', '10:15 AM every day', 'at 10:15 every day (UTC)'],
  ['cron(15 10 ? * MON-FRI *)', '10:15 AM every Monday, Tuesday, Wednesday, Thursday and Friday', 'at 10:15 every Monday through Friday (UTC)'],
  ['cron(0 2 L * ? *)', '02:00 AM on the last day of every month', 'at 02:00 on the last day of every month (UTC)'],
  ['cron(15 10 ? * 6L *)', '10:15 AM on the last Friday of every month', 'at 10:15 on the last Friday of every month (UTC)'],
  ['cron(30 09 ? * * *)', 'runs a maintenance window at 9:30 AM every day', 'at 09:30 every day (UTC)'],
  ['cron(24 30 09 ? * * *)', 'runs a maintenance window at 9:30:24 AM every day', 'at 09:30:24 every day (UTC)'],
  ['cron(30 23 ? * TUE#3 *)', "third Tuesday of every month at 11:30 PM [...] won't run until 11:30 PM two days later", 'at 23:30 on the third Tuesday of every month, moved 2 days later (UTC)', { offsetDays: 2 }],
  ['cron(0 09 ? * WED *)', 'runs at 9 AM every Wednesday in the US Pacific Time Zone', 'at 09:00 every Wednesday (America/Los_Angeles)', { timezone: 'America/Los_Angeles' }],
  ['cron(0 10 * * ? *)', 'Run at 10:00 am (UTC) every day', 'at 10:00 every day (UTC)'],
  ['cron(0 18 ? * MON-FRI *)', 'Run at 6:00 PM (UTC) every Monday through Friday', 'at 18:00 every Monday through Friday (UTC)'],
  ['cron(0 8 1 * ? *)', 'Run at 8:00 AM (UTC) every 1st day of the month', 'at 08:00 on day 1 of every month (UTC)'],
  ['cron(0/15 * * * ? *)', 'Run every 15 minutes', 'every 15 minutes, every day (UTC)'],
  ['cron(0/10 * ? * MON-FRI *)', 'Run every 10 minutes Monday through Friday', 'every 10 minutes, every Monday through Friday (UTC)'],
  ['cron(0/5 8-17 ? * MON-FRI *)', 'Run every 5 minutes Monday through Friday between 8:00 AM and 5:55 PM (UTC)', 'every 5 minutes from 08:00 through 17:55, every Monday through Friday (UTC)'],
  ['cron(0 0 ? * 3L *)', 'runs a cron schedule on the last Tuesday of every month at midnight UTC', 'at 00:00 on the last Tuesday of every month (UTC)'],
  ['cron(0 0 ? * THU#2 *)', 'runs on the second Thursday of every month at midnight UTC', 'at 00:00 on the second Thursday of every month (UTC)'],
  ['cron(0 0/4 * * ? *)', 'Every 4 hours', 'at 00:00, 04:00, 08:00, 12:00, 16:00 and 20:00 every day (UTC)'],
  ['cron(0 2 ? 1/1 THU#3 *)', '02:00 AM the third Thursday of every month', 'at 02:00 on the third Thursday of every month (UTC)'],
  ['rate(30 minutes)', 'Every 30 minutes', 'every 30 minutes'],
  ['rate(1 hour)', 'Every hour', 'every hour'],
  ['rate(25 days)', 'Every 25 days', 'every 25 days'],
  ['at(2020-07-07T15:55:00)', 'runs just once, at 3:55 PM UTC time on July 7, 2020', 'once, at 2020-07-07 15:55:00 (UTC)'],
];

const words = (expression: string, options?: DescribeOptions) => {
  const { schedule, findings } = parseSchedule(expression);
  expect(findings).toEqual([]);
  return describeSchedule(schedule!, options);
};

describe('describeSchedule', () => {
  it.each(documented)('%s — AWS: "%s"', (expression, _, ours, options) => {
    expect(words(expression, options)).toBe(ours);
  });

  it('names the day a number stands for (SUN = 1): 5#3 is the third Thursday', () => {
    expect(words('cron(0 10 ? * 5#3 *)')).toBe('at 10:00 on the third Thursday of every month (UTC)');
    expect(words('cron(0 10 ? * 1 *)')).toBe('at 10:00 every Sunday (UTC)');
  });

  it('says months, years, W, L-n and wrapping ranges', () => {
    expect(words('cron(0 8 1 1/3 ? *)')).toBe('at 08:00 on day 1 of January, April, July and October (UTC)');
    expect(words('cron(0 10 ? JAN-MAR MON 2027-2029)')).toBe('at 10:00 every Monday in January through March in 2027 through 2029 (UTC)');
    expect(words('cron(0 10 15W * ? *)')).toBe('at 10:00 on the weekday (Monday to Friday) nearest to day 15 of every month (UTC)');
    // With a warning each: read as Quartz reads them.
    expect(describeSchedule(parseSchedule('cron(0 22 ? * FRI-MON *)').schedule!)).toBe('at 22:00 every Friday through Monday (UTC)');
    expect(describeSchedule(parseSchedule('cron(0 10 L-2 * ? *)').schedule!)).toBe('at 10:00 on the day 2 days before the last day of every month (UTC)');
  });

  it('says times that are not a short list by their fields', () => {
    expect(words('cron(0,30 8-17 ? * MON,WED,FRI *)')).toBe('at minutes 0 and 30 from 08:00 through 17:30, every Monday, Wednesday and Friday (UTC)');
    expect(words('cron(5/10 * * * ? *)')).toBe('every 10 minutes from minute 5, every day (UTC)');
    expect(words('cron(0 */30 * * * ? *)')).toBe('every 30 minutes, every day (UTC)');
  });
});
