import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { projectVolunteerHoursView } from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodResponse } from '@psc/server-kit';
import { ProjectHoursService } from './project-hours.service';

@ApiTags('agreements')
@Controller('agreements')
export class ProjectHoursController {
  constructor(private readonly projectHours: ProjectHoursService) {}

  /** 志愿服务时长: the hours the volunteer service credited to the project's activities, and its KPI progress. */
  @Get(':agreementId/volunteer-hours')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(projectVolunteerHoursView)
  @ApiErrors(
    'SOCIALORG.AGREEMENT_NOT_FOUND',
    'SOCIALORG.CALL_NOT_FOUND',
    'SOCIALORG.APPLICATION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
  )
  get(@Param('agreementId') agreementId: string, @CurrentPrincipal() principal: Principal) {
    return this.projectHours.get(agreementId, principal);
  }
}
