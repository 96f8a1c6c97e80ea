import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { RegisterOrganisationRequest } from '@psc/contracts/socialorg';
import { APP_CONFIG, AppError } from '@psc/server-kit';
import type { SocialorgConfig } from '../config';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationContactsService } from './organisation-contacts.service';
import { OrganisationRegistrationService } from './organisation-registration.service';

/** The demo organisation: identity's demo account `org01` works for it, and the portal's demo starts from it. */
export const DEMO_ORG_ID = 'org-demo-001';

export const DEMO_ORGANISATION: RegisterOrganisationRequest = {
  registration: 'registered',
  // a made-up code of a 民办非企业单位 in 福田区, with the check character GB 32100 gives it
  creditCode: '52440304MJL0001250',
  centreId: 'sz/futian/xiangmihu/c-001',
  name: '香岭社区长者服务中心',
  type: 'service_agency',
  fields: ['elderly', 'volunteer'],
  address: '深圳市福田区香蜜湖街道香岭路 18 号',
  foundedOn: '2021-05-10',
  description: '为香岭社区的长者提供助餐、探访和健康讲座，组织低龄长者志愿服务。',
  partyBuilding: { kind: 'branch', formedAt: '2025-06-18', partyMembers: 3 },
};

const SEEDER: Principal = {
  sub: 'system:seed',
  kind: 'staff',
  roles: [{ role: 'city_admin', scope: 'sz' }],
  sessionId: 'seed',
};

/** Outside production, registers the demo organisation once (SEED_DEMO_ORG=false skips it). */
@Injectable()
export class OrganisationSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganisationSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<SocialorgConfig, 'NODE_ENV' | 'SEED_DEMO_ORG'>,
    private readonly organisations: OrganisationRepository,
    private readonly registration: OrganisationRegistrationService,
    private readonly contacts: OrganisationContactsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NODE_ENV === 'production' || !this.config.SEED_DEMO_ORG) return;
    if (await this.organisations.find(DEMO_ORG_ID)) return;
    try {
      await this.registration.register(DEMO_ORGANISATION, SEEDER, DEMO_ORG_ID);
    } catch (error) {
      // another replica registered it first
      if (error instanceof AppError && error.code === 'SOCIALORG.ORGANISATION_EXISTS') return;
      throw error;
    }
    await this.contacts.add(DEMO_ORG_ID, { name: '林晓红', role: 'leader', phone: '13912340001' }, SEEDER);
    this.logger.log(`seeded demo organisation ${DEMO_ORG_ID} (${DEMO_ORGANISATION.name})`);
  }
}
