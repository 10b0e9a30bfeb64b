import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { SYSTEM_ACTOR, mayCreateKey, type Actor, type Principal, type Role } from '../domain/access.ts';
import { maySee } from '../domain/access-policy.ts';
import { displayPrefix, generateKey, hashKey, isWellFormedKey, keyBindingProblems, roleOfKey, type ApiKeyRecord } from '../domain/api-keys.ts';
import {
  apiKeyHashExists,
  countActiveKeys,
  findApiKey,
  findApiKeyByHash,
  insertApiKey,
  revokeApiKey,
  searchApiKeys,
  touchApiKey,
} from '../db/repositories/api-keys.ts';
import { findInvestor } from '../db/repositories/investors.ts';
import type { Database } from '../db/schema.ts';
import type { ChangeSubscriber } from './change-feed.ts';
import { RELOAD, type Change, type ChangeWriter } from './changes.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable, withCursor } from './errors.ts';

export interface ApiKeyInput {
  role: Role;
  label: string;
  investorId?: string | null | undefined;
  allowedOrigins?: readonly string[] | undefined;
}

export interface ApiKeySearch {
  role?: Role | undefined;
  investorId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

interface ErrorLog {
  error(details: object, message: string): void;
}

const TOUCH_EVERY_MS = 60_000;

/** Issuing, listing and revoking API keys, and recognising them on requests. */
export class ApiKeyService implements ChangeSubscriber {
  /**
   * Principals by key hash. The minute-long lifetime also paces last-use recording: a key is
   * read again, and touched if due, when its entry expires.
   */
  readonly #recognised = new LRUCache<string, Principal>({
    max: 10_000,
    maxSize: 4 * 1024 * 1024,
    sizeCalculation: (principal, hash) => hash.length + JSON.stringify(principal).length,
    ttl: TOUCH_EVERY_MS,
  });
  /** Bumped on every key change, so a lookup that raced with the change is not kept. */
  #generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    private readonly log: ErrorLog,
  ) {}

  /** The secret is returned here and never again: only its hash is stored. */
  async create(input: ApiKeyInput, actor: Actor, secret?: string): Promise<{ key: string; record: ApiKeyRecord }> {
    if (!mayCreateKey(actor, input.role)) {
      throw forbidden(`A ${actor.role} key cannot create ${input.role} keys; staff may create investor and embed keys.`, 'role');
    }
    const [problem] = keyBindingProblems(input);
    if (problem) throw badRequest('invalid-key-binding', problem.message, problem.field);
    const key = secret ?? generateKey(input.role);
    if (!isWellFormedKey(key) || roleOfKey(key) !== input.role) throw badRequest('malformed-api-key', `A ${input.role} key must look like pk_${input.role}_ followed by at least 32 letters and digits.`);

    return this.changes.write(actor, async (trx, record) => {
      if (input.investorId && !(await findInvestor(trx, input.investorId))) {
        throw unprocessable('unknown-investor', `Investor ${input.investorId} does not exist; create the profile first.`, 'investorId');
      }
      const created = await insertApiKey(trx, {
        secretHash: hashKey(key),
        prefix: displayPrefix(key),
        role: input.role,
        label: input.label,
        investorId: input.investorId ?? null,
        allowedOrigins: input.allowedOrigins ?? [],
      });
      record({ entity: 'api-key', entityId: created.id, action: 'create', before: null, after: created });
      return { key, record: created };
    });
  }

  async get(id: string, actor: Actor): Promise<ApiKeyRecord> {
    const found = await findApiKey(this.db, id);
    if (!found || !maySee(actor, { entity: 'api-key' })) throw notFound('API key', id);
    return found;
  }

  async search(query: ApiKeySearch) {
    return withCursor(() =>
      searchApiKeys(this.db, { ...(query.role && { role: query.role }), ...(query.investorId && { investorId: query.investorId }) }, query),
    );
  }

  /** Revoking is final and repeatable; the last working admin key is kept so nobody is locked out. */
  async revoke(id: string, actor: Actor): Promise<ApiKeyRecord> {
    return this.changes.write(actor, async (trx, record) => {
      const current = await findApiKey(trx, id, { forUpdate: true });
      if (!current || !maySee(actor, { entity: 'api-key' })) throw notFound('API key', id);
      if (current.revokedAt) return current;
      if (current.role === 'admin' && (await countActiveKeys(trx, 'admin')) <= 1) {
        throw conflict('last-admin-key', 'This is the only working admin key; create another admin key before revoking it.');
      }
      const revoked = await revokeApiKey(trx, id);
      record({ entity: 'api-key', entityId: id, action: 'revoke', before: current, after: revoked });
      return revoked;
    });
  }

  /**
   * The caller a key stands for, or null for a key that is malformed, unknown or revoked.
   * Recognised keys are kept in memory for a minute so a request costs no query; a revoke on
   * any instance reaches every instance at once through the change feed.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    if (!isWellFormedKey(secret)) return null;
    const secretHash = hashKey(secret);
    const known = this.#recognised.get(secretHash);
    if (known) return known;
    const generation = this.#generation;
    const found = await findApiKeyByHash(this.db, secretHash);
    if (!found || found.revokedAt) return null;
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      // Not awaited: recording use must never slow down or fail the request.
      touchApiKey(this.db, found.id).catch((err: unknown) => this.log.error({ err, keyId: found.id }, 'could not record when an API key was last used'));
    }
    const principal: Principal = { keyId: found.id, role: found.role, investorId: found.investorId, allowedOrigins: found.allowedOrigins };
    // A key change heard while the row was being read may be newer than the row: don't keep it.
    if (generation === this.#generation) this.#recognised.set(secretHash, principal);
    return principal;
  }

  /** Any key change (created, revoked, revoked with its investor) forgets every recognised key. */
  async applyChange({ entity }: Change): Promise<void> {
    if (entity === 'api-key' || entity === RELOAD) this.resync();
  }

  resync(): void {
    this.#generation += 1;
    this.#recognised.clear();
  }

  /**
   * The operator's chosen first admin key (BOOTSTRAP_ADMIN_KEY), stored only while no working
   * admin key exists and never twice, so a revoked bootstrap key stays revoked.
   */
  async ensureBootstrapAdminKey(secret: string): Promise<ApiKeyRecord | null> {
    if (roleOfKey(secret) !== 'admin') throw new Error('BOOTSTRAP_ADMIN_KEY must be an admin key (pk_admin_…)');
    if ((await countActiveKeys(this.db, 'admin')) > 0 || (await apiKeyHashExists(this.db, hashKey(secret)))) return null;
    const { record } = await this.create({ role: 'admin', label: 'Bootstrap admin key (BOOTSTRAP_ADMIN_KEY)' }, SYSTEM_ACTOR, secret);
    return record;
  }
}
