import { Body, Controller, Delete, Get, Headers, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  addContactRequest,
  type AddContactRequest,
  changePartyBuildingRequest,
  type ChangePartyBuildingRequest,
  contactParams,
  type ContactParams,
  contactPhoneView,
  organisationListQuery,
  type OrganisationListQuery,
  organisationSummary,
  organisationView,
  orgParams,
  type OrgParams,
  registerOrganisationRequest,
  type RegisterOrganisationRequest,
  updateProfileRequest,
  type UpdateProfileRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { accessContext } from '../shared/access-context';
import { OrganisationContactsService } from './organisation-contacts.service';
import { OrganisationProfileService } from './organisation-profile.service';
import { OrganisationQueriesService } from './organisation-queries.service';
import { OrganisationRegistrationService } from './organisation-registration.service';

type RequestHeaders = Record<string, string | string[] | undefined>;

// a change to one organisation finds it, checks who may change it, and the revision the caller saw
const CHANGE_ERRORS = [
  'SOCIALORG.ORGANISATION_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.ORGANISATION_CHANGED',
] as const;

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly registration: OrganisationRegistrationService,
    private readonly profile: OrganisationProfileService,
    private readonly contacts: OrganisationContactsService,
    private readonly queries: OrganisationQueriesService,
  ) {}

  /** 登记 (with the 统一社会信用代码, check character verified) or 社区备案 (with the 备案编号). */
  @Post()
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(registerOrganisationRequest)
  @ApiZodResponse(organisationView)
  @ApiErrors(
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.CREDIT_CODE_INVALID',
    'SOCIALORG.CREDIT_CODE_MISMATCH',
    'SOCIALORG.PARTY_BUILDING_INVALID',
    'SOCIALORG.ORGANISATION_EXISTS',
  )
  register(
    @Body(new ZodPipe(registerOrganisationRequest)) body: RegisterOrganisationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.registration.register(body, principal);
  }

  @Get()
  @Roles('centre_admin', 'city_admin', 'dept_reviewer')
  @ApiZodResponse(z.array(organisationSummary))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(
    @ZodQuery(organisationListQuery) { scope }: OrganisationListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.inPlace(scope, principal);
  }

  /** The organisations the signed-in member of staff works for. */
  @Get('mine')
  @Roles('org_member')
  @ApiZodResponse(z.array(organisationView))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal);
  }

  @Get(':orgId')
  @Roles('org_member', 'centre_admin', 'city_admin', 'dept_reviewer')
  @ApiZodResponse(organisationView)
  @ApiErrors('SOCIALORG.ORGANISATION_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  get(@ZodParams(orgParams) { orgId }: OrgParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(orgId, principal);
  }

  @Put(':orgId/profile')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(updateProfileRequest)
  @ApiZodResponse(organisationView)
  @ApiErrors(...CHANGE_ERRORS)
  updateProfile(
    @ZodParams(orgParams) { orgId }: OrgParams,
    @Body(new ZodPipe(updateProfileRequest)) body: UpdateProfileRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.profile.update(orgId, body, principal);
  }

  /** 党组织覆盖: 党支部 / 联合党支部 / 党小组 / 无, with the date formed; each change recorded with its reason. */
  @Put(':orgId/party-building')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(changePartyBuildingRequest)
  @ApiZodResponse(organisationView)
  @ApiErrors(...CHANGE_ERRORS, 'SOCIALORG.PARTY_BUILDING_INVALID')
  changePartyBuilding(
    @ZodParams(orgParams) { orgId }: OrgParams,
    @Body(new ZodPipe(changePartyBuildingRequest)) body: ChangePartyBuildingRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.profile.changePartyBuilding(orgId, body, principal);
  }

  @Post(':orgId/contacts')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(addContactRequest)
  @ApiZodResponse(organisationView)
  @ApiErrors(...CHANGE_ERRORS)
  addContact(
    @ZodParams(orgParams) { orgId }: OrgParams,
    @Body(new ZodPipe(addContactRequest)) body: AddContactRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.contacts.add(orgId, body, principal);
  }

  @Delete(':orgId/contacts/:contactId')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(organisationView)
  @ApiErrors(...CHANGE_ERRORS, 'SOCIALORG.CONTACT_NOT_FOUND')
  removeContact(
    @ZodParams(contactParams) { orgId, contactId }: ContactParams,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.contacts.remove(orgId, contactId, principal);
  }

  /** The full number, on the organisation's access record (`x-access-purpose` says why, percent-encoded). */
  @Get(':orgId/contacts/:contactId/phone')
  @Roles('org_member', 'centre_admin', 'city_admin', 'dept_reviewer')
  @ApiZodResponse(contactPhoneView)
  @ApiErrors('SOCIALORG.ORGANISATION_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'SOCIALORG.CONTACT_NOT_FOUND')
  revealPhone(
    @ZodParams(contactParams) { orgId, contactId }: ContactParams,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
  ) {
    return this.contacts.revealPhone(orgId, contactId, accessContext(principal, headers, '联系社会组织'));
  }
}
