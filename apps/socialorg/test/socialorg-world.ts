import { orgGrant, type Principal } from '@psc/auth';
import type { RegisterOrganisationRequest } from '@psc/contracts/socialorg';
import { FieldCipher, generateDevKeys } from '@psc/pii';
import { creditCodeCheckCharacter } from '@psc/util';
import { fakeModel, fakeOutbox, manualClock, staff, staffWith } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { ContactPhonesService } from '../src/organisations/contact-phones.service';
import type { ContactReveal } from '../src/organisations/contact-reveal.model';
import type { Organisation } from '../src/organisations/organisation.model';
import { OrganisationRepository } from '../src/organisations/organisation.repository';
import { OrganisationContactsService } from '../src/organisations/organisation-contacts.service';
import { OrganisationDirectory } from '../src/organisations/organisation-directory.service';
import { OrganisationProfileService } from '../src/organisations/organisation-profile.service';
import { OrganisationQueriesService } from '../src/organisations/organisation-queries.service';
import { OrganisationRegistrationService } from '../src/organisations/organisation-registration.service';
import type { FileChunk, StoredFile } from '../src/files/file.model';
import { FilesService } from '../src/files/files.service';
import type { Incubation } from '../src/incubation/incubation.model';
import { IncubationRepository } from '../src/incubation/incubation.repository';
import { IncubationApplyService } from '../src/incubation/incubation-apply.service';
import { IncubationQueriesService } from '../src/incubation/incubation-queries.service';
import { IncubationStepsService } from '../src/incubation/incubation-steps.service';
import { IncubationSupportService } from '../src/incubation/incubation-support.service';
import { IncubationViewsService } from '../src/incubation/incubation-views.service';
import type { RoomCalendar } from '../src/incubation/room-calendar.model';
import { RoomCalendarRepository } from '../src/incubation/room-calendar.repository';
import { RoomBookingsService } from '../src/incubation/room-bookings.service';
import type { Need, Project, Resource } from '../src/lists/list.model';
import { ListsBoardService } from '../src/lists/lists-board.service';
import { ListsRepository } from '../src/lists/lists.repository';
import { NeedStepsService } from '../src/lists/need-steps.service';
import { NeedsService } from '../src/lists/needs.service';
import { ResourcesProjectsService } from '../src/lists/resources-projects.service';

/** The socialorg services over one in-memory store, outbox and clock, as the unit specs share them. */

export const CENTRE = 'sz/futian/xiangmihu/c-001';
export const OTHER_CENTRE = 'sz/nanshan/shekou/c-009';
export const STREET = 'sz/futian/xiangmihu';

export const centreAdmin = staff('centre_admin', CENTRE);
export const streetAdmin = staff('centre_admin', STREET, { sub: 'u-street' });
export const otherAdmin = staff('centre_admin', OTHER_CENTRE, { sub: 'u-other' });
export const counter = staff('counter_staff', CENTRE);

/** A member of staff of organisation `orgId`, as identity's org accounts sign in. */
export const memberOf = (orgId: string, sub = `u-${orgId}`): Principal =>
  staffWith([orgGrant(orgId)], { sub, sessionId: `s-${sub}` });

// made-up codes of 民办非企业单位 in 福田区, with their check characters
export const CODES = ['52440304MJL0001250', '52440304MJL000133T'];

export const registration = (overrides: Partial<RegisterOrganisationRequest> = {}) =>
  ({
    registration: 'registered',
    creditCode: CODES[0],
    centreId: CENTRE,
    name: '香岭社区长者服务中心',
    type: 'service_agency',
    fields: ['elderly'],
    address: '深圳市福田区香岭路 18 号',
    foundedOn: '2021-05-10',
    description: '',
    partyBuilding: { kind: 'none', partyMembers: 1 },
    ...overrides,
  }) as RegisterOrganisationRequest;

/** The smallest PDF the type check recognises, and some bytes that are not one of the accepted types. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const NOT_A_PDF = Buffer.from('MZ\x90\x00 this is an executable pretending to be a pdf');

const model = <T>(fake: unknown) => fake as Model<T>;

/** Monday 2025-03-03, 10:00 in Shanghai, unless a spec starts elsewhere. */
export function socialorgWorld(start = '2025-03-03T02:00:00Z', fileMaxBytes = 1024 * 1024) {
  const clock = manualClock(start);
  const outbox = fakeOutbox('socialorg');
  const cipher = new FieldCipher(generateDevKeys(['so1']));
  const organisationStore = fakeModel<Organisation>([], ['uniqueKey']);
  const revealStore = fakeModel<ContactReveal>();
  const organisations = new OrganisationRepository(
    organisationStore as unknown as Model<Organisation>,
    outbox,
  );
  const phones = new ContactPhonesService(cipher);
  const org = {
    registration: new OrganisationRegistrationService(organisations, phones, clock),
    profile: new OrganisationProfileService(organisations, phones, clock),
    contacts: new OrganisationContactsService(
      organisations,
      phones,
      revealStore as unknown as Model<ContactReveal>,
      outbox,
      clock,
    ),
    queries: new OrganisationQueriesService(organisations, phones),
    directory: new OrganisationDirectory(organisations),
  };

  const fileStore = fakeModel<StoredFile>();
  const chunkStore = fakeModel<FileChunk>();
  const files = new FilesService(
    model(fileStore),
    model(chunkStore),
    outbox,
    org.directory,
    { FILE_MAX_BYTES: fileMaxBytes },
    clock,
  );

  const incubationStore = fakeModel<Incubation>([], ['activeKey']);
  const calendarStore = fakeModel<RoomCalendar>();
  const incubations = new IncubationRepository(model(incubationStore), outbox);
  const calendars = new RoomCalendarRepository(model(calendarStore), outbox);
  const views = new IncubationViewsService(calendars);
  const incubation = {
    apply: new IncubationApplyService(incubations, org.directory, files, clock),
    steps: new IncubationStepsService(incubations, views, clock),
    support: new IncubationSupportService(incubations, views, clock),
    queries: new IncubationQueriesService(incubations, views, clock),
    rooms: new RoomBookingsService(incubations, calendars, clock),
  };

  const needStore = fakeModel<Need>();
  const resourceStore = fakeModel<Resource>();
  const projectStore = fakeModel<Project>([], ['refKey']);
  const listsRepository = new ListsRepository(
    model(needStore),
    model(resourceStore),
    model(projectStore),
    outbox,
  );
  const lists = {
    needs: new NeedsService(listsRepository, clock),
    steps: new NeedStepsService(listsRepository, clock),
    offers: new ResourcesProjectsService(listsRepository, clock),
    board: new ListsBoardService(listsRepository, clock),
  };

  // each organisation of a world its own code, the first being CODES[0]
  let serial = 125;
  const nextCode = () => {
    const first17 = `52440304MJL000${serial++}`;
    return first17 + creditCodeCheckCharacter(first17);
  };

  /** An organisation registered by the centre's administrator. */
  const registered = (overrides: Partial<RegisterOrganisationRequest> = {}) =>
    org.registration.register(registration({ creditCode: nextCode(), ...overrides }), centreAdmin);

  /** An organisation registered and an application of its own to the street's base, as its staff send it. */
  const applied = async (attachments: string[] = []) => {
    const { orgId } = await registered();
    const view = await incubation.apply.apply(
      {
        orgId,
        baseId: STREET,
        plan: '入驻后开展长者助餐和探访服务，半年内完成民非登记',
        needs: ['office', 'mentoring'],
        teamSize: 6,
        attachments,
      },
      memberOf(orgId),
    );
    return { orgId, member: memberOf(orgId), view };
  };

  /** An organisation admitted to the base until the end of the year. */
  const admitted = async () => {
    const { orgId, member, view } = await applied();
    const admittedView = await incubation.steps.act(
      view.incubationId,
      { action: 'admit', revision: view.revision, until: '2025-12-31' },
      streetAdmin,
    );
    return { orgId, member, view: admittedView };
  };

  return {
    clock,
    outbox,
    cipher,
    organisationStore,
    revealStore,
    fileStore,
    chunkStore,
    incubationStore,
    calendarStore,
    needStore,
    org,
    files,
    incubation,
    lists,
    registered,
    applied,
    admitted,
  };
}

export type SocialorgWorld = ReturnType<typeof socialorgWorld>;
