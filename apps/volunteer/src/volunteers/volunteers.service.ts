import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import type {
  PartyReportRequest,
  RegisterVolunteerRequest,
  RevealedName,
  VolunteerView,
} from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { maskName } from '@psc/util';
import type { Model } from 'mongoose';
import { CENTRE_ROLES, residentOf } from '../shared/access';
import { VolunteerNamesService } from './volunteer-names.service';
import { type Volunteer, VOLUNTEER_MODEL } from './volunteer.model';

export const volunteerView = (v: Volunteer): VolunteerView => ({
  volunteerId: v._id,
  maskedName: v.maskedName,
  centreId: v.centreId,
  skills: v.skills,
  partyMember: v.partyMember,
  partyReport: v.partyReport,
  teamIds: v.teamIds,
  registeredAt: v.registeredAt.toISOString(),
});

/** Residents who volunteer: registration at the kiosk or the portal, 双报到, and the registry others read. */
@Injectable()
export class VolunteersService {
  constructor(
    @InjectModel(VOLUNTEER_MODEL) private readonly volunteers: Model<Volunteer>,
    private readonly names: VolunteerNamesService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  find(volunteerId: string): Promise<Volunteer | null> {
    return this.volunteers.findById(volunteerId).lean<Volunteer>();
  }

  async load(volunteerId: string): Promise<Volunteer> {
    const found = await this.find(volunteerId);
    if (!found) throw new AppError('VOLUNTEER.VOLUNTEER_NOT_FOUND');
    return found;
  }

  /** The signed-in resident as a volunteer; a resident who has not registered is told how to. */
  async self(principal: Principal): Promise<Volunteer> {
    const found = await this.find(residentOf(principal));
    if (!found) throw new AppError('VOLUNTEER.NOT_REGISTERED');
    return found;
  }

  async me(principal: Principal): Promise<VolunteerView> {
    return volunteerView(await this.self(principal));
  }

  async register(body: RegisterVolunteerRequest, principal: Principal): Promise<VolunteerView> {
    const id = residentOf(principal);
    const now = this.clock();
    const doc: Volunteer = {
      _id: id,
      nameCipher: this.names.encrypt(id, body.name),
      maskedName: maskName(body.name),
      centreId: body.centreId,
      skills: body.skills,
      partyMember: body.partyMember,
      partyReport: null,
      unitId: null,
      communityId: null,
      teamIds: [],
      registeredAt: now,
    };
    try {
      await this.outbox.create(this.volunteers, doc, [
        {
          type: 'volunteer.volunteer.registered',
          data: {
            volunteerId: id,
            centreId: body.centreId,
            partyMember: body.partyMember,
            at: now.toISOString(),
          },
        },
      ]);
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('VOLUNTEER.ALREADY_REGISTERED');
      throw error;
    }
    return volunteerView(doc);
  }

  async list(centreId: string, principal: Principal): Promise<VolunteerView[]> {
    assertScope(principal, centreId, [...CENTRE_ROLES, 'counter_staff']);
    const found = await this.volunteers.find({ centreId }).lean<Volunteer[]>();
    return found.map(volunteerView);
  }

  /** The full name for a member of the centre's staff, with the purpose on the audit record. */
  async revealName(volunteerId: string, purpose: string, principal: Principal): Promise<RevealedName> {
    const volunteer = await this.load(volunteerId);
    assertScope(principal, volunteer.centreId, CENTRE_ROLES);
    return { volunteerId, name: await this.names.reveal(volunteer, principal, purpose) };
  }

  /** 双报到: a 在职党员 reports from their employer unit to their residence community; reporting again moves it. */
  async reportParty(body: PartyReportRequest, principal: Principal): Promise<VolunteerView> {
    const volunteer = await this.self(principal);
    const partyReport = { ...body };
    const updated = await this.outbox.update(
      this.volunteers,
      { _id: volunteer._id },
      { $set: { partyMember: true, partyReport, unitId: body.unitId, communityId: body.communityId } },
      [
        {
          type: 'volunteer.volunteer.party-reported',
          data: {
            volunteerId: volunteer._id,
            unitId: body.unitId,
            communityId: body.communityId,
            reportedOn: body.reportedOn,
          },
        },
      ],
    );
    return volunteerView(updated ?? volunteer);
  }
}
