import { createHash, randomInt } from 'node:crypto';
import { ROLES, type Role } from './access.ts';

/** A key as stored, without its hash: what lists, audit entries and authentication use. */
export interface ApiKeyRecord {
  id: string;
  prefix: string;
  role: Role;
  label: string;
  investorId: string | null;
  allowedOrigins: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * API keys look like `pk_<role>_<random base62>`: the role is readable at a glance (and by
 * secret scanners), the random part carries the secret.
 */
export const KEY_PATTERN = new RegExp(`^pk_(${ROLES.join('|')})_[A-Za-z0-9]{32,200}$`);

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_LENGTH = 40; // ≈ 238 bits
const PREFIX_RANDOM_CHARS = 6;

export function generateKey(role: Role): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i += 1) random += BASE62[randomInt(BASE62.length)];
  return `pk_${role}_${random}`;
}

export function isWellFormedKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function roleOfKey(key: string): Role | undefined {
  return KEY_PATTERN.exec(key)?.[1] as Role | undefined;
}

/**
 * Keys are long random strings, so a fast hash is enough: there is nothing to brute-force
 * that a slow hash would protect, and lookups stay one indexed query.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What lists show to tell keys apart: the role and the first few random characters. */
export function displayPrefix(key: string): string {
  const role = roleOfKey(key);
  const head = role ? `pk_${role}_`.length : 0;
  return key.slice(0, head + PREFIX_RANDOM_CHARS);
}

/**
 * A web origin as browsers send it in the `Origin` header: http(s), host, optional port, in
 * canonical form (lower case, no default port, no path), so comparison can be exact.
 */
export function isWebOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

export const MAX_ALLOWED_ORIGINS = 20;

export interface KeyBinding {
  role: Role;
  investorId?: string | null | undefined;
  allowedOrigins?: readonly string[] | null | undefined;
}

/**
 * An investor key acts for exactly one profile; an embed key works only from its listed web
 * origins; admin and staff keys are bound to neither.
 */
export function keyBindingProblems(binding: KeyBinding): { field: 'investorId' | 'allowedOrigins'; message: string }[] {
  const problems: { field: 'investorId' | 'allowedOrigins'; message: string }[] = [];
  const origins = binding.allowedOrigins ?? [];
  if (binding.role === 'investor' && !binding.investorId) problems.push({ field: 'investorId', message: 'an investor key needs the investorId of the profile it acts for' });
  if (binding.role !== 'investor' && binding.investorId) problems.push({ field: 'investorId', message: `a ${binding.role} key is not bound to an investor profile` });
  if (binding.role === 'embed' && (origins.length < 1 || origins.length > MAX_ALLOWED_ORIGINS)) {
    problems.push({ field: 'allowedOrigins', message: `an embed key needs 1 to ${MAX_ALLOWED_ORIGINS} allowed web origins` });
  }
  const malformed = origins.find((origin) => !isWebOrigin(origin));
  if (malformed !== undefined) problems.push({ field: 'allowedOrigins', message: `${JSON.stringify(malformed)} is not a web origin such as https://www.kotra.example` });
  if (binding.role !== 'embed' && origins.length > 0) problems.push({ field: 'allowedOrigins', message: `only embed keys have allowed origins, not ${binding.role} keys` });
  return problems;
}
