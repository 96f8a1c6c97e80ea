import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

interface Operation {
  'x-public'?: boolean;
  'x-roles'?: string[];
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every HTTP route of every app, read from the app's own OpenAPI document (so a new route is covered without
 * touching this test), is refused to an anonymous caller and to a caller with the wrong role unless it is
 * declared public.
 */
describe('route inventory: nothing is open by accident', () => {
  const world = new SystemWorld(inject('stack'));
  beforeAll(() => world.startAll());
  afterAll(() => world.dispose());

  it('refuses anonymous and wrong-role calls on every route that is not public', async () => {
    const wrongRoleToken = await world.tokenFor('volunteer');
    const checked: string[] = [];
    for (const app of Object.values(world.apps)) {
      const document = (await (await fetch(`${app.url}/openapi.json`)).json()) as OpenApi;
      for (const [template, operations] of Object.entries(document.paths)) {
        const path = template.replace(/\{[^}]+\}/g, 'route-inventory-x');
        for (const method of METHODS.filter((m) => operations[m])) {
          const operation = operations[method];
          const call = (headers: Record<string, string> = {}) =>
            fetch(`${app.url}${path}`, {
              method: method.toUpperCase(),
              headers: { 'content-type': 'application/json', ...headers },
              body: method === 'get' || method === 'delete' ? undefined : '{}',
            });
          const label = `${app.name} ${method.toUpperCase()} ${template}`;
          checked.push(label);
          if (operation['x-public']) {
            // a public route may still refuse a bad body or credential, but never for want of a token
            const body = (await (await call()).json().catch(() => ({}))) as { code?: string };
            expect(body.code, label).not.toBe('AUTH.TOKEN_MISSING');
            continue;
          }
          const anonymous = await call();
          expect(anonymous.status, label).toBe(401);
          expect(((await anonymous.json()) as { code: string }).code, label).toBe('AUTH.TOKEN_MISSING');
          if (operation['x-roles'] && !operation['x-roles'].includes('volunteer')) {
            const wrongRole = await call({ authorization: `Bearer ${wrongRoleToken}` });
            expect(wrongRole.status, label).toBe(403);
            expect(((await wrongRole.json()) as { code: string; message: string }).message, label).toBe(
              '您没有权限进行此操作',
            );
          }
        }
      }
    }
    // the inventory really enumerated the apps' routes, protected and public alike
    expect(checked).toEqual(
      expect.arrayContaining([
        'catalogue POST /items',
        'catalogue GET /items/{code}',
        'catalogue POST /items/{code}/publish',
        'catalogue GET /search',
        'insight GET /catalogue/themes',
        'gateway GET /health',
        'identity GET /residents/me',
        'identity POST /residents/otp',
        'identity POST /residents/lookup',
        'affairs POST /cases',
        'affairs POST /cases/{caseNo}/actions',
        'affairs GET /cases/{caseNo}/progress',
      ]),
    );
  });

  it('refuses a tampered token even where the role would fit', async () => {
    const [header, payload, signature] = world.adminHeaders.authorization.replace('Bearer ', '').split('.');
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const response = await fetch(`${world.apps.insight!.url}/catalogue/themes`, {
      headers: { authorization: `Bearer ${header}.${payload}.${flipped}` },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('AUTH.TOKEN_INVALID');
  });
});
