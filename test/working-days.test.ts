import { expect } from '@open-wc/testing';
import {
  addWorkingDays,
  dueDate,
  isOverdue,
  isWorkingDay,
  jurisdictionDefaults,
  listedYear,
  unlistedYear,
  localDate,
  workingDaysBetween,
  type WorkCalendar,
} from '../src/rules/working-days.js';

/**
 * A plausible 2026 National Day calendar (made up for the test, shaped like a State Council notice):
 * 10-01 (Thu) … 10-07 (Wed) off; 调休: Sunday 09-20 and Saturday 10-10 are worked.
 * The weekend days 10-03/10-04 are listed too, as feeds copy the whole range.
 */
const NATIONAL_DAY_2026: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-20', '2026-10-10'],
};

describe('jurisdictionDefaults', () => {
  it('knows the statutory periods and time zones', () => {
    expect(jurisdictionDefaults('CN-OGI-2019')).to.deep.equal({ replyWorkingDays: 20, extensionWorkingDays: 20, timeZone: 'Asia/Shanghai' });
    expect(jurisdictionDefaults('CN-OGI-2007')).to.deep.equal({ replyWorkingDays: 15, extensionWorkingDays: 15, timeZone: 'Asia/Shanghai' });
    expect(jurisdictionDefaults('US-FOIA')).to.include({ replyWorkingDays: 20, extensionWorkingDays: 10, timeZone: 'America/New_York' });
    expect(jurisdictionDefaults('UK-FOIA')).to.include({ replyWorkingDays: 20, timeZone: 'Europe/London' });
  });

  it('falls back to CN-OGI-2019 for custom and unknown ids, and returns a copy', () => {
    expect(jurisdictionDefaults('custom')).to.deep.equal(jurisdictionDefaults('CN-OGI-2019'));
    expect(jurisdictionDefaults('XX-nope')).to.deep.equal(jurisdictionDefaults('CN-OGI-2019'));
    expect(jurisdictionDefaults('toString')).to.deep.equal(jurisdictionDefaults('CN-OGI-2019'));
    const d = jurisdictionDefaults('CN-OGI-2019');
    d.replyWorkingDays = 99;
    expect(jurisdictionDefaults('CN-OGI-2019').replyWorkingDays).to.equal(20);
  });
});

describe('isWorkingDay', () => {
  it('treats Monday–Friday as working days and weekends as not', () => {
    expect(isWorkingDay('2026-03-09')).to.equal(true); // Monday
    expect(isWorkingDay('2026-03-13')).to.equal(true); // Friday
    expect(isWorkingDay('2026-03-07')).to.equal(false); // Saturday
    expect(isWorkingDay('2026-03-08')).to.equal(false); // Sunday
  });

  it('applies holidays and 调休 extra workdays', () => {
    expect(isWorkingDay('2026-10-01')).to.equal(true); // a Thursday without calendar
    expect(isWorkingDay('2026-10-01', NATIONAL_DAY_2026)).to.equal(false);
    expect(isWorkingDay('2026-10-10')).to.equal(false); // a Saturday without calendar
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY_2026)).to.equal(true);
    expect(isWorkingDay('2026-09-20', NATIONAL_DAY_2026)).to.equal(true); // a Sunday
    expect(isWorkingDay('2026-10-11', NATIONAL_DAY_2026)).to.equal(false);
  });

  it('lets a holiday win over an extra workday listing the same day', () => {
    expect(isWorkingDay('2026-10-10', { holidays: ['2026-10-10'], extraWorkdays: ['2026-10-10'] })).to.equal(false);
  });

  it('throws on dates that are not real YYYY-MM-DD dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '2026/01/05', '', '0099-01-01x']) {
      expect(() => isWorkingDay(bad), bad).to.throw(RangeError);
    }
  });
});

describe('addWorkingDays', () => {
  it('returns the date itself for n = 0, even on a weekend or holiday', () => {
    expect(addWorkingDays('2026-03-06', 0)).to.equal('2026-03-06');
    expect(addWorkingDays('2026-03-07', 0)).to.equal('2026-03-07');
    expect(addWorkingDays('2026-10-01', 0, NATIONAL_DAY_2026)).to.equal('2026-10-01');
  });

  it('skips weekends and does not count the start day', () => {
    expect(addWorkingDays('2026-03-05', 1)).to.equal('2026-03-06'); // Thu → Fri
    expect(addWorkingDays('2026-03-06', 1)).to.equal('2026-03-09'); // Fri → Mon
    expect(addWorkingDays('2026-03-07', 1)).to.equal('2026-03-09'); // Sat → Mon
    expect(addWorkingDays('2026-03-08', 1)).to.equal('2026-03-09'); // Sun → Mon
    expect(addWorkingDays('2026-03-06', 5)).to.equal('2026-03-13'); // Fri → next Fri
  });

  it('counts 20 working days across National Day 2026 with 调休', () => {
    // Received Wed 09-30. 10-01..10-07 off. 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat worked (3),
    // 10-12..16 (4–8), 10-19..23 (9–13), 10-26..30 (14–18), 11-02 Mon (19), 11-03 Tue (20).
    expect(addWorkingDays('2026-09-30', 20, NATIONAL_DAY_2026)).to.equal('2026-11-03');
    // Without the calendar: 10-01, 10-02 (1–2), 10-05..09 (3–7), 10-12..16 (8–12), 10-19..23 (13–17),
    // 10-26 (18), 10-27 (19), 10-28 (20).
    expect(addWorkingDays('2026-09-30', 20)).to.equal('2026-10-28');
  });

  it('counts 15 working days under the 2007 rules across the same holiday', () => {
    // 10-08 (1), 10-09 (2), 10-10 (3), 10-12..16 (4–8), 10-19..23 (9–13), 10-26 (14), 10-27 (15).
    expect(addWorkingDays('2026-09-30', 15, NATIONAL_DAY_2026)).to.equal('2026-10-27');
  });

  it('lands on a worked Sunday and jumps the whole holiday', () => {
    expect(addWorkingDays('2026-09-18', 1, NATIONAL_DAY_2026)).to.equal('2026-09-20'); // Fri → worked Sun
    expect(addWorkingDays('2026-09-18', 1)).to.equal('2026-09-21');
    expect(addWorkingDays('2026-09-30', 1, NATIONAL_DAY_2026)).to.equal('2026-10-08');
    expect(addWorkingDays('2026-10-03', 1, NATIONAL_DAY_2026)).to.equal('2026-10-08'); // received during the holiday
    expect(addWorkingDays('2026-10-09', 1, NATIONAL_DAY_2026)).to.equal('2026-10-10');
  });

  it('crosses month, year and leap-day boundaries', () => {
    // Thu 12-31; 01-01 (Fri) holiday; weekend; 01-04 Mon (1), 01-05 Tue (2).
    expect(addWorkingDays('2026-12-31', 2, { holidays: ['2027-01-01'] })).to.equal('2027-01-05');
    expect(addWorkingDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addWorkingDays('2027-02-26', 1)).to.equal('2027-03-01');
  });

  it('is unaffected by DST changes (US 2026-03-08, EU 2026-10-25)', () => {
    expect(addWorkingDays('2026-03-06', 2)).to.equal('2026-03-10');
    expect(addWorkingDays('2026-10-23', 1)).to.equal('2026-10-26');
    expect(workingDaysBetween('2026-03-01', '2026-03-31')).to.equal(22);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-03-06', -1)).to.throw(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5)).to.throw(RangeError);
    expect(() => addWorkingDays('2026-03-06', Number.NaN)).to.throw(RangeError);
  });
});

describe('localDate', () => {
  it('takes the calendar date in the given zone (default Asia/Shanghai)', () => {
    expect(localDate('2026-09-29T16:30:00Z')).to.equal('2026-09-30'); // 00:30 next day in Shanghai
    expect(localDate('2026-09-29T15:59:59Z')).to.equal('2026-09-29'); // 23:59:59 in Shanghai
    expect(localDate('2026-09-29T16:30:00Z', 'UTC')).to.equal('2026-09-29');
    expect(localDate('2026-09-30T00:30:00+08:00', 'UTC')).to.equal('2026-09-29');
    expect(localDate('2026-03-09T03:30:00Z', 'America/New_York')).to.equal('2026-03-08'); // 23:30 EDT
    expect(localDate('2026-10-24T23:30:00Z', 'Europe/London')).to.equal('2026-10-25'); // 00:30 BST
  });

  it('passes plain dates through and reads zone-less date-times as local', () => {
    expect(localDate('2026-09-30', 'America/New_York')).to.equal('2026-09-30');
    expect(localDate('2026-09-30T23:30:00', 'UTC')).to.equal('2026-09-30');
    expect(localDate('2026-09-30T23:30', 'Asia/Shanghai')).to.equal('2026-09-30');
  });

  it('throws on garbage and unknown zones', () => {
    expect(() => localDate('yesterday')).to.throw(RangeError);
    expect(() => localDate('2026-02-30')).to.throw(RangeError);
    expect(() => localDate('2026-09-30T00:00:00Z', 'Mars/Olympus')).to.throw(RangeError);
  });
});

describe('dueDate', () => {
  it('uses the Shanghai date of a receipt late in the evening UTC', () => {
    // 16:30 UTC on Tue 09-29 is 00:30 on Wed 09-30 in Shanghai, so counting starts after 09-30:
    // 20 working days end on 11-03 (see the National Day count above).
    expect(dueDate('2026-09-29T16:30:00Z', 20, NATIONAL_DAY_2026)).to.equal('2026-11-03');
    // Counted from the UTC date 09-29 instead, 09-30 is day 1 and the 20th is 11-02.
    expect(dueDate('2026-09-29T16:30:00Z', 20, NATIONAL_DAY_2026, 'UTC')).to.equal('2026-11-02');
  });

  it('uses the agency zone for US receipts across the DST change', () => {
    // 03:30 UTC Mon 03-09 is Sun 03-08 23:30 EDT in New York → next working day Mon 03-09.
    expect(dueDate('2026-03-09T03:30:00Z', 1, undefined, 'America/New_York')).to.equal('2026-03-09');
    expect(dueDate('2026-03-09T03:30:00Z', 1, undefined, 'UTC')).to.equal('2026-03-10');
  });

  it('gives the receipt date itself for n = 0', () => {
    expect(dueDate('2026-09-29T16:30:00Z', 0)).to.equal('2026-09-30');
  });

  it('adds a CN-OGI-2019 extension on top of the reply period', () => {
    const { replyWorkingDays, extensionWorkingDays } = jurisdictionDefaults('CN-OGI-2019');
    const due = dueDate('2026-09-29T16:30:00Z', replyWorkingDays, NATIONAL_DAY_2026);
    const extended = addWorkingDays(due, extensionWorkingDays, NATIONAL_DAY_2026);
    // After Tue 11-03: 11-04..06 (1–3), 11-09..13 (4–8), 11-16..20 (9–13), 11-23..27 (14–18), 11-30 (19), 12-01 (20).
    expect(extended).to.equal('2026-12-01');
    expect(dueDate('2026-09-29T16:30:00Z', replyWorkingDays + extensionWorkingDays, NATIONAL_DAY_2026)).to.equal(extended);
  });
});

describe('workingDaysBetween', () => {
  it('counts days strictly after from up to and including to', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).to.equal(1); // Fri → Mon
    expect(workingDaysBetween('2026-03-06', '2026-03-06')).to.equal(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-06')).to.equal(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-07', NATIONAL_DAY_2026)).to.equal(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', NATIONAL_DAY_2026)).to.equal(3);
    expect(workingDaysBetween('2026-09-30', '2026-11-03', NATIONAL_DAY_2026)).to.equal(20);
  });

  it('inverts addWorkingDays for every n up to 60', () => {
    for (const start of ['2026-09-18', '2026-09-30', '2026-10-03']) {
      for (let n = 0; n <= 60; n++) {
        const end = addWorkingDays(start, n, NATIONAL_DAY_2026);
        expect(workingDaysBetween(start, end, NATIONAL_DAY_2026), `${start}+${n}`).to.equal(n);
        if (n > 0) expect(isWorkingDay(end, NATIONAL_DAY_2026), `${start}+${n}`).to.equal(true);
      }
    }
  });
});

describe('isOverdue', () => {
  it('is true only after the due date', () => {
    expect(isOverdue('2026-11-03', '2026-11-02')).to.equal(false);
    expect(isOverdue('2026-11-03', '2026-11-03')).to.equal(false);
    expect(isOverdue('2026-11-03', '2026-11-04')).to.equal(true);
    expect(isOverdue('2026-10-31', '2026-11-01')).to.equal(true);
    expect(isOverdue('2026-12-31', '2027-01-01')).to.equal(true);
  });

  it('throws on invalid dates', () => {
    expect(() => isOverdue('2026-11-31', '2026-12-01')).to.throw(RangeError);
  });
});

describe('unlistedYear: a due date\'s year whose holidays the calendar does not list yet', () => {
  it('is the year past the last one listed, else 0 (a listed year, or a calendar that lists none)', () => {
    expect(unlistedYear('2027-01-05', NATIONAL_DAY_2026)).to.equal(2027);
    expect(unlistedYear('2026-12-31', NATIONAL_DAY_2026)).to.equal(0);
    expect(unlistedYear('2027-01-05', { holidays: ['2027-01-01'] })).to.equal(0);
    expect(unlistedYear('2027-01-05', undefined)).to.equal(0);
  });
});

describe('listedYear: the last year whose holidays a calendar lists', () => {
  it('the year of its last day; 1 January of the next year, listed ahead of that year\'s arrangement, does not list that year', () => {
    expect(listedYear(NATIONAL_DAY_2026)).to.equal(2026);
    expect(listedYear({ ...NATIONAL_DAY_2026, holidays: [...NATIONAL_DAY_2026.holidays!, '2027-01-01'] })).to.equal(2026);
    expect(listedYear({ holidays: ['2027-01-01', '2027-02-06'] })).to.equal(2027);
    expect(listedYear({ extraWorkdays: ['2027-02-14'] })).to.equal(2027);
  });

  it('no calendar, or one listing no day: 0 (the receipt then says nothing of the holidays)', () => {
    expect(listedYear()).to.equal(0);
    expect(listedYear({})).to.equal(0);
    expect(listedYear({ holidays: [], extraWorkdays: [] })).to.equal(0);
    expect(listedYear({ holidays: ['2027-01-01'] })).to.equal(0);
  });
});
