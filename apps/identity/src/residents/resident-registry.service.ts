import { isDuplicateKey } from '@psc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { BlindIndex, FieldCipher } from '@psc/pii';
import { AppError } from '@psc/server-kit';
import { validateIdNumber } from '@psc/util';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { AccessContext } from '../audit/access-context';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '@psc/server-kit';
import { PII, RESIDENT_MODEL, type Resident } from './resident.model';

const sameName = (a: string, b: string) => a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

/** A valid ID number (GB 11643), its blind index, and the resident registered under it if there is one. */
export interface IdLookup {
  idNumber: string;
  idIndex: string;
  resident: Resident | null;
}

/** How a registration is audited; without an actor the resident registers themselves (at a kiosk). */
export type RegistrationContext = Omit<AccessContext, 'actor'> & { actor?: AccessContext['actor'] };

/**
 * Residents by ID number, the kiosk's and the counter's common ground: the lookup through the blind index, the name
 * check, and registration. Callers decide what comes between (the kiosk's rate limits) and what they return.
 */
@Injectable()
export class ResidentRegistryService {
  constructor(
    @InjectModel(RESIDENT_MODEL) private readonly residents: Model<Resident>,
    private readonly cipher: FieldCipher,
    private readonly index: BlindIndex,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Refuses an invalid number with the validator's own reason before anything is looked up. */
  async find(rawIdNumber: string): Promise<IdLookup> {
    const id = validateIdNumber(rawIdNumber, this.clock());
    if (!id.ok) throw new AppError('IDENTITY.ID_NUMBER_INVALID', id.message, { reason: id.code });
    const idIndex = this.index.compute(id.value, PII.idNumber);
    const resident = await this.residents.findOne({ idIndex }).lean<Resident>();
    return { idNumber: id.value, idIndex, resident };
  }

  byId(residentId: string): Promise<Resident | null> {
    return this.residents.findById(residentId).lean<Resident>();
  }

  phoneOf(resident: Resident): string {
    return this.cipher.decrypt(resident.phoneEnc, PII.phone);
  }

  phoneIndex(phone: string): string {
    return this.index.compute(phone, PII.phone);
  }

  assertName(resident: Resident, name: string): void {
    if (!sameName(this.cipher.decrypt(resident.nameEnc, PII.name), name))
      throw new AppError('IDENTITY.NAME_MISMATCH');
  }

  /**
   * The resident found under the ID number once the name matches, or a new one registered (an audited 'create').
   * When two registrations of one person race, the unique blind index lets one win and the other gets the winner,
   * name checked, as not created.
   */
  async confirmOrRegister(
    lookup: IdLookup,
    name: string,
    phone: string | undefined,
    context: RegistrationContext,
  ): Promise<{ resident: Resident; created: boolean }> {
    if (lookup.resident) {
      this.assertName(lookup.resident, name);
      return { resident: lookup.resident, created: false };
    }
    if (!phone) throw new AppError('IDENTITY.PHONE_REQUIRED');
    const resident: Resident = {
      _id: randomUUID(),
      nameEnc: this.cipher.encrypt(name, PII.name),
      idNumberEnc: this.cipher.encrypt(lookup.idNumber, PII.idNumber),
      phoneEnc: this.cipher.encrypt(phone, PII.phone),
      idIndex: lookup.idIndex,
      phoneIndex: this.phoneIndex(phone),
      indexKeyId: this.index.keyId,
      createdAt: this.clock(),
    };
    try {
      await this.residents.create(resident);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.residents.findOne({ idIndex: lookup.idIndex }).lean<Resident>();
      if (!winner) throw error;
      this.assertName(winner, name);
      return { resident: winner, created: false };
    }
    await this.audit.record({
      ...context,
      actor: context.actor ?? { id: resident._id, kind: 'resident', role: 'resident' },
      subject: resident._id,
      action: 'create',
      fields: ['name', 'idNumber', 'phone'],
    });
    return { resident, created: true };
  }

  /**
   * Replaces the phone (the counter, holding the ID card, is where a resident changes it). Audited first: should the
   * write then fail, the trail shows an attempt rather than missing a change.
   */
  async changePhone(resident: Resident, phone: string, context: AccessContext): Promise<Resident> {
    await this.audit.record({ ...context, subject: resident._id, action: 'update', fields: ['phone'] });
    const changed = {
      phoneEnc: this.cipher.encrypt(phone, PII.phone),
      phoneIndex: this.phoneIndex(phone),
    };
    await this.residents.updateOne({ _id: resident._id }, { $set: changed });
    return { ...resident, ...changed };
  }
}
