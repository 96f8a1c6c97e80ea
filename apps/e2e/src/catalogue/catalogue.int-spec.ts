import { waitFor } from '@psc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SystemWorld } from '../world';

/** Drafting, publishing and reading items through the gateway, against the real store and Kafka. */
describe('catalogue: draft → publish → immutable versions', () => {
  const world = new SystemWorld(inject('stack'));
  const api = (path: string) => `${world.apps.gateway!.url}/api/catalogue${path}`;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(api(path), {
      method,
      headers: { 'content-type': 'application/json', ...world.adminHeaders, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(() => world.startAll(['catalogue', 'insight']));
  afterAll(() => world.dispose());

  const complete = {
    name: '临时救助申请',
    theme: 'civil-assistance',
    summary: '对遭遇突发事件、意外伤害等导致基本生活暂时出现严重困难的家庭给予应急性、过渡性救助。',
    department: '区民政局',
    legalBasis: ['《社会救助暂行办法》第四十七条'],
    conditions: ['因突发事件导致基本生活暂时出现严重困难的家庭或个人'],
    materials: [
      { name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false },
      {
        name: '困难情况证明',
        form: 'original',
        copies: 1,
        deferrable: true,
        note: '可在受理后 5 个工作日内补交',
      },
    ],
    legalDays: 20,
    promisedDays: 10,
    visits: 1,
    delivery: ['window'],
    keywords: ['急难救助'],
  };

  it('refuses to publish an item without materials, names what is missing, and publishes once it is complete', async () => {
    const code = world.nextCode();
    expect(
      (await send('POST', '/items', { code, name: '临时救助申请', theme: 'civil-assistance' })).status,
    ).toBe(201);

    const refused = await send('POST', `/items/${code}/publish`);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { code: string; message: string; details: { field: string }[] };
    expect(body.code).toBe('CATALOGUE.NOT_PUBLISHABLE');
    expect(body.message).toBe('没有申请材料的事项不能发布，请至少列出一项材料');
    expect(body.details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['materials', 'conditions', 'legalBasis', 'department']),
    );
    expect((await fetch(api(`/items/${code}`))).status).toBe(404);

    // an editor holding an old revision is told someone else changed it
    expect((await send('PUT', `/items/${code}/draft`, complete, { 'if-match': '1' })).status).toBe(200);
    const stale = await send('PUT', `/items/${code}/draft`, complete, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toContain('已被他人修改');

    const published = await send('POST', `/items/${code}/publish`);
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({ code, version: 1 });
    const again = await send('POST', `/items/${code}/publish`);
    expect(((await again.json()) as { code: string }).code).toBe('CATALOGUE.NOTHING_TO_PUBLISH');

    // anyone may read it, with no token
    const item = (await (await fetch(api(`/items/${code}`))).json()) as {
      version: number;
      materials: unknown[];
    };
    expect(item).toMatchObject({ version: 1, name: '临时救助申请' });
    expect(item.materials).toHaveLength(2);
  });

  it('keeps every published version unchanged and shows the newest, found by pinyin initials', async () => {
    const code = world.nextCode();
    await send('POST', '/items', { code, ...complete });
    await send('POST', `/items/${code}/publish`);
    const edited = await send(
      'PUT',
      `/items/${code}/draft`,
      { ...complete, name: '临时救助金申领', promisedDays: 5 },
      { 'if-match': '1' },
    );
    expect(edited.status).toBe(200);
    const second = (await (await send('POST', `/items/${code}/publish`)).json()) as { version: number };
    expect(second.version).toBe(2);

    const v1 = (await (await fetch(api(`/items/${code}/versions/1`))).json()) as {
      content: { name: string };
    };
    expect(v1.content.name).toBe('临时救助申请');
    expect(((await (await fetch(api(`/items/${code}`))).json()) as { name: string }).name).toBe(
      '临时救助金申领',
    );

    const search = (await (await fetch(api('/search?q=lsjzj'))).json()) as { results: { code: string }[] };
    expect(search.results[0]?.code).toBe(code);

    // each version went out on Kafka: the relay cleared the item's outbox
    await waitFor(
      async () =>
        !(await world
          .db('catalogue')
          .collection('items')
          .findOne({ _id: code as never, _outboxPending: true })),
      { what: 'the published events to leave the outbox' },
    );
  });

  it('refuses bad input with a Chinese message a person can act on', async () => {
    const badTheme = await send('POST', '/items', {
      code: world.nextCode(),
      name: '测试事项',
      theme: 'nope',
    });
    expect(badTheme.status).toBe(400);
    expect(JSON.stringify(await badTheme.json())).toContain('请选择主题');
    const noRevision = await send('PUT', `/items/${world.nextCode()}/draft`, complete);
    expect(((await noRevision.json()) as { message: string }).message).toContain('If-Match');
    const unknownCentre = await fetch(api('/themes?centre=sz%2Fnowhere'));
    expect(unknownCentre.status).toBe(404);
    expect(((await unknownCentre.json()) as { message: string }).message).toContain('没有找到服务中心');
    const counter = await send(
      'POST',
      '/items',
      { code: world.nextCode(), ...complete },
      {
        authorization: `Bearer ${await world.tokenFor('counter_staff')}`,
      },
    );
    expect(counter.status).toBe(403);
  });
});
