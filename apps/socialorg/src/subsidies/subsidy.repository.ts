import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { changeOnRevision, type RevisionedChange } from '../calls/call.repository';
import type { Raised } from '../calls/call-steps';
import { type Claim, CLAIM_MODEL, type Scheme, SCHEME_MODEL } from './subsidy.model';

/** Subsidy schemes and their claims as stored; every amount moves in the scheme's ledger, on its revision. */
@Injectable()
export class SubsidyRepository {
  constructor(
    @InjectModel(SCHEME_MODEL) private readonly schemes: Model<Scheme>,
    @InjectModel(CLAIM_MODEL) private readonly claims: Model<Claim>,
    private readonly outbox: Outbox,
  ) {}

  async loadScheme(schemeId: string): Promise<Scheme> {
    const found = await this.schemes.findById(schemeId).lean<Scheme>();
    if (!found) throw new AppError('SOCIALORG.SCHEME_NOT_FOUND', `没有找到编号为 ${schemeId} 的奖补项目`);
    return found;
  }

  async createScheme(scheme: Scheme, events: Raised[]): Promise<Scheme> {
    await this.outbox.create(this.schemes, scheme, events);
    return scheme;
  }

  changeScheme(
    schemeId: string,
    decide: (scheme: Scheme) => RevisionedChange<Scheme> | null,
  ): Promise<Scheme> {
    return changeOnRevision(
      this.outbox,
      this.schemes,
      () => this.loadScheme(schemeId),
      decide,
      () => new AppError('SOCIALORG.CLAIM_ILLEGAL_STEP', '该奖补项目刚被他人处理，请刷新后再操作'),
    );
  }

  /** Schemes are few: all of them, newest first. */
  allSchemes(): Promise<Scheme[]> {
    return this.schemes.find().sort({ createdAt: -1 }).limit(500).lean<Scheme[]>();
  }

  findClaim(claimId: string): Promise<Claim | null> {
    return this.claims.findById(claimId).lean<Claim>();
  }

  async loadClaim(claimId: string): Promise<Claim> {
    const found = await this.findClaim(claimId);
    if (!found) throw new AppError('SOCIALORG.CLAIM_NOT_FOUND', `没有找到编号为 ${claimId} 的奖补申领`);
    return found;
  }

  /** The claim's id is its once-only key: a second claim, even one racing the first, is refused here. */
  async createClaim(claim: Claim, events: Raised[]): Promise<Claim> {
    try {
      await this.outbox.create(this.claims, claim, events);
      return claim;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const first = await this.findClaim(claim._id);
      throw new AppError(
        'SOCIALORG.ALREADY_CLAIMED',
        first
          ? `${first.orgName}已于 ${first.claimedAt.toISOString().slice(0, 10)} 申领过，不能重复申领`
          : undefined,
        { claimId: claim._id },
      );
    }
  }

  async recordClaim(
    current: Claim,
    change: Required<Pick<RevisionedChange<Claim>, 'set'>> & RevisionedChange<Claim>,
  ): Promise<Claim> {
    const written = await this.outbox.update(
      this.claims,
      { _id: current._id, revision: current.revision },
      { $set: change.set, $inc: { revision: 1 }, $push: { history: { $each: change.history ?? [] } } },
      change.events,
    );
    if (!written) throw new AppError('SOCIALORG.CLAIM_ILLEGAL_STEP', '该申领刚被他人处理，请刷新后再操作');
    return written;
  }

  claimsOfScheme(schemeId: string): Promise<Claim[]> {
    return this.claims.find({ schemeId }).lean<Claim[]>();
  }

  claimsOfOrganisation(orgId: string): Promise<Claim[]> {
    return this.claims.find({ orgId }).lean<Claim[]>();
  }
}
