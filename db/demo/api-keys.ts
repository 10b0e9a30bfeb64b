import type { Role } from '../../src/domain/access.ts';

export interface DemoApiKey {
  key: string;
  role: Role;
  label: string;
  /** Investor keys: the demo investor (by its key in DEMO_INVESTORS) the key acts for. */
  investor?: string;
  allowedOrigins?: string[];
}

/**
 * Well-known keys for the demo database, one per role, listed in the README. They are
 * created only together with the demo data: never use a database with these keys in public.
 */
export const DEMO_API_KEYS: readonly DemoApiKey[] = [
  { key: 'pk_admin_demo00000000000000000000000000000000', role: 'admin', label: 'Demo admin key' },
  { key: 'pk_staff_demo00000000000000000000000000000000', role: 'staff', label: 'Demo staff key (BKPM)' },
  {
    key: 'pk_investor_demo00000000000000000000000000000000',
    role: 'investor',
    label: 'Demo investor key (Saebom Blood Systems)',
    investor: 'kr-blood-bag-maker',
  },
  {
    key: 'pk_embed_demo00000000000000000000000000000000',
    role: 'embed',
    label: 'Demo embed key (local pages)',
    allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
  },
];
