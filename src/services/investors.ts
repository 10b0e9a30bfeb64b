import type { Kysely } from 'kysely';
import type { SectorCode } from '../domain/codes.ts';
import type { Investor, InvestorInput } from '../domain/investor.ts';
import { InvalidCursorError } from '../db/repositories/opportunities.ts';
import { findInvestor, insertInvestor, markInvestorDeleted, searchInvestors, updateInvestor } from '../db/repositories/investors.ts';
import type { Database } from '../db/schema.ts';
import { sectorParentOf, leavesOf } from '../reference/sectors.ts';
import type { InvestorSearchQuery } from '../schemas/investors.ts';
import type { ChangeWriter } from './changes.ts';
import { badRequest, notFound } from './errors.ts';

/** Investor profiles: kept by the companies themselves, read by staff and matching. */
export class InvestorService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
  ) {}

  async create(input: InvestorInput): Promise<Investor> {
    return this.changes.write('investor', (created: Investor) => created.id, (trx) => insertInvestor(trx, input));
  }

  async get(id: string): Promise<Investor> {
    const found = await findInvestor(this.db, id);
    if (!found) throw notFound('Investor', id);
    return found;
  }

  async update(id: string, changes: Partial<InvestorInput>): Promise<Investor> {
    return this.changes.write('investor', id, async (trx) => {
      if (!(await findInvestor(trx, id, { forUpdate: true }))) throw notFound('Investor', id);
      return updateInvestor(trx, id, changes);
    });
  }

  async delete(id: string): Promise<void> {
    await this.changes.write('investor', id, async (trx) => {
      if (!(await markInvestorDeleted(trx, id))) throw notFound('Investor', id);
    });
  }

  async search(query: InvestorSearchQuery) {
    try {
      return await searchInvestors(
        this.db,
        {
          ...(query.country && { countries: query.country }),
          ...(query.sector && { sectors: query.sector.flatMap(relatedSectors) }),
          ...(query.technology && { technologies: query.technology }),
        },
        query,
      );
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw badRequest('invalid-cursor', 'The cursor is not valid; start again without a cursor.', 'cursor', 'querystring');
      }
      throw error;
    }
  }
}

/** An investor interested in a parent is interested in each of its leaves, and the reverse. */
function relatedSectors(code: SectorCode): SectorCode[] {
  const parent = sectorParentOf(code);
  return [...new Set<SectorCode>([code, ...leavesOf(code), ...(parent ? [parent] : [])])];
}
