import type { Migration } from 'kysely';
import * as m0001 from './0001_opportunities_and_investors.ts';
import * as m0002 from './0002_investor_top_matches.ts';
import * as m0003 from './0003_access_control.ts';
import * as m0004 from './0004_reliability.ts';
import * as m0005 from './0005_deal_flow.ts';
import * as m0006 from './0006_multilingual_search.ts';
import * as m0007 from './0007_staff_workflow.ts';
import * as m0008 from './0008_investor_decisions.ts';
import * as m0009 from './0009_imports.ts';
import * as m0011 from './0011_speed.ts';

/**
 * Every migration, in order. Listed statically rather than read from the folder so the
 * same list works under any loader and in a compiled build.
 */
export const migrations: Record<string, Migration> = {
  '0001_opportunities_and_investors': m0001,
  '0002_investor_top_matches': m0002,
  '0003_access_control': m0003,
  '0004_reliability': m0004,
  '0005_deal_flow': m0005,
  '0006_multilingual_search': m0006,
  '0007_staff_workflow': m0007,
  '0008_investor_decisions': m0008,
  '0009_imports': m0009,
  '0011_speed': m0011,
};
