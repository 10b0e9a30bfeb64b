import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../domain/access.ts';
import { investorScope, maySee } from '../domain/access-policy.ts';
import type { SectorCode } from '../domain/codes.ts';
import type { Investor, InvestorInput, InvestorQuery } from '../domain/investor.ts';
import { versionSatisfies, type VersionCondition } from '../domain/versions.ts';
import { revokeKeysOfInvestor } from '../db/repositories/api-keys.ts';
import { findInvestor, insertInvestor, markInvestorDeleted, searchInvestors, updateInvestor } from '../db/repositories/investors.ts';
import type { Database } from '../db/schema.ts';
import { sectorParentOf, leavesOf } from '../domain/reference/sectors.ts';
import type { ChangeWriter } from './changes.ts';
import { notFound, preconditionFailed, withCursor } from './errors.ts';

/** Investor profiles: kept by the companies themselves, read by staff and matching. */
export class InvestorService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    /** Searches read here: a replica when one is configured. Reads by id stay on the primary, so a caller sees its own writes. */
    private readonly reader: Kysely<Database> = db,
  ) {}

  async create(input: InvestorInput, actor: Actor): Promise<Investor> {
    return this.changes.write(actor, async (trx, record) => {
      const created = await insertInvestor(trx, input);
      record({ entity: 'investor', entityId: created.id, action: 'create', before: null, after: created });
      return created;
    });
  }

  async get(id: string, actor: Actor): Promise<Investor> {
    ensureVisible(actor, id);
    const found = await findInvestor(this.db, id);
    if (!found) throw notFound('Investor', id);
    return found;
  }

  async update(id: string, changes: Partial<InvestorInput>, actor: Actor, condition?: VersionCondition): Promise<Investor> {
    ensureVisible(actor, id);
    return this.changes.write(actor, async (trx, record) => {
      const current = await lockForWrite(trx, id, condition);
      const updated = await updateInvestor(trx, id, changes);
      record({ entity: 'investor', entityId: id, action: 'update', before: current, after: updated });
      return updated;
    });
  }

  /** The profile is kept for the record; keys acting for it stop working in the same step. */
  async delete(id: string, actor: Actor, condition?: VersionCondition): Promise<void> {
    ensureVisible(actor, id);
    await this.changes.write(actor, async (trx, record) => {
      const current = await lockForWrite(trx, id, condition);
      await markInvestorDeleted(trx, id);
      record({ entity: 'investor', entityId: id, action: 'delete', before: current, after: null });
      for (const key of await revokeKeysOfInvestor(trx, id)) {
        record({ entity: 'api-key', entityId: key.after.id, action: 'revoke', before: key.before, after: key.after });
      }
    });
  }

  async search(query: InvestorQuery, actor: Actor) {
    const scope = investorScope(actor);
    return withCursor(() =>
      searchInvestors(
        this.reader,
        {
          ...(scope !== 'all' && { ids: scope === 'none' ? [] : [scope.only] }),
          ...(query.countries && { countries: query.countries }),
          ...(query.sectors && { sectors: query.sectors.flatMap(relatedSectors) }),
          ...(query.technologies && { technologies: query.technologies }),
        },
        { limit: query.limit, ...(query.cursor && { cursor: query.cursor }) },
      ),
    );
  }
}

/** A profile the caller may not see answers 404, exactly like one that does not exist. */
function ensureVisible(actor: Actor, id: string): void {
  if (!maySee(actor, { entity: 'investor', id })) throw notFound('Investor', id);
}

/** Locks the row so the version check and the write are one atomic step. */
async function lockForWrite(trx: Transaction<Database>, id: string, condition: VersionCondition | undefined): Promise<Investor> {
  const current = await findInvestor(trx, id, { forUpdate: true });
  if (!current) throw notFound('Investor', id);
  if (!versionSatisfies(current.version, condition)) throw preconditionFailed('Investor', id, current.version);
  return current;
}

/** An investor interested in a parent is interested in each of its leaves, and the reverse. */
function relatedSectors(code: SectorCode): SectorCode[] {
  const parent = sectorParentOf(code);
  return [...new Set<SectorCode>([code, ...leavesOf(code), ...(parent ? [parent] : [])])];
}
