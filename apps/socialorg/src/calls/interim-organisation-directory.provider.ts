import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { OrganisationDirectory, OrganisationSnapshot } from './organisation-directory.port';

/** The collection the interim directory reads; system tests insert `{ _id: orgId, ...OrganisationSnapshot }` into it. */
export const INTERIM_DIRECTORY_COLLECTION = 'organisation_directory_interim';

/**
 * Stands in for the organisation registry's `OrganisationDirectory` until the two halves of issue 12 are merged:
 * a point read by `_id` of a snapshot seeded straight into this service's database (test-only seeding path). The
 * merge replaces this provider; nothing else refers to it.
 */
@Injectable()
export class InterimOrganisationDirectory implements OrganisationDirectory {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async get(orgId: string): Promise<OrganisationSnapshot | null> {
    const doc = await this.connection
      .collection<{ _id: string } & Omit<OrganisationSnapshot, 'orgId'>>(INTERIM_DIRECTORY_COLLECTION)
      .findOne({ _id: orgId });
    if (!doc) return null;
    const { _id, ...snapshot } = doc;
    return { ...snapshot, orgId: _id };
  }
}
