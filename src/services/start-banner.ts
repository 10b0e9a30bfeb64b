import { DEMO_API_KEYS } from '../../db/demo/api-keys.ts';
import { apiKeyHashExists, countActiveKeys } from '../db/repositories/api-keys.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { hashKey } from '../domain/api-keys.ts';

export interface StartBanner {
  info: string[];
  warn: string[];
}

/** A listening address as a URL people can open: a wildcard host is reachable as localhost. */
export function publicBaseUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/**
 * What someone who just ran `npm start` needs next: where things are, which keys work, and
 * how to get a first admin key when there is none.
 */
export async function startBanner(database: DatabaseHandle, base: string, where: string): Promise<StartBanner> {
  const info = [
    `Peluang is up (${where}): API ${base}/v1, documentation ${base}/docs, embed demo ${base}/embed/demo, OpenAPI ${base}/openapi.json`,
  ];
  const warn: string[] = [];
  const demoAdmin = DEMO_API_KEYS.find((key) => key.role === 'admin');
  if (demoAdmin && (await apiKeyHashExists(database.db, hashKey(demoAdmin.key)))) {
    warn.push(
      `This database has the demo data and its well-known demo keys, one per role (README, "Demo keys"; admin: ${demoAdmin.key}); keep it private`,
    );
  } else if ((await countActiveKeys(database.db, 'admin')) === 0) {
    warn.push(
      'No admin key exists yet. Set BOOTSTRAP_ADMIN_KEY=pk_admin_<32 or more letters and digits> and start again, ' +
        'or stop the service and run `npm run keys -- create --role admin --label "Operations"`',
    );
  }
  return { info, warn };
}
