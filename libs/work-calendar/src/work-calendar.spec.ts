import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  coveredYears,
  createWorkCalendar,
  isProvisional,
  isWorkingDay,
  slaStatus,
  workingDaysBetween,
} from './work-calendar';
import { WorkCalendarError } from './work-calendar.errors';

// 10:00 in Shanghai (UTC+8) on a given day
const shanghai10am = (day: string) => new Date(`${day}T02:00:00Z`);

function thrownBy(fn: () => unknown): WorkCalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkCalendarError) return error;
    throw error;
  }
  throw new Error('expected a WorkCalendarError');
}

describe('isWorkingDay', () => {
  it('treats 调休 weekend days as working days and holiday weekdays as days off', () => {
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday, 元旦 make-up day
    expect(isWorkingDay('2026-01-02')).toBe(false); // Friday, 元旦
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, 春节 make-up day
    expect(isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-03-07')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-03-09')).toBe(true); // an ordinary Monday
  });

  it('knows 国庆/中秋 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked', () => {
    expect(isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, worked
    expect(isWorkingDay('2025-09-30')).toBe(true);
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, worked
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
  });

  it('refuses anything but a real YYYY-MM-DD day', () => {
    expect(thrownBy(() => isWorkingDay('2026-02-30')).code).toBe('WORK_CALENDAR.INVALID_DAY');
    expect(thrownBy(() => isWorkingDay('2026-02-14T10:00:00+08:00')).code).toBe('WORK_CALENDAR.INVALID_DAY');
  });
});

describe('addWorkingDays', () => {
  it('runs across the 2026 Spring Festival: Fri 13 Feb + 3 → Sat 14 (1), Tue 24 (2), Wed 25 (3)', () => {
    expect(addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(addWorkingDays(shanghai10am('2026-02-13'), 3)).toBe('2026-02-25');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('counts a 调休 Saturday as a working day', () => {
    expect(addWorkingDays('2026-02-27', 1)).toBe('2026-02-28'); // Fri → Sat 28 Feb (worked)
    expect(addWorkingDays('2026-05-08', 1)).toBe('2026-05-09'); // Fri → Sat 9 May (worked)
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // an ordinary Friday → Monday
  });

  it('runs across 国庆/中秋 2025', () => {
    // Fri 26 Sep: Sun 28 (1), Mon 29 (2), Tue 30 (3), 1–8 Oct off, Thu 9 (4), Fri 10 (5)
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    // Tue 30 Sep: Thu 9 (1), Fri 10 (2), Sat 11 worked (3)
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-30', 4)).toBe('2025-10-13');
  });

  it('starts the count from the next working day when accepted on a non-working day', () => {
    expect(addWorkingDays('2026-03-08', 1)).toBe('2026-03-09'); // Sunday → Monday is day 1
    expect(addWorkingDays('2026-03-08', 5)).toBe('2026-03-13'); // … and Friday day 5
    expect(addWorkingDays('2025-09-27', 1)).toBe('2025-09-28'); // Saturday → the worked Sunday is day 1
    expect(addWorkingDays('2026-01-03', 1)).toBe('2026-01-04'); // 元旦 Saturday → worked Sunday
    expect(addWorkingDays('2026-02-18', 1)).toBe('2026-02-24'); // mid-Spring Festival → first day back
  });

  it('uses the Shanghai day of acceptance, not the UTC one', () => {
    // 17:30 UTC on Fri 13 Feb is 01:30 on Sat 14 Feb in Shanghai: 24 (1), 25 (2), 26 (3)
    expect(addWorkingDays(new Date('2026-02-13T17:30:00Z'), 3)).toBe('2026-02-26');
    // 15:30 UTC is 23:30 on Fri 13 Feb in Shanghai
    expect(addWorkingDays(new Date('2026-02-13T15:30:00Z'), 3)).toBe('2026-02-25');
  });

  it('treats a 0-day limit as 当场办结: due on the day of acceptance, working day or not', () => {
    expect(addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(addWorkingDays(new Date('2026-02-13T17:30:00Z'), 0)).toBe('2026-02-14');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(thrownBy(() => addWorkingDays('2026-02-13', -1)).code).toBe('WORK_CALENDAR.INVALID_ARGUMENT');
    expect(thrownBy(() => addWorkingDays('2026-02-13', 1.5)).code).toBe('WORK_CALENDAR.INVALID_ARGUMENT');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
    expect(workingDaysBetween('2026-02-14', '2026-02-23')).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5);
    expect(workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2); // 元旦 1–3 off, Sun 4 and Mon 5 worked
  });

  it('is negative when `to` is earlier', () => {
    expect(workingDaysBetween('2026-02-25', '2026-02-13')).toBe(-3);
  });

  it('takes instants on their Shanghai day', () => {
    expect(workingDaysBetween(new Date('2026-02-13T17:30:00Z'), new Date('2026-02-25T15:00:00Z'))).toBe(2);
  });

  it('undoes addWorkingDays', () => {
    for (const start of ['2026-02-13', '2026-02-14', '2026-02-15', '2025-09-27', '2026-01-03']) {
      for (const n of [0, 1, 2, 5, 15]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});

describe('slaStatus', () => {
  // accepted Fri 13 Feb 2026 10:00 Shanghai, 3 working days: due Wed 25 Feb, end of day 15:59:59.999 UTC
  const acceptedAt = shanghai10am('2026-02-13');
  const at = (iso: string, warnDays?: number) => slaStatus(acceptedAt, 3, new Date(iso), warnDays);

  it('gives the due day and its end as an instant', () => {
    const status = at('2026-02-13T07:00:00Z');
    expect(status.due).toBe('2026-02-25');
    expect(status.dueAt.toISOString()).toBe('2026-02-25T15:59:59.999Z');
    expect(status.provisional).toBe(false);
  });

  it('moves on_track → due_soon → overdue', () => {
    expect(at('2026-02-13T07:00:00Z')).toMatchObject({ remainingWorkingDays: 3, state: 'on_track' });
    expect(at('2026-02-14T02:00:00Z')).toMatchObject({ remainingWorkingDays: 2, state: 'on_track' });
    expect(at('2026-02-20T02:00:00Z')).toMatchObject({ remainingWorkingDays: 2, state: 'on_track' });
    expect(at('2026-02-24T01:00:00Z')).toMatchObject({ remainingWorkingDays: 1, state: 'due_soon' });
    expect(at('2026-02-25T15:59:59.999Z')).toMatchObject({ remainingWorkingDays: 0, state: 'due_soon' });
    // 00:00 on Thu 26 Feb in Shanghai
    expect(at('2026-02-25T16:00:00Z')).toMatchObject({ remainingWorkingDays: -1, state: 'overdue' });
    // Mon 2 Mar: 26, 27, Sat 28 (worked) and 2 Mar are past due
    expect(at('2026-03-02T02:00:00Z')).toMatchObject({ remainingWorkingDays: -4, state: 'overdue' });
  });

  it('warns as many working days ahead as asked', () => {
    expect(at('2026-02-14T02:00:00Z', 2).state).toBe('due_soon');
    expect(at('2026-02-24T01:00:00Z', 0).state).toBe('on_track');
    expect(at('2026-02-25T01:00:00Z', 0).state).toBe('due_soon');
  });

  it('makes a 0-day limit due at the end of the day of acceptance', () => {
    const accepted = shanghai10am('2026-02-13');
    expect(slaStatus(accepted, 0, new Date('2026-02-13T08:00:00Z'))).toMatchObject({
      due: '2026-02-13',
      remainingWorkingDays: 0,
      state: 'due_soon',
    });
    expect(slaStatus(accepted, 0, new Date('2026-02-13T16:00:01Z')).state).toBe('overdue');
  });

  it('counts from the Shanghai day for a case accepted late at night UTC', () => {
    const status = slaStatus(new Date('2026-02-13T17:30:00Z'), 3, new Date('2026-02-14T03:00:00Z'));
    expect(status.due).toBe('2026-02-26');
    expect(status.dueAt.toISOString()).toBe('2026-02-26T15:59:59.999Z');
    expect(status.remainingWorkingDays).toBe(3);
  });
});

describe('out of coverage', () => {
  it('throws a typed error for a day long after or before the data', () => {
    const { from, to } = coveredYears();
    const after = thrownBy(() => isWorkingDay('2099-01-05'));
    expect(after.code).toBe('WORK_CALENDAR.OUT_OF_COVERAGE');
    expect(after.details).toMatchObject({ day: '2099-01-05', from, to });
    expect(thrownBy(() => addWorkingDays('2003-06-02', 1)).code).toBe('WORK_CALENDAR.OUT_OF_COVERAGE');
    expect(thrownBy(() => isWorkingDay(`${to + 2}-03-01`)).code).toBe('WORK_CALENDAR.OUT_OF_COVERAGE');
    expect(isProvisional('2026-06-01')).toBe(false);
  });

  // a data set holding 2030 only, so the boundary does not move when the package adds a year
  const calendar = createWorkCalendar({
    holidays: Object.fromEntries(
      ['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2030-10-${d}`, 'National Day,国庆节,3']),
    ),
    workdays: { '2030-09-29': 'National Day,国庆节,3', '2030-10-12': 'National Day,国庆节,3' },
  });

  it('uses the data inside the covered years', () => {
    expect(calendar.coveredYears()).toEqual({ from: 2030, to: 2030 });
    expect(calendar.addWorkingDays('2030-09-27', 1)).toBe('2030-09-29'); // Fri → worked Sunday
    expect(calendar.addWorkingDays('2030-09-30', 2)).toBe('2030-10-09'); // 1–7 Oct off: Tue 8 (1), Wed 9 (2)
  });

  it('counts the next, unpublished year Monday to Friday and flags it provisional', () => {
    expect(calendar.isProvisional('2030-12-31')).toBe(false);
    expect(calendar.isProvisional('2031-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2031-01-01')).toBe(true); // a Wednesday; 元旦 is not known yet
    expect(calendar.isWorkingDay('2031-01-04')).toBe(false); // Saturday
    // Tue 31 Dec 2030 + 5: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 Jan
    expect(calendar.addWorkingDays('2030-12-31', 5)).toBe('2031-01-07');
    expect(calendar.slaStatus(shanghai10am('2030-12-31'), 5, shanghai10am('2030-12-31'))).toMatchObject({
      due: '2031-01-07',
      provisional: true,
    });
    expect(calendar.slaStatus(shanghai10am('2030-12-20'), 1, shanghai10am('2030-12-20')).provisional).toBe(
      false,
    );
  });

  it('throws beyond that year and before the first', () => {
    expect(thrownBy(() => calendar.isWorkingDay('2032-01-05')).code).toBe('WORK_CALENDAR.OUT_OF_COVERAGE');
    expect(thrownBy(() => calendar.isWorkingDay('2029-12-31')).code).toBe('WORK_CALENDAR.OUT_OF_COVERAGE');
    // a limit that runs past the provisional year throws rather than guessing further
    expect(thrownBy(() => calendar.addWorkingDays('2031-12-30', 5)).code).toBe(
      'WORK_CALENDAR.OUT_OF_COVERAGE',
    );
  });
});

// The server's own time zone must not matter. Node re-reads TZ when it is assigned, so the same cases run again as
// if the process were in Los Angeles (UTC−8) and on Kiritimati (UTC+14).
for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
  describe(`with the process in ${zone}`, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('really runs in that zone', () => {
      // 02:00 UTC on 14 Feb is 18:00 on the 13th in Los Angeles and 16:00 on the 14th on Kiritimati
      expect(new Date('2026-02-14T02:00:00Z').getDate()).toBe(zone === 'America/Los_Angeles' ? 13 : 14);
      expect(new Date('2026-02-14T02:00:00Z').getHours()).toBe(zone === 'America/Los_Angeles' ? 18 : 16);
    });

    it('gives the same days and instants', () => {
      expect(isWorkingDay('2026-02-14')).toBe(true);
      expect(isWorkingDay('2026-02-15')).toBe(false);
      expect(addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
      expect(addWorkingDays(new Date('2026-02-13T17:30:00Z'), 3)).toBe('2026-02-26');
      const status = slaStatus(shanghai10am('2026-02-13'), 3, new Date('2026-02-24T01:00:00Z'));
      expect(status).toMatchObject({ due: '2026-02-25', remainingWorkingDays: 1, state: 'due_soon' });
      expect(status.dueAt.toISOString()).toBe('2026-02-25T15:59:59.999Z');
    });
  });
}
