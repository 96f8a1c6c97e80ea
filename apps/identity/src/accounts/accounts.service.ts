import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, isValidScope, ORG_SCOPE_ROOT, type Principal, type RoleGrant } from '@psc/auth';
import type { CreateAccountRequest } from '@psc/contracts/identity';
import { isDuplicateKey } from '@psc/persistence';
import { APP_CONFIG, AppError } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { IdentityConfig } from '../config';
import { CLOCK, type Clock } from '@psc/server-kit';
import { type Account, ACCOUNT_MODEL, userView } from './account.model';
import { ORG_PLACE_MODEL, type OrgPlace } from './org-place.model';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-rules';

const ADMINS = ['centre_admin', 'city_admin'] as const;
const DEMO_CENTRE = 'sz/futian/xiangmihu/c-001';
const DEMO_STREET = 'sz/futian/xiangmihu';
/** socialorg seeds this organisation outside production, at the demo centre */
const DEMO_ORG = 'org-demo-001';

/**
 * A street's administrator is a `centre_admin` over the street's scope: the scope tree already says how far a
 * grant reaches (all the street's communities), so the street office needs no role of its own.
 */
export const DEMO_ACCOUNTS: Pick<Account, 'username' | 'displayName' | 'roles'>[] = [
  {
    username: 'counter01',
    displayName: '窗口演示账号',
    roles: [{ role: 'counter_staff', scope: DEMO_CENTRE }],
  },
  {
    username: 'centre01',
    displayName: '中心管理员演示账号',
    roles: [{ role: 'centre_admin', scope: DEMO_CENTRE }],
  },
  {
    username: 'street01',
    displayName: '香蜜湖街道管理员演示账号',
    roles: [{ role: 'centre_admin', scope: DEMO_STREET }],
  },
  {
    username: 'dept01',
    displayName: '区民政局审核演示账号',
    roles: [{ role: 'dept_reviewer', scope: 'sz/futian' }],
  },
  { username: 'city01', displayName: '市级管理员演示账号', roles: [{ role: 'city_admin', scope: 'sz' }] },
  {
    username: 'org01',
    displayName: '香岭社区长者服务中心演示账号',
    roles: [{ role: 'org_member', scope: `${ORG_SCOPE_ROOT}/${DEMO_ORG}` }],
  },
  ...[1, 2, 3].map((n) => ({
    username: `expert0${n}`,
    displayName: `评审专家演示账号${n}`,
    roles: [{ role: 'expert_reviewer' as const, scope: 'sz/futian' }],
  })),
];

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<Account>,
    @InjectModel(ORG_PLACE_MODEL) private readonly orgPlaces: Model<OrgPlace>,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: Pick<IdentityConfig, 'NODE_ENV' | 'SEED_PASSWORD'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An admin creates a staff account; every grant must lie within the admin's own scope. */
  async create(principal: Principal, request: CreateAccountRequest) {
    for (const grant of request.roles) await this.assertMayGrant(principal, grant);
    const problem = passwordProblem(request.password);
    if (problem) throw new AppError('IDENTITY.PASSWORD_WEAK', problem.replace('新密码', '初始密码'));
    const now = this.clock();
    const account: Account = {
      _id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      roles: request.roles,
      passwordHash: await this.hasher.hash(request.password),
      failedAttempts: 0,
      passwordChangedAt: now,
      createdAt: now,
      createdBy: principal.sub,
    };
    try {
      await this.accounts.create(account);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new AppError('IDENTITY.USERNAME_TAKEN', `用户名 ${request.username} 已被使用，请换一个`);
      throw error;
    }
    return { id: account._id, ...userView(account) };
  }

  private async assertMayGrant(principal: Principal, grant: RoleGrant): Promise<void> {
    if (grant.role === 'org_member') return this.assertMayGrantOrg(principal, grant.scope);
    if (!isValidScope(grant.scope))
      throw new AppError('COMMON.VALIDATION_FAILED', `管辖范围“${grant.scope}”格式不正确`);
    assertScope(principal, grant.scope, ADMINS);
    // a centre admin's scope cannot contain a city-wide role, but a city admin "at a centre" would still outrank them
    if (grant.role === 'city_admin') assertScope(principal, grant.scope, ['city_admin']);
  }

  /**
   * An organisation's staff are given accounts by the administrators of the community it is registered at (or of
   * its street, district or city): where it belongs is what socialorg announced when registering it.
   */
  private async assertMayGrantOrg(principal: Principal, scope: string): Promise<void> {
    const orgId = scope.slice(ORG_SCOPE_ROOT.length + 1);
    const place = await this.orgPlaces.findById(orgId).lean<OrgPlace>();
    if (!place)
      throw new AppError(
        'AUTH.OUT_OF_SCOPE',
        `没有找到社会组织 ${orgId} 的登记信息：请先在社会组织登记中登记该组织（刚登记的请稍候片刻再试）`,
      );
    assertScope(principal, place.centreId, ADMINS);
  }

  /** The demo accounts missing from the database, outside production only; the password is SEED_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.SEED_PASSWORD;
    if (this.config.NODE_ENV === 'production' || !password) return;
    // by username (a unique index, so a point read each): an older database gets the demo accounts added since
    const missing: typeof DEMO_ACCOUNTS = [];
    for (const demo of DEMO_ACCOUNTS)
      if (!(await this.accounts.findOne({ username: demo.username }, { _id: 1 }).lean())) missing.push(demo);
    if (missing.length === 0) return;
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock();
    for (const demo of missing) {
      try {
        await this.accounts.create({
          ...demo,
          _id: randomUUID(),
          passwordHash,
          failedAttempts: 0,
          passwordChangedAt: now,
          createdAt: now,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // another replica seeded it first
      }
    }
    this.logger.log(`seeded demo accounts ${missing.map((a) => a.username).join(', ')}`);
  }
}
