import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import type {
  AcceptCertificateRequest,
  ApplyCertificateRequest,
  CertificatePrint,
  CertificateVerification,
  CertificateView,
} from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { APP_CONFIG, AppError, CLOCK, type Clock } from '@psc/server-kit';
import { localUrl } from '@psc/service-registry';
import { shanghaiDay } from '@psc/util';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Model } from 'mongoose';
import type { VolunteerConfig } from '../config';
import { standing } from '../ledger/ledger';
import type { LedgerEntry } from '../ledger/ledger-entry.model';
import { LedgerService } from '../ledger/ledger.service';
import { CENTRE_ROLES, residentOf } from '../shared/access';
import { InjectSigningKey } from '../shared/shared.module';
import type { SigningKey } from '../shared/volunteer-keys';
import { VolunteerNamesService } from '../volunteers/volunteer-names.service';
import { VolunteersService } from '../volunteers/volunteers.service';
import { type Certificate, CERTIFICATE_MODEL } from './certificate.model';
import { type CertificateFont, certificatePdf } from './certificate-pdf';
import { signFacts, verifyFacts } from './certificate-signer';

type Hours = NonNullable<Certificate['hours']>;

const view = (c: Certificate): CertificateView => ({
  certificateId: c._id,
  volunteerId: c.volunteerId,
  centreId: c.centreId,
  purpose: c.purpose,
  state: c.state,
  issuerName: c.issuerName,
  appliedAt: c.appliedAt.toISOString(),
  acceptedAt: c.acceptedAt?.toISOString() ?? null,
  issuedAt: c.issuedAt?.toISOString() ?? null,
  hours: c.hours,
});

/** 志愿服务记录证明 (谁记录谁证明): applied for by the volunteer, accepted and issued by the centre, verifiable by anyone. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectModel(CERTIFICATE_MODEL) private readonly certificates: Model<Certificate>,
    private readonly volunteers: VolunteersService,
    private readonly names: VolunteerNamesService,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    @InjectSigningKey() private readonly key: SigningKey,
    @Inject(APP_CONFIG) private readonly config: VolunteerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // a missing font stops the service at boot rather than the first print
    this.font = { data: readFileSync(config.CERTIFICATE_FONT), family: config.CERTIFICATE_FONT_FACE };
  }

  private readonly font: CertificateFont;

  private async load(certificateId: string): Promise<Certificate> {
    const found = await this.certificates.findById(certificateId).lean<Certificate>();
    if (!found) throw new AppError('VOLUNTEER.CERTIFICATE_NOT_FOUND');
    return found;
  }

  async apply(body: ApplyCertificateRequest, principal: Principal): Promise<CertificateView> {
    const volunteer = await this.volunteers.self(principal);
    const now = this.clock();
    const certificate: Certificate = {
      _id: randomUUID(),
      volunteerId: volunteer._id,
      centreId: body.centreId,
      purpose: body.purpose,
      state: 'applied',
      issuerName: null,
      appliedAt: now,
      acceptedAt: null,
      issuedAt: null,
      acceptedBy: null,
      issuedBy: null,
      hours: null,
      token: null,
    };
    await this.outbox.create(this.certificates, certificate, [this.changed(certificate, volunteer._id, now)]);
    return view(certificate);
  }

  async accept(id: string, body: AcceptCertificateRequest, principal: Principal): Promise<CertificateView> {
    const current = await this.load(id);
    assertScope(principal, current.centreId, CENTRE_ROLES);
    const now = this.clock();
    return this.move(current, 'applied', principal.sub, now, {
      state: 'accepted',
      issuerName: body.issuerName,
      acceptedAt: now,
      acceptedBy: principal.sub,
    });
  }

  /** Fixes what the certificate states (the standing entries now) and signs it. */
  async issue(id: string, principal: Principal): Promise<CertificateView> {
    const current = await this.load(id);
    assertScope(principal, current.centreId, CENTRE_ROLES);
    if (current.state !== 'accepted') throw new AppError('VOLUNTEER.CERTIFICATE_STATE', '证明须先受理再开具');
    const volunteer = await this.volunteers.load(current.volunteerId);
    const hours = hoursOf(standing(await this.ledger.of(volunteer._id)));
    const now = this.clock();
    const token = await signFacts(
      {
        cid: current._id,
        name: volunteer.maskedName,
        issuer: current.issuerName ?? '',
        issuedAt: now.toISOString(),
        total: hours.totalMinutes,
        credit: hours.creditMinutes,
        honour: hours.honourMinutes,
      },
      this.key,
    );
    return this.move(current, 'accepted', principal.sub, now, {
      state: 'issued',
      issuedAt: now,
      issuedBy: principal.sub,
      hours,
      token,
    });
  }

  async mine(principal: Principal): Promise<CertificateView[]> {
    const found = await this.certificates.find({ volunteerId: residentOf(principal) }).lean<Certificate[]>();
    return found.map(view);
  }

  async ofCentre(centreId: string, principal: Principal): Promise<CertificateView[]> {
    assertScope(principal, centreId, CENTRE_ROLES);
    return (await this.certificates.find({ centreId }).lean<Certificate[]>()).map(view);
  }

  /** The A4 page, for the volunteer or the centre: the full name is printed, so the read is audited. */
  async print(id: string, principal: Principal): Promise<CertificatePrint> {
    const certificate = await this.load(id);
    if (principal.kind === 'resident') {
      if (principal.sub !== certificate.volunteerId) throw new AppError('AUTH.NOT_OWN_RECORD');
    } else {
      assertScope(principal, certificate.centreId, CENTRE_ROLES);
    }
    if (certificate.state !== 'issued' || !certificate.hours || !certificate.token || !certificate.issuedAt)
      throw new AppError('VOLUNTEER.CERTIFICATE_STATE', '证明尚未开具');
    const volunteer = await this.volunteers.load(certificate.volunteerId);
    const name = await this.names.reveal(volunteer, principal, '打印志愿服务记录证明');
    const verifyUrl = `${this.config.PUBLIC_ORIGIN ?? localUrl('gateway')}/portal/verify?t=${certificate.token}`;
    const pdf = await certificatePdf({
      certificateId: certificate._id,
      name,
      issuerName: certificate.issuerName ?? '',
      issuedOn: shanghaiDay(certificate.issuedAt),
      hours: certificate.hours,
      verifyUrl,
      font: this.font,
    });
    return { certificateId: certificate._id, pdf: pdf.toString('base64'), verifyUrl };
  }

  /** Genuine only if this service signed exactly these facts and the certificate is on record as issued. */
  async verify(token: string): Promise<CertificateVerification> {
    const facts = await verifyFacts(token, this.key);
    const stored = facts ? await this.certificates.findById(facts.cid).lean<Certificate>() : null;
    if (!facts || stored?.state !== 'issued' || stored.token !== token)
      throw new AppError('VOLUNTEER.CERTIFICATE_NOT_GENUINE');
    return {
      genuine: true,
      certificateId: facts.cid,
      name: facts.name,
      issuerName: facts.issuer,
      issuedAt: facts.issuedAt,
      totalMinutes: facts.total,
      creditMinutes: facts.credit,
      honourMinutes: facts.honour,
    };
  }

  private async move(
    current: Certificate,
    from: Certificate['state'],
    by: string,
    now: Date,
    set: Partial<Certificate>,
  ): Promise<CertificateView> {
    if (current.state !== from) throw new AppError('VOLUNTEER.CERTIFICATE_STATE');
    const next = { ...current, ...set };
    const moved = await this.outbox.update(
      this.certificates,
      { _id: current._id, state: from },
      { $set: set },
      [this.changed(next, by, now)],
    );
    if (!moved) throw new AppError('VOLUNTEER.CERTIFICATE_STATE', '该证明刚被他人处理，请刷新后再试');
    return view(moved);
  }

  private changed(c: Certificate, by: string, at: Date) {
    return {
      type: 'volunteer.certificate.changed' as const,
      data: {
        certificateId: c._id,
        volunteerId: c.volunteerId,
        centreId: c.centreId,
        state: c.state,
        by,
        at: at.toISOString(),
      },
    };
  }
}

/** The hours a certificate states: totals, by year of service, and by activity (other services as one line each). */
export function hoursOf(entries: readonly LedgerEntry[]): Hours {
  const byYear = new Map<string, { creditMinutes: number; honourMinutes: number }>();
  for (const e of entries) {
    const year = byYear.get(e.servedOn.slice(0, 4)) ?? { creditMinutes: 0, honourMinutes: 0 };
    if (e.kind === 'credit') year.creditMinutes += e.minutes;
    else year.honourMinutes += e.minutes;
    byYear.set(e.servedOn.slice(0, 4), year);
  }
  const credit = entries.filter((e) => e.kind === 'credit').reduce((sum, e) => sum + e.minutes, 0);
  const honour = entries.filter((e) => e.kind === 'honour').reduce((sum, e) => sum + e.minutes, 0);
  return {
    totalMinutes: credit + honour,
    creditMinutes: credit,
    honourMinutes: honour,
    byYear: [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([year, m]) => ({ year, ...m })),
    byActivity: entries
      .filter((e) => e.kind === 'credit')
      .map((e) => ({
        activityId: e.activityId ?? e.sourceRef,
        title: e.activityTitle ?? '志愿服务',
        servedOn: e.servedOn,
        minutes: e.minutes,
      })),
  };
}
