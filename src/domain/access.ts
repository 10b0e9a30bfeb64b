/**
 * Who may do what. Roles come from API keys; these rules are the single place that says
 * what each role may do, so routes and services ask here rather than compare roles themselves.
 * Which objects each caller reaches is decided in access-policy.ts.
 */

export const ROLES = ['admin', 'staff', 'investor', 'embed'] as const;
export type Role = (typeof ROLES)[number];

/** A caller identified by a valid, unrevoked API key. */
export interface Principal {
  keyId: string;
  role: Role;
  /** The one investor profile an investor key acts for; null for other roles. */
  investorId: string | null;
  /** Web origins an embed key may be used from; empty for other roles. */
  allowedOrigins: readonly string[];
}

/** Whoever causes a change: a key holder, an anonymous caller, or the operator at the console. */
export interface Actor {
  keyId: string | null;
  role: Role | 'anonymous' | 'system';
  investorId: string | null;
  requestId: string | null;
}

/** Route audiences: a role, or a caller who sent no key. */
export type Audience = Role | 'anonymous';

export const SYSTEM_ACTOR: Actor = { keyId: null, role: 'system', investorId: null, requestId: null };

export function actorOf(principal: Principal | null, requestId: string | null): Actor {
  return principal
    ? { keyId: principal.keyId, role: principal.role, investorId: principal.investorId, requestId }
    : { keyId: null, role: 'anonymous', investorId: null, requestId };
}

const isInternal = (actor: Actor) => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'system';

/** BKPM itself: staff, admins and the operator; they see and move every interest. */
export const actsForBkpm = isInternal;

/** Admins hand out any key; staff only the keys companies and partner sites need. */
export function mayCreateKey(actor: Actor, role: Role): boolean {
  if (actor.role === 'admin' || actor.role === 'system') return true;
  return actor.role === 'staff' && (role === 'investor' || role === 'embed');
}

/** Exact match against the key's list, as browsers send it (`scheme://host[:port]`). */
export function originAllowed(principal: Principal, origin: string | undefined): boolean {
  return origin !== undefined && principal.allowedOrigins.includes(origin);
}
