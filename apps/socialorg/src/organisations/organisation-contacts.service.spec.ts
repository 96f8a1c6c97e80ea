import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { centreAdmin, memberOf, socialorgWorld } from '../../test/socialorg-world';
import type { Organisation } from './organisation.model';
import { phoneContext } from './organisation-rules';

const portal = (principal: ReturnType<typeof memberOf>) => ({
  principal,
  screen: 'portal' as const,
  purpose: '电话回访',
});

describe('OrganisationContactsService', () => {
  it('stores a contact number encrypted, bound to its organisation, and shows it masked', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const view = await world.org.contacts.add(
      orgId,
      { name: '林晓红', role: 'leader', phone: '13912340001' },
      memberOf(orgId),
    );
    expect(view.contacts).toEqual([
      expect.objectContaining({ name: '林晓红', role: 'leader', phone: '139****0001' }),
    ]);
    const [stored] = (world.organisationStore.docs.get(orgId) as unknown as Organisation).contacts;
    expect(JSON.stringify(stored)).not.toContain('13912340001');
    expect(world.cipher.decrypt(stored.phoneEnc, phoneContext(orgId))).toBe('13912340001');
    expect(() => world.cipher.decrypt(stored.phoneEnc, phoneContext('org-other'))).toThrow(
      /failed authentication/,
    );
    expect(world.outbox.dataOf('socialorg.organisation.contact-changed')).toEqual([
      expect.objectContaining({ orgId, role: 'leader', change: 'added' }),
    ]);
    expect(JSON.stringify(world.outbox.raised)).not.toContain('13912340001');
  });

  it('answers the full number only after recording who read it, from where and why', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const { contacts } = await world.org.contacts.add(
      orgId,
      { name: '林晓红', role: 'leader', phone: '13912340001' },
      centreAdmin,
    );
    const contactId = contacts[0].contactId;
    expect(await world.org.contacts.revealPhone(orgId, contactId, portal(centreAdmin))).toEqual({
      contactId,
      phone: '13912340001',
    });
    expect([...world.revealStore.docs.values()]).toEqual([
      expect.objectContaining({
        orgId,
        contactId,
        actorId: 'u-centre_admin',
        actorRole: 'centre_admin',
        screen: 'portal',
        purpose: '电话回访',
      }),
    ]);
    expect(world.outbox.dataOf('socialorg.organisation.contact-revealed')).toEqual([
      expect.objectContaining({ orgId, contactId, role: 'centre_admin', purpose: '电话回访' }),
    ]);
  });

  it("refuses another organisation's staff the number, and records nothing for them", async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const { contacts } = await world.org.contacts.add(
      orgId,
      { name: '林晓红', role: 'leader', phone: '13912340001' },
      centreAdmin,
    );
    await expectAppError(
      world.org.contacts.revealPhone(orgId, contacts[0].contactId, portal(memberOf('org-other'))),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.org.contacts.revealPhone(orgId, 'ct-nobody', portal(centreAdmin)),
      'SOCIALORG.CONTACT_NOT_FOUND',
    );
    expect(world.revealStore.docs.size).toBe(0);
  });

  it('removes a contact, on the record', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const { contacts } = await world.org.contacts.add(
      orgId,
      { name: '林晓红', role: 'leader', phone: '13912340001' },
      centreAdmin,
    );
    const view = await world.org.contacts.remove(orgId, contacts[0].contactId, memberOf(orgId));
    expect(view.contacts).toEqual([]);
    expect(view.history.map((h) => [h.action, h.reason])).toEqual([
      ['register', null],
      ['add_contact', '负责人：林晓红'],
      ['remove_contact', '负责人：林晓红'],
    ]);
  });
});
