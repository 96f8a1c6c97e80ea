export const ROLES = [
  'resident',
  'counter_staff',
  'dept_reviewer',
  'centre_admin',
  'org_member',
  'expert_reviewer',
  'volunteer',
  'city_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export type PrincipalKind = 'staff' | 'resident';

/** A role held over a scope (see scope.ts): `centre_admin` at `sz/futian/xiangmihu/c-001` runs that centre only. */
export interface RoleGrant {
  role: Role;
  scope: string;
}

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  sub: string;
  kind: PrincipalKind;
  roles: RoleGrant[];
  /** set on resident tokens issued at a kiosk; the request must carry the same `x-kiosk-session` */
  kioskSession?: string;
  sessionId: string;
  /** a staff account's display name, for step logs that show who acted; residents' tokens carry none */
  name?: string;
}
