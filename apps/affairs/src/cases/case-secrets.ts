import { BlindIndex } from '@psc/pii';

/**
 * The two secrets derived from a case with the service's key, so nobody can make them up: the hash of "case number +
 * last 6 of the ID number" kept for the public progress lookup, and the token in the rating link texted on delivery.
 */
export class CaseSecrets {
  private readonly index: BlindIndex;

  constructor(key: string) {
    this.index = new BlindIndex({ PII_INDEX_KEY: key });
  }

  lookupHash(caseNo: string, idTail: string): string {
    return this.index.compute(`${caseNo}:${idTail.toUpperCase()}`, 'cases.lookup');
  }

  /** 22 base64url characters (132 bits) of a keyed hash: short enough for a text, too many to guess. */
  ratingToken(caseNo: string): string {
    return this.index.compute(caseNo, 'cases.rating-link').slice(0, 22);
  }
}
