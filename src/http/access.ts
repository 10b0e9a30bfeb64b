import type { Audience } from '../domain/access.ts';

/** Route audiences, named once so the routes read as policy. */
export const ANYONE: readonly Audience[] = ['anonymous', 'admin', 'staff', 'investor', 'embed'];
export const ANY_KEY: readonly Audience[] = ['admin', 'staff', 'investor', 'embed'];
export const STAFF: readonly Audience[] = ['admin', 'staff'];
export const STAFF_AND_INVESTORS: readonly Audience[] = ['admin', 'staff', 'investor'];
export const ADMIN: readonly Audience[] = ['admin'];
