import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TokenIssuer } from '@psc/auth';
import type { CreateResidentSessionRequest, RequestResidentOtpRequest } from '@psc/contracts/identity';
import { FieldCipher } from '@psc/pii';
import { AppError } from '@psc/server-kit';
import { maskIdNumber, maskName, maskPhone } from '@psc/util';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { SessionsService } from '../sessions/sessions.service';
import { CLOCK, type Clock } from '@psc/server-kit';
import { SmsProvider } from '../sms/sms-provider';
import { OTP_CHALLENGE_MODEL, type OtpChallenge } from './otp-challenge.model';
import { OtpRateLimiterService } from './otp-rate-limiter.service';
import {
  hashOtp,
  newOtpCode,
  OTP_MAX_ATTEMPTS,
  OTP_RATE_RULES,
  OTP_TTL_MS,
  otpMatches,
  otpSmsText,
  RESIDENT_SESSION_TTL_SECONDS,
  wrongCodeMessage,
} from './otp-rules';
import { PII, RESIDENT_MODEL, type Resident } from './resident.model';
import { ResidentRegistryService } from './resident-registry.service';

/** Kiosk sign-in: ID number + name, a code by SMS, then a short resident session bound to the kiosk session. */
@Injectable()
export class ResidentOtpService {
  constructor(
    @InjectModel(RESIDENT_MODEL) private readonly residents: Model<Resident>,
    @InjectModel(OTP_CHALLENGE_MODEL) private readonly challenges: Model<OtpChallenge>,
    private readonly limiter: OtpRateLimiterService,
    private readonly registry: ResidentRegistryService,
    private readonly cipher: FieldCipher,
    private readonly sms: SmsProvider,
    private readonly tokens: TokenIssuer,
    private readonly sessions: SessionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async requestOtp(request: RequestResidentOtpRequest) {
    const lookup = await this.registry.find(request.idNumber);
    const phone = lookup.resident ? this.registry.phoneOf(lookup.resident) : request.phone;
    // asked before any counter moves, so a first-time visitor who left the phone out is not made to wait
    if (!phone) throw new AppError('IDENTITY.PHONE_REQUIRED');

    // the name check comes after the limits: otherwise it would answer name/ID guesses without limit
    await this.limiter.hit(OTP_RATE_RULES.kiosk, request.kioskId);
    await this.limiter.hit(OTP_RATE_RULES.id, lookup.idIndex);
    await this.limiter.hit(
      OTP_RATE_RULES.phone,
      lookup.resident?.phoneIndex ?? this.registry.phoneIndex(phone),
    );

    const { resident } = await this.registry.confirmOrRegister(lookup, request.name, phone, {
      screen: 'kiosk',
      purpose: '居民在自助终端登记身份',
    });
    // the stored phone, also when another registration of this ID number won a race with a different one
    const to = this.registry.phoneOf(resident);

    const now = this.clock();
    const code = newOtpCode();
    const challenge: OtpChallenge = {
      _id: randomUUID(),
      residentId: resident._id,
      kioskId: request.kioskId,
      ...hashOtp(code),
      attempts: 0,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
    };
    await this.challenges.create(challenge);
    await this.sms.send(to, otpSmsText(code));
    return {
      challengeId: challenge._id,
      maskedPhone: maskPhone(to),
      expiresAt: challenge.expiresAt.toISOString(),
    };
  }

  async createSession(request: CreateResidentSessionRequest) {
    const now = this.clock();
    // count the attempt before comparing, so parallel guesses cannot get past the limit
    const challenge = await this.challenges
      .findOneAndUpdate(
        { _id: request.challengeId, usedAt: { $exists: false }, attempts: { $lt: OTP_MAX_ATTEMPTS } },
        { $inc: { attempts: 1 } },
        { returnDocument: 'after' },
      )
      .lean<OtpChallenge>();
    if (!challenge) {
      const spent = await this.challenges.findById(request.challengeId).lean<OtpChallenge>();
      if (spent && !spent.usedAt && spent.expiresAt > now)
        throw new AppError('IDENTITY.OTP_TOO_MANY_ATTEMPTS');
      throw new AppError('IDENTITY.OTP_EXPIRED');
    }
    if (challenge.expiresAt <= now) throw new AppError('IDENTITY.OTP_EXPIRED');
    if (!otpMatches(request.code, challenge)) {
      const attemptsLeft = OTP_MAX_ATTEMPTS - challenge.attempts;
      throw new AppError('IDENTITY.OTP_WRONG', wrongCodeMessage(attemptsLeft), { attemptsLeft });
    }
    const used = await this.challenges.updateOne(
      { _id: challenge._id, usedAt: { $exists: false } },
      { $set: { usedAt: now } },
    );
    if (used.modifiedCount !== 1) throw new AppError('IDENTITY.OTP_EXPIRED');

    const resident = await this.residents.findById(challenge.residentId).lean<Resident>();
    if (!resident) throw new AppError('IDENTITY.RESIDENT_NOT_FOUND');
    const sessionId = randomUUID();
    const issued = await this.tokens.issue(
      {
        sub: resident._id,
        kind: 'resident',
        roles: [{ role: 'resident', scope: 'sz' }],
        kioskSession: request.kioskSession,
        sessionId,
      },
      { ttlSeconds: RESIDENT_SESSION_TTL_SECONDS },
    );
    await this.sessions.start({
      _id: sessionId,
      kind: 'resident',
      subjectId: resident._id,
      expiresAt: issued.expiresAt,
    });
    return {
      accessToken: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
      resident: {
        id: resident._id,
        name: maskName(this.cipher.decrypt(resident.nameEnc, PII.name)),
        idNumber: maskIdNumber(this.cipher.decrypt(resident.idNumberEnc, PII.idNumber)),
      },
    };
  }
}
