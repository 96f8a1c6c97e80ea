import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertSelf, type Principal } from '@psc/auth';
import { FieldCipher } from '@psc/pii';
import { AppError } from '@psc/server-kit';
import { maskIdNumber, maskName, maskPhone } from '@psc/util';
import type { Model } from 'mongoose';
import type { AccessContext } from '../audit/access-context';
import { AuditService } from '../audit/audit.service';
import { PII, RESIDENT_MODEL, type Resident } from './resident.model';

export const REVEALABLE = ['idNumber'] as const;
export type Revealable = (typeof REVEALABLE)[number];

/** Roles that may see a full ID number; everyone else sees the masked form only. */
const REVEALERS = ['centre_admin', 'city_admin'];

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
    const idNumber = this.cipher.decrypt(resident.idNumberEnc, PII.idNumber);
    await this.audit.record({
      ...context,
      subject: resident._id,
      action: 'read',
      fields: ['name', 'idNumber', 'phone'],
      revealed: reveal,
    });
    return {
      id: resident._id,
      name: maskName(this.cipher.decrypt(resident.nameEnc, PII.name)),
      idNumber: reveal.includes('idNumber') ? idNumber : maskIdNumber(idNumber),
      phone: maskPhone(this.cipher.decrypt(resident.phoneEnc, PII.phone)),
      registeredAt: resident.createdAt.toISOString(),
    };
  }

  accessLog(principal: Principal) {
    return this.audit.forSubject(principal.sub);
  }
}
