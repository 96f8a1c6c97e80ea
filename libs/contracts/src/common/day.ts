import { z } from 'zod';

/**
 * A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). Stated in the documents as `format: date`, so a
 * generated client, and the contract fuzzer, send only days the service takes.
 */
export const calendarDay = (label = '日期') => z.iso.date({ error: `${label}应为有效日期（YYYY-MM-DD）` });
