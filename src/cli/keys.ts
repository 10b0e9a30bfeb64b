import { parseArgs } from 'node:util';
import { databaseTarget } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { ROLES, SYSTEM_ACTOR, type Role } from '../domain/access.ts';
import { ApiKeyService } from '../services/api-keys.ts';
import { ChangeWriter } from '../services/changes.ts';
import { ServiceError } from '../services/errors.ts';
import { UsageError, runCli } from './run.ts';

const USAGE = `Usage:
  npm run keys -- create --role admin|staff|investor|embed --label "Who it is for"
                         [--investor <investor id>]   (investor keys: the profile they act for)
                         [--origin https://site.example ...]   (embed keys: allowed web origins, repeatable)
  npm run keys -- list [--role <role>]
  npm run keys -- revoke <key id>
Works on DATABASE_URL, or the embedded database in DATA_DIR. A new key is printed once; only its hash is kept.`;

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      label: { type: 'string' },
      investor: { type: 'string' },
      origin: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return console.log(USAGE);

  const database = await openDatabase(databaseTarget(loadConfig()));
  try {
    await migrateToLatest(database.db);
    const keys = keyService(database);
    if (command === 'create') {
      const role = parseRole(values.role);
      if (!values.label?.trim()) throw new UsageError('--label is required: say who or what the key is for.');
      const { key, record } = await keys.create(
        { role, label: values.label.trim(), investorId: values.investor ?? null, allowedOrigins: values.origin ?? [] },
        SYSTEM_ACTOR,
      );
      console.log(`Created ${role} key ${record.id} (${record.label}). The key, shown only now:\n\n  ${key}\n`);
    } else if (command === 'list') {
      const role = values.role === undefined ? undefined : parseRole(values.role);
      let cursor: string | undefined;
      do {
        const page = await keys.search({ role, limit: 100, cursor });
        for (const key of page.items) {
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`;
          const binding = key.investorId ? ` investor ${key.investorId}` : key.allowedOrigins.length ? ` origins ${key.allowedOrigins.join(' ')}` : '';
          console.log(`${key.id}  ${key.prefix.padEnd(18)} ${key.role.padEnd(8)} ${key.label}${binding} (${state})`);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    } else if (command === 'revoke') {
      const [id] = rest;
      if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('revoke needs the id of the key (see `npm run keys -- list`).');
      const revoked = await keys.revoke(id, SYSTEM_ACTOR);
      console.log(`Revoked ${revoked.role} key ${revoked.id} (${revoked.label}).`);
    } else {
      throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    // The service's own words say what to change; its HTTP details mean nothing here.
    if (error instanceof ServiceError) throw new Error(error.message);
    throw error;
  } finally {
    await database.close();
  }
}, throughApi);

/** The same commands as API calls, for when a running service holds the embedded database. */
function throughApi(api: string): string {
  return `  curl -s ${api}/v1/api-keys -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \\
    -d '{"role":"staff","label":"Who it is for"}'          # create (investorId, allowedOrigins as for the CLI)
  curl -s ${api}/v1/api-keys -H "Authorization: Bearer $ADMIN_KEY"                          # list
  curl -s -X DELETE ${api}/v1/api-keys/<key id> -H "Authorization: Bearer $ADMIN_KEY"       # revoke
With the demo data, ADMIN_KEY=pk_admin_demo00000000000000000000000000000000 (README, "Demo keys").`;
}

function keyService(database: DatabaseHandle): ApiKeyService {
  // This process keeps no keys in memory; running servers hear of a change through its notification.
  const changes = new ChangeWriter(database.db, database.changeChannel, { source: 'keys-cli', publish: async () => {} });
  return new ApiKeyService(database.db, changes, { error: (details, message) => console.error(message, details) });
}

function parseRole(raw: string | undefined): Role {
  if (!raw || !(ROLES as readonly string[]).includes(raw)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  return raw as Role;
}
