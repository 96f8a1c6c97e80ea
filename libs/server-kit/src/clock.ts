/** Injected wherever a rule depends on time (expiry, lockout, rate windows), so specs can move time on. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
