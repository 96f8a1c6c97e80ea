import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, t=2): the OWASP baseline. A class so specs can swap it out. */
export class PasswordHasher {
  // verified against when the username is unknown, so that answer takes as long as a wrong password
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a 500
    }
  }

  async burn(password: string): Promise<void> {
    this.dummy ??= hash('identity-dummy-password');
    await this.verify(await this.dummy, password);
  }
}
