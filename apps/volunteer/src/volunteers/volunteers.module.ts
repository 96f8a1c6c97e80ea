import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PII_AUDIT_MODEL, piiAuditSchema } from './pii-audit.model';
import { TEAM_MODEL, teamSchema } from './team.model';
import { TeamsService } from './teams.service';
import { VOLUNTEER_MODEL, volunteerSchema } from './volunteer.model';
import { VolunteerNamesService } from './volunteer-names.service';
import { TeamsController, VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';

const models = MongooseModule.forFeature([
  { name: VOLUNTEER_MODEL, schema: volunteerSchema },
  { name: TEAM_MODEL, schema: teamSchema },
  { name: PII_AUDIT_MODEL, schema: piiAuditSchema },
]);

@Module({
  imports: [models],
  controllers: [VolunteersController, TeamsController],
  providers: [VolunteersService, VolunteerNamesService, TeamsService],
  exports: [models, VolunteersService, VolunteerNamesService, TeamsService],
})
export class VolunteersModule {}
