import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal, SessionRevocation } from '@psc/auth';
import type { Model } from 'mongoose';
import { CLOCK, type Clock, repeat, type Repeating } from '@psc/server-kit';
import { SESSION_MODEL, type Session } from './session.model';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Sessions and their end. Plugged into the AuthGuard as its SessionRevocation, so identity's own routes refuse a
 * token whose session ended; other services accept it until it expires (10 min resident, 15 min staff).
 */
@Injectable()
export class SessionsService implements SessionRevocation, OnModuleInit, OnModuleDestroy {
  private pruner?: Repeating;

  constructor(
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<Session>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(session: Omit<Session, 'startedAt' | 'endedAt'>): Promise<void> {
    await this.sessions.create({ ...session, startedAt: this.clock() });
  }

  /** Moves the expiry on, e.g. when a staff refresh keeps the session alive. */
  async extend(id: string, expiresAt: Date): Promise<void> {
    await this.sessions.updateOne({ _id: id }, { $set: { expiresAt } });
  }

  async end(id: string): Promise<void> {
    await this.sessions.updateOne(
      { _id: id, endedAt: { $exists: false } },
      { $set: { endedAt: this.clock() } },
    );
  }

  async isRevoked(principal: Principal): Promise<boolean> {
    const session = await this.sessions.findById(principal.sessionId, { endedAt: 1 }).lean<Session>();
    // no document: a token from before this collection existed, or a session pruned after its expiry
    return Boolean(session?.endedAt);
  }

  // no TTL indexes on this store: expired sessions are deleted by hand
  onModuleInit(): void {
    // a failed prune only leaves dead documents a little longer: the next one takes them
    this.pruner = repeat(
      PRUNE_EVERY_MS,
      () => this.sessions.deleteMany({ expiresAt: { $lt: this.clock() } }),
      () => undefined,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pruner?.stop();
  }
}
