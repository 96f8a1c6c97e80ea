import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertOrgMember, assertScope, type Principal } from '@psc/auth';
import type { CreateTeamRequest, TeamView } from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { CENTRE_ROLES } from '../shared/access';
import { type Team, TEAM_MODEL } from './team.model';
import { type Volunteer, VOLUNTEER_MODEL } from './volunteer.model';
import { VolunteersService } from './volunteers.service';

const teamView = (t: Team): TeamView => ({
  teamId: t._id,
  name: t.name,
  leaderId: t.leaderId,
  centreId: t.centreId,
  orgId: t.orgId,
  members: t.members.length,
});

/** 志愿服务队: formed by the centre (or the organisation) they belong to, led by one of their volunteers. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectModel(TEAM_MODEL) private readonly teams: Model<Team>,
    @InjectModel(VOLUNTEER_MODEL) private readonly volunteers: Model<Volunteer>,
    private readonly registry: VolunteersService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(teamId: string): Promise<Team> {
    const found = await this.teams.findById(teamId).lean<Team>();
    if (!found) throw new AppError('VOLUNTEER.TEAM_NOT_FOUND');
    return found;
  }

  private assertManager(principal: Principal, team: Pick<Team, 'centreId' | 'orgId'>): void {
    if (team.orgId) assertOrgMember(principal, team.orgId);
    else assertScope(principal, team.centreId ?? '', CENTRE_ROLES);
  }

  async create(body: CreateTeamRequest, principal: Principal): Promise<TeamView> {
    const owner =
      body.owner === 'centre'
        ? { centreId: body.ownerId, orgId: null }
        : { centreId: null, orgId: body.ownerId };
    this.assertManager(principal, owner);
    await this.registry.load(body.leaderId);
    const team: Team = {
      _id: randomUUID(),
      name: body.name,
      leaderId: body.leaderId,
      ...owner,
      members: [body.leaderId],
      createdAt: this.clock(),
    };
    await this.outbox.create(this.teams, team, [
      {
        type: 'volunteer.team.formed',
        data: { teamId: team._id, name: team.name, leaderId: team.leaderId, ...owner },
      },
    ]);
    await this.volunteers.updateOne(
      { _id: body.leaderId, teamIds: { $ne: team._id } },
      { $push: { teamIds: team._id } },
    );
    return teamView(team);
  }

  async join(teamId: string, volunteerId: string, principal: Principal): Promise<TeamView> {
    const team = await this.load(teamId);
    this.assertManager(principal, team);
    await this.registry.load(volunteerId);
    if (team.members.includes(volunteerId)) return teamView(team);
    const updated = await this.outbox.update(
      this.teams,
      { _id: teamId },
      { $push: { members: volunteerId } },
      [{ type: 'volunteer.team.joined', data: { teamId, volunteerId } }],
    );
    await this.volunteers.updateOne(
      { _id: volunteerId, teamIds: { $ne: teamId } },
      { $push: { teamIds: teamId } },
    );
    return teamView(updated ?? team);
  }

  async list(centreId: string, principal: Principal): Promise<TeamView[]> {
    assertScope(principal, centreId, [...CENTRE_ROLES, 'counter_staff']);
    return (await this.teams.find({ centreId }).lean<Team[]>()).map(teamView);
  }
}
