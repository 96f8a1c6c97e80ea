import type { CaseView } from '@psc/contracts/affairs';
import { waitFor } from '@psc/testing';
import type { SystemWorld } from '../world';

export const CENTRE = 'sz/futian/xiangmihu/c-001';
export const ITEM = 'MZ-001';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every answer the counter got, by status ('network' when none came), so a test can say no 500 was among them. */
export type Answers = Record<string, number>;

/**
 * A counter working through the gateway as the workbench does while a part of the stack is away: a keyed intake
 * is sent again with the same `Idempotency-Key` after the `Retry-After` it was given; a step on a case (revision
 * guarded) is tried again only after reading the case back, as a clerk who saw "try again" would.
 */
export class Counter {
  readonly answers: Answers = {};
  private headers: Record<string, string> = {};
  private materials: { name: string; provided: boolean }[] = [];

  constructor(private readonly world: SystemWorld) {}

  private get api() {
    return `${this.world.apps.gateway!.url}/api`;
  }

  /** Signs in as window staff and waits until affairs has learnt the seeded item from the catalogue's events. */
  async ready(): Promise<void> {
    this.headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await this.world.tokenFor('counter_staff', CENTRE)}`,
    };
    const item = (await (await fetch(`${this.api}/catalogue/items/${ITEM}`)).json()) as {
      materials: { name: string }[];
    };
    this.materials = item.materials.map((m) => ({ name: m.name, provided: true }));
    // an empty checklist of a known item is refused and opens nothing
    const probe = { ...this.intake('probe'), materials: [] };
    await waitFor(
      async () => {
        const answer = await this.send('POST', '/affairs/cases', probe, `probe-${Date.now()}`);
        return (answer.body as { code?: string } | undefined)?.code === 'AFFAIRS.CHECKLIST_INCOMPLETE';
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'affairs to know the seeded items' },
    );
    // the probes' refusals are not the counter's work
    for (const status of Object.keys(this.answers)) delete this.answers[status];
  }

  private intake(residentId: string) {
    return { centreId: CENTRE, itemCode: ITEM, residentId, idTail: '12345X', materials: this.materials };
  }

  private async send(method: string, path: string, body?: unknown, key?: string) {
    try {
      const response = await fetch(`${this.api}${path}`, {
        method,
        headers: { ...this.headers, ...(key && { 'idempotency-key': key }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      this.answers[response.status] = (this.answers[response.status] ?? 0) + 1;
      const retryAfter = Number(response.headers.get('retry-after') ?? 1);
      return {
        ok: response.ok,
        status: response.status,
        retryAfter,
        body: await response.json(),
      };
    } catch {
      this.answers.network = (this.answers.network ?? 0) + 1;
      return { ok: false, status: 0, retryAfter: 1, body: undefined };
    }
  }

  /** Until the service takes it or refuses it for a reason other than being away. */
  private async untilAnswered(attempt: () => ReturnType<Counter['send']>, deadlineMs = 120_000) {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const answer = await attempt();
      if (![0, 502, 503, 504].includes(answer.status) || Date.now() > deadline) return answer;
      await sleep(answer.retryAfter * 1000);
    }
  }

  /** 一窗受理 for a resident with one key for the form, sent again with it until saved; the case it opened. */
  async open(residentId: string, key: string): Promise<CaseView> {
    const answer = await this.untilAnswered(() =>
      this.send('POST', '/affairs/cases', this.intake(residentId), key),
    );
    if (answer.status !== 201)
      throw new Error(`intake ${key} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as CaseView;
  }

  /** One step on a case; after an outage the case is read back first, since the step may have been taken. */
  async act(opened: CaseView, action: 'complete' | 'deliver', state: string): Promise<CaseView> {
    let current = opened;
    for (;;) {
      const body = { action, revision: current.revision, ...(action === 'deliver' && { channel: 'onsite' }) };
      const answer = await this.send('POST', `/affairs/cases/${current.caseNo}/actions`, body);
      if (answer.ok) return answer.body as CaseView;
      if (![0, 502, 503, 504].includes(answer.status))
        throw new Error(
          `${action} ${current.caseNo} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      await sleep(answer.retryAfter * 1000);
      const read = await this.untilAnswered(() => this.send('GET', `/affairs/cases/${current.caseNo}`));
      current = read.body as CaseView;
      if (current.state === state) return current;
    }
  }

  /** A case from intake to delivery. */
  async deliver(residentId: string, key: string): Promise<CaseView> {
    const opened = await this.open(residentId, key);
    return this.act(await this.act(opened, 'complete', 'completed'), 'deliver', 'delivered');
  }
}

/** Runs `work(i)` for i = 0…count-1, starting one every `everyMs` with at most `atOnce` in flight. */
export async function paced<T>(
  count: number,
  everyMs: number,
  atOnce: number,
  work: (i: number) => Promise<T>,
) {
  const results: Promise<T>[] = [];
  let inFlight = 0;
  for (let i = 0; i < count; i++) {
    while (inFlight >= atOnce) await sleep(20);
    inFlight += 1;
    results.push(work(i).finally(() => (inFlight -= 1)));
    await sleep(everyMs);
  }
  return Promise.all(results);
}
