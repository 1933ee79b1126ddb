import { describe, expect, it } from 'vitest';
import { DateOrderCheck, readDate } from '../../src/import/csv/dates.js';

describe('reading a slashed date', () => {
  it('reads day-first and month-first dates, zero padding optional', () => {
    expect(readDate('24/02/2022', 'dd/mm/yyyy')).toMatchObject({
      date: { first: '2022-02-24', precision: 'DAY' },
      ambiguous: false,
    });
    expect(readDate('2/4/2022', 'mm/dd/yyyy')).toMatchObject({
      date: { first: '2022-02-04' },
      ambiguous: true,
    });
    expect(readDate('03/2022', 'mm/dd/yyyy')).toMatchObject({
      date: { first: '2022-03-01', last: '2022-03-31', precision: 'MONTH' },
    });
    expect(readDate('2022', 'dd/mm/yyyy')).toMatchObject({ date: { precision: 'YEAR' } });
  });

  it('calls a date ambiguous only when both orders make a different date', () => {
    expect(readDate('03/04/2022', 'mm/dd/yyyy')).toMatchObject({ ambiguous: true });
    expect(readDate('05/05/2022', 'mm/dd/yyyy')).toMatchObject({ ambiguous: false });
    expect(readDate('12/25/2022', 'mm/dd/yyyy')).toMatchObject({ ambiguous: false });
  });

  it('says when only the other order makes a date', () => {
    expect(readDate('13/02/2022', 'mm/dd/yyyy')).toEqual({
      error: expect.stringMatching(/no month 13/) as string,
      otherOrderOnly: true,
    });
    expect(readDate('31/31/2022', 'mm/dd/yyyy')).toMatchObject({ otherOrderOnly: false });
    expect(readDate('2022-02-01', 'mm/dd/yyyy')).toMatchObject({ otherOrderOnly: false });
  });

  it('reads ISO dates at their precision', () => {
    expect(readDate('2022-02', 'iso')).toMatchObject({ date: { precision: 'MONTH' } });
    expect(readDate('02/2022', 'iso')).toHaveProperty('error');
  });
});

describe('the day/month order across a file', () => {
  it('refuses a file with dates valid only in the other order, with examples', () => {
    const check = new DateOrderCheck('mm/dd/yyyy');
    check.note(readDate('01/15/2022', 'mm/dd/yyyy'), {
      location: 'line 2',
      column: 'Date',
      value: '01/15/2022',
    });
    expect(check.refusal()).toBeUndefined();
    check.note(readDate('13/02/2022', 'mm/dd/yyyy'), {
      location: 'line 3',
      column: 'Date',
      value: '13/02/2022',
    });
    expect(check.refusal()).toMatch(
      /^1 date\(s\) are valid only as dd\/mm\/yyyy, not as the mapping's dateFormat mm\/dd\/yyyy \(line 3 Date "13\/02\/2022"\)/,
    );
  });

  it('counts the rows the mapping order decided', () => {
    const check = new DateOrderCheck('dd/mm/yyyy');
    for (const [line, value] of [
      ['line 2', '03/04/2022'],
      ['line 3', '24/02/2022'],
      ['line 4', '01/02/2021'],
    ] as const)
      check.note(readDate(value, 'dd/mm/yyyy'), { location: line, column: 'Date', value });
    expect(check.summary()).toMatch(
      /^2 row\(s\) have dates valid as both dd\/mm\/yyyy and mm\/dd\/yyyy/,
    );
  });
});
