import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertSelf, type Principal } from '@psc/auth';
import type { CounterResidentLookupRequest, CounterResidentLookupResponse } from '@psc/contracts/identity';
import { FieldCipher } from '@psc/pii';
import { AppError } from '@psc/server-kit';
import { maskIdNumber, maskName, maskPhone } from '@psc/util';
import type { Model } from 'mongoose';
import type { AccessContext } from '../audit/access-context';
import { AuditService } from '../audit/audit.service';
import { PII, RESIDENT_MODEL, type Resident } from './resident.model';
import { ResidentRegistryService } from './resident-registry.service';

export const REVEALABLE = ['idNumber'] as const;
export type Revealable = (typeof REVEALABLE)[number];

/** Roles that may see a full ID number; everyone else sees the masked form only. */
const REVEALERS = ['centre_admin', 'city_admin'];

/** What the ID tail keeps: the affairs service stores a keyed hash of it for "case number + last 6" progress lookups. */
const ID_TAIL_LENGTH = 6;

const COUNTER_PHONE_REQUIRED = '该居民首次登记，请填写本人手机号码';

export interface ResidentView {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  registeredAt: string;
}

@Injectable()
export class ResidentsService {
  constructor(
    @InjectModel(RESIDENT_MODEL) private readonly residents: Model<Resident>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly registry: ResidentRegistryService,
  ) {}

  /**
   * A resident's data, masked unless `reveal` asks for a field the caller may see in full. Residents reach their
   * own record only. The read is audited before anything leaves the service.
   */
  async view(
    principal: Principal,
    residentId: string,
    context: AccessContext,
    reveal: Revealable[] = [],
  ): Promise<ResidentView> {
    if (principal.kind === 'resident') assertSelf(principal, residentId);
    if (reveal.length > 0 && !principal.roles.some((r) => REVEALERS.includes(r.role)))
      throw new AppError('AUTH.FORBIDDEN', '只有中心管理员或市级管理员可以查看完整身份证号码');
    const resident = await this.residents.findById(residentId).lean<Resident>();
    if (!resident) throw new AppError('IDENTITY.RESIDENT_NOT_FOUND');
    await this.audit.record({
      ...context,
      subject: resident._id,
      action: 'read',
      fields: ['name', 'idNumber', 'phone'],
      revealed: reveal,
    });
    return {
      id: resident._id,
      ...this.masked(resident),
      ...(reveal.includes('idNumber') && {
        idNumber: this.cipher.decrypt(resident.idNumberEnc, PII.idNumber),
      }),
      registeredAt: resident.createdAt.toISOString(),
    };
  }

  /**
   * The counter identifies an applicant from the ID card in hand (so no code by SMS): the resident under the ID
   * number once the name matches, or a new registration. A different phone given for a known resident replaces the
   * stored one. Every outcome that touched stored data is audited, a refused name too: the resident's access log
   * then shows someone tried their ID number.
   */
  async lookupAtCounter(
    request: CounterResidentLookupRequest,
    context: AccessContext,
  ): Promise<CounterResidentLookupResponse> {
    const phone = request.phone || undefined;
    const lookup = await this.registry.find(request.idNumber);
    if (!lookup.resident && !phone) throw new AppError('IDENTITY.PHONE_REQUIRED', COUNTER_PHONE_REQUIRED);
    let found: { resident: Resident; created: boolean };
    try {
      found = await this.registry.confirmOrRegister(lookup, request.name, phone, context);
    } catch (error) {
      const subject = lookup.resident?._id;
      if (subject && error instanceof AppError && error.code === 'IDENTITY.NAME_MISMATCH')
        await this.audit.record({ ...context, subject, action: 'read', fields: ['name'] });
      throw error;
    }
    let { resident } = found;
    let phoneUpdated = false;
    if (!found.created) {
      await this.audit.record({
        ...context,
        subject: resident._id,
        action: 'read',
        fields: ['name', 'idNumber', 'phone'],
      });
      if (phone && phone !== this.registry.phoneOf(resident)) {
        resident = await this.registry.changePhone(resident, phone, context);
        phoneUpdated = true;
      }
    }
    return {
      residentId: resident._id,
      created: found.created,
      phoneUpdated,
      ...this.masked(resident),
      idTail: lookup.idNumber.slice(-ID_TAIL_LENGTH),
    };
  }

  accessLog(principal: Principal) {
    return this.audit.forSubject(principal.sub);
  }

  private masked(resident: Resident) {
    return {
      name: maskName(this.cipher.decrypt(resident.nameEnc, PII.name)),
      idNumber: maskIdNumber(this.cipher.decrypt(resident.idNumberEnc, PII.idNumber)),
      phone: maskPhone(this.cipher.decrypt(resident.phoneEnc, PII.phone)),
    };
  }
}
