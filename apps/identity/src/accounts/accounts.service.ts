import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, isValidScope, type Principal, type RoleGrant } from '@psc/auth';
import type { CreateAccountRequest } from '@psc/contracts/identity';
import { isDuplicateKey } from '@psc/persistence';
import { APP_CONFIG, AppError } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { IdentityConfig } from '../config';
import { CLOCK, type Clock } from '@psc/server-kit';
import { type Account, ACCOUNT_MODEL, userView } from './account.model';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-rules';

const ADMINS = ['centre_admin', 'city_admin'] as const;
const DEMO_CENTRE = 'sz/futian/xiangmihu/c-001';

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
    username: 'dept01',
    displayName: '区民政局审核演示账号',
    roles: [{ role: 'dept_reviewer', scope: 'sz/futian' }],
  },
  { username: 'city01', displayName: '市级管理员演示账号', roles: [{ role: 'city_admin', scope: 'sz' }] },
];

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<Account>,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: Pick<IdentityConfig, 'NODE_ENV' | 'SEED_PASSWORD'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An admin creates a staff account; every grant must lie within the admin's own scope. */
  async create(principal: Principal, request: CreateAccountRequest) {
    for (const grant of request.roles) this.assertMayGrant(principal, grant);
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

  private assertMayGrant(principal: Principal, grant: RoleGrant): void {
    if (!isValidScope(grant.scope))
      throw new AppError('COMMON.VALIDATION_FAILED', `管辖范围“${grant.scope}”格式不正确`);
    assertScope(principal, grant.scope, ADMINS);
    // a centre admin's scope cannot contain a city-wide role, but a city admin "at a centre" would still outrank them
    if (grant.role === 'city_admin') assertScope(principal, grant.scope, ['city_admin']);
  }

  /** Demo accounts on an empty database, outside production only; the password comes from SEED_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.SEED_PASSWORD;
    if (this.config.NODE_ENV === 'production' || !password) return;
    // findOne, not countDocuments: the store's $group count is unreliable (see local-stack.md)
    if (await this.accounts.findOne({}, { _id: 1 }).lean()) return;
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock();
    for (const demo of DEMO_ACCOUNTS) {
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
    this.logger.log(`seeded demo accounts ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
}
