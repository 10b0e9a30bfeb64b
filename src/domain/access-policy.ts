/**
 * Object-level access: which opportunity, investor profile, interest, webhook or API key a
 * caller may see. Route audiences (src/http/access.ts) say who may call a route at all; this
 * says which objects it then reaches. Seeing an object is also the first condition for changing
 * it: what a caller may then do to it (an investor only withdraws its interest, say) is the
 * owning service's rule.
 *
 * An object the caller may not see must answer exactly like one that does not exist (404, never
 * 403), so ids of other companies' records cannot be probed; services throw `notFound` whenever
 * `maySee` says no.
 */
import { actsForBkpm, type Actor } from './access.ts';
import type { OpportunityStatus } from './codes.ts';

/** What visibility depends on, per kind of object. */
export type Guarded =
  | { entity: 'opportunity'; status: OpportunityStatus }
  | { entity: 'investor'; id: string }
  | { entity: 'interest'; investorId: string }
  | { entity: 'webhook'; investorId: string | null }
  | { entity: 'api-key' };

/** Drafts, withdrawn and closed opportunities are for ministry staff; everyone else sees published ones. */
export const seesUnpublished = actsForBkpm;

/** An investor key sees its own profile (and what belongs to it) only; staff see every profile. */
function seesInvestor(actor: Actor, investorId: string): boolean {
  return actsForBkpm(actor) || (actor.role === 'investor' && actor.investorId === investorId);
}

export function maySee(actor: Actor, object: Guarded): boolean {
  switch (object.entity) {
    case 'opportunity':
      return object.status === 'published' || seesUnpublished(actor);
    case 'investor':
      return seesInvestor(actor, object.id);
    case 'interest':
      return seesInvestor(actor, object.investorId);
    case 'webhook':
      // Staff subscriptions belong to no investor; an investor's belong to its profile.
      return actsForBkpm(actor) || object.investorId === actor.investorId;
    case 'api-key':
      // Keys are handed out by staff but listed, read and revoked by admins (and the operator).
      return actor.role === 'admin' || actor.role === 'system';
  }
}

/** An id no investor profile has: a listing scoped to `none` filters by it and finds nothing. */
export const NO_INVESTOR_ID = '00000000-0000-0000-0000-000000000000';

/** Which investors' records (profiles, interests, webhooks) a listing may show: all, or just the caller's own. */
export function investorScope(actor: Actor): 'all' | { only: string } | 'none' {
  if (actsForBkpm(actor)) return 'all';
  if (actor.role === 'investor' && actor.investorId) return { only: actor.investorId };
  return 'none';
}
