import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useIntakeStore } from './intake';

const openCase = vi.fn<(request: unknown, key: string, onRetry?: () => void) => Promise<unknown>>();
vi.mock('../api/affairs', () => ({
  openCase: (request: unknown, key: string, onRetry?: () => void) => openCase(request, key, onRetry),
}));
vi.mock('../api/identity', () => ({
  lookupResident: () =>
    Promise.resolve({
      residentId: 'r-1',
      idTail: '12345X',
      name: '张*',
      created: false,
      phoneUpdated: false,
    }),
}));
vi.mock('../api/catalogue', () => ({
  fetchItem: () =>
    Promise.resolve({
      code: 'MZ-001',
      name: '最低生活保障申请',
      materials: [
        { name: '居民身份证', form: 'original', copies: 1, deferrable: false },
        { name: '户口簿', form: 'original', copies: 1, deferrable: true },
      ],
    }),
}));

describe('an intake form', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    openCase.mockReset();
  });

  async function filled(ticketId?: string) {
    const intake = useIntakeStore();
    if (ticketId) intake.start({ ticketId } as never);
    await intake.identify({ idNumber: 'x', name: '张三' });
    await intake.chooseItem('MZ-001');
    intake.provided['居民身份证'] = true;
    return intake;
  }

  it('sends every material of the item, ticked or not, with the ticket and one idempotency key', async () => {
    const intake = await filled('t-1');
    openCase.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ caseNo: '1' });

    await expect(intake.submit('c-1')).rejects.toThrow('offline');
    await intake.submit('c-1');

    expect(openCase).toHaveBeenCalledTimes(2);
    const [[first, key1], [second, key2]] = openCase.mock.calls as [unknown, string][];
    expect(first).toEqual({
      centreId: 'c-1',
      itemCode: 'MZ-001',
      residentId: 'r-1',
      idTail: '12345X',
      ticketId: 't-1',
      materials: [
        { name: '居民身份证', provided: true },
        { name: '户口簿', provided: false },
      ],
    });
    expect(second).toEqual(first);
    // the retry of the same form is the same submission
    expect(key2).toBe(key1);
    expect(intake.summary?.outcome).toBe('accepted_with_promise');
  });

  it('keeps the form while the client retries the same submission, and tells who asked', async () => {
    const intake = await filled();
    const onRetry = vi.fn();
    openCase.mockImplementationOnce((_request, _key, retrying) => {
      retrying?.();
      return Promise.resolve({ caseNo: '1' });
    });
    await intake.submit('c-1', onRetry);
    expect(onRetry).toHaveBeenCalledOnce();
    expect(intake.provided).toEqual({ 居民身份证: true, 户口簿: false });
    expect(intake.opened).toEqual({ caseNo: '1' });
  });

  it('takes a new key for the next applicant', async () => {
    const intake = await filled();
    const before = intake.key;
    intake.start();
    expect(intake.key).not.toBe(before);
    expect(intake.applicant).toBeUndefined();
    expect(intake.summary).toBeUndefined();
  });
});
