import { type DomainEvent, parseEvent } from '@psc/contracts';
import { waitFor } from '@psc/testing';
import type { SystemWorld } from '../world';

/** Calls through the gateway as a signed-in account; what socialorg's system tests share. */
export function socialorgApi(world: SystemWorld) {
  const tokens = new Map<string, string>();
  const url = (path: string) => `${world.apps.gateway!.url}/api${path}`;

  /** Signs a seeded or created account in through identity, as the portal does. */
  async function signIn(username: string, password = world.seedPassword): Promise<void> {
    const response = await fetch(url('/identity/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.status}`);
    tokens.set(username, ((await response.json()) as { accessToken: string }).accessToken);
  }

  async function call<T = Record<string, unknown>>(
    who: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(url(path), {
      method,
      headers: {
        ...(body !== undefined && !(body instanceof FormData) && { 'content-type': 'application/json' }),
        ...(tokens.has(who) && { authorization: `Bearer ${tokens.get(who)}` }),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as T };
  }

  /**
   * An account for staff of `orgId`, created by `admin`: identity learns where the organisation belongs from
   * socialorg's event, so until then it refuses, and the call is repeated.
   */
  async function orgAccount(admin: string, orgId: string, username: string): Promise<void> {
    const password = `Org-${username}-pass1`;
    await waitFor(
      async () =>
        (
          await call(admin, 'POST', '/identity/accounts', {
            username,
            displayName: '社会组织工作人员',
            password,
            roles: [{ role: 'org_member', scope: `org/${orgId}` }],
          })
        ).status === 201,
      { what: `identity to learn of ${orgId} and create ${username}`, timeoutMs: 60_000 },
    );
    await signIn(username, password);
  }

  /** Every event on a topic of this world so far, each validated against the registry as a consumer would. */
  async function events(
    logicalTopic: string,
    settle: (events: DomainEvent[]) => boolean,
  ): Promise<DomainEvent[]> {
    const seen: DomainEvent[] = [];
    const consumer = world.kafka.consumer({ groupId: `${world.namespace}.reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: world.topic(logicalTopic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const parsed = parseEvent(JSON.parse(message.value?.toString() ?? 'null'));
        if (!parsed.ok) throw new Error(`invalid event on ${logicalTopic}: ${parsed.reason}`);
        seen.push(parsed.event);
      },
    });
    try {
      await waitFor(async () => settle(seen), { what: `the events on ${logicalTopic}`, timeoutMs: 60_000 });
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }

  return { signIn, call, orgAccount, events, token: (who: string) => tokens.get(who) };
}

/** A small PDF: its first bytes are what the file store recognises it by. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The form the portal sends to `POST /files`. */
export function upload(
  orgId: string,
  kind: string,
  name: string,
  bytes: Buffer,
  mime = 'application/pdf',
): FormData {
  const form = new FormData();
  form.set('orgId', orgId);
  form.set('kind', kind);
  form.set('file', new Blob([bytes], { type: mime }), name);
  return form;
}
