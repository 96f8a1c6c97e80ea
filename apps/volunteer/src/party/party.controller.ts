import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  communityMembersQuery,
  type CommunityMembersQuery,
  idParams,
  type IdParams,
  unitRecordsQuery,
  type UnitRecordsQuery,
  yearlyRecord,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodResponse, ZodParams, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { PartyService } from './party.service';

@ApiTags('party')
@Controller('party')
export class PartyController {
  constructor(private readonly party: PartyService) {}

  /** The community party secretary: the 在职党员 reported here and their "五个一" year. */
  @Get('community-members')
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(z.array(yearlyRecord))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  community(
    @ZodQuery(communityMembersQuery) query: CommunityMembersQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.party.ofCommunity(query.communityId, query.year, principal);
  }

  /** What the employer unit is sent about its members (the unit's account holds org_member over org/<unit>). */
  @Get('units/:id/records')
  @Roles('org_member')
  @ApiZodResponse(z.array(yearlyRecord))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  unit(
    @ZodParams(idParams) { id }: IdParams,
    @ZodQuery(unitRecordsQuery) query: UnitRecordsQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.party.ofUnit(id, query.year, principal);
  }
}
