import { PROXIED_NAMES, SERVICE_NAMES } from '@psc/service-registry';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

/** Every service of the registry starts, answers its health check and is reached through the gateway. */
describe('the registry’s services behind the gateway', () => {
  const world = new SystemWorld(inject('stack'));
  beforeAll(() => world.startAll());
  afterAll(() => world.dispose());

  it('runs every registered app', () => {
    expect(Object.keys(world.apps).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it.each(PROXIED_NAMES)('routes /api/%s/… to that service, healthy', async (name) => {
    const gateway = world.apps.gateway!.url;
    const health = await fetch(`${gateway}/api/${name}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    // the document names the app that wrote it, so the answer came from `name` and not from another upstream
    const document = (await (await fetch(`${gateway}/api/${name}/openapi.json`)).json()) as {
      info: { title: string };
      servers: { url: string }[];
    };
    expect(document.info.title).toBe(name);
    expect(document.servers).toEqual([{ url: `/api/${name}` }]);
  });
});
