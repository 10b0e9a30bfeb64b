import { sql, type Kysely } from 'kysely';

const nowMs = sql`date_trunc('milliseconds', now())`;

/**
 * Deal flow: one outbox of typed events (the audit log becomes a view over it), expressions of
 * interest with their stage history, webhook subscriptions with their deliveries, and the
 * match alerts already sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_key_id', 'uuid', (c) => c.references('api_keys.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    // The thin payload receivers get, and the investor profile it concerns (for investor keys' subscriptions).
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('investor_id', 'uuid')
    // Set once webhooks and match alerts have been derived from the event.
    .addColumn('processed_at', 'timestamptz')
    .execute();

  // Earlier audit entries become events, already processed: nobody subscribed to them.
  await sql`
    insert into events (id, at, type, entity, entity_id, action, actor_key_id, actor_role, request_id, before, after, data, processed_at)
    select id, at,
      replace(entity, '-', '_') || '.' || case action
        when 'create' then 'created' when 'update' then 'updated' when 'publish' then 'published'
        when 'withdraw' then 'withdrawn' when 'close' then 'closed' when 'delete' then 'deleted'
        when 'revoke' then 'revoked' else action end,
      entity, entity_id, action, actor_key_id, actor_role, request_id, before, after,
      jsonb_build_object('id', entity_id), at
    from audit_log`.execute(db);
  await sql`select setval(pg_get_serial_sequence('events', 'id'), coalesce((select max(id) from events), 0) + 1, false)`.execute(db);
  await db.schema.dropTable('audit_log').execute();
  await db.schema
    .createView('audit_log')
    .as(sql`select id, at, actor_key_id, actor_role, action, entity, entity_id, before, after, request_id from events`)
    .execute();
  await db.schema.createIndex('events_entity_idx').on('events').columns(['entity', 'entity_id', 'id']).execute();
  await db.schema.createIndex('events_actor_idx').on('events').columns(['actor_key_id', 'id']).execute();
  await db.schema.createIndex('events_at_idx').on('events').column('at').execute();
  await db.schema.createIndex('events_unprocessed_idx').on('events').column('id').where(sql.ref('processed_at'), 'is', null).execute();

  await db.schema
    .createTable('interests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunities.id'))
    .addColumn('investor_id', 'uuid', (c) => c.notNull().references('investors.id'))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('submitted'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('modalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('contact', 'jsonb')
    .addColumn('contact_erased_at', 'timestamptz')
    .addColumn('expected_investment_usd', 'bigint')
    .addColumn('expected_foreign_share_pct', 'double precision')
    .addColumn('expected_jobs', 'integer')
    .addColumn('likelihood', 'text')
    .addColumn('expected_groundbreaking_at', 'text')
    .addColumn('groundbreaking_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('stage_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('expiry_warned_at', 'timestamptz')
    .addCheckConstraint('interests_contact_or_erased', sql`(contact is null) = (contact_erased_at is not null)`)
    .execute();
  // One open interest per investor and opportunity, whatever races the requests run.
  await db.schema
    .createIndex('interests_open_pair_idx')
    .on('interests')
    .columns(['opportunity_id', 'investor_id'])
    .unique()
    .where(sql.ref('stage'), 'not in', ['declined', 'withdrawn', 'expired', 'groundbreaking'])
    .execute();
  await db.schema.createIndex('interests_created_idx').on('interests').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('interests_investor_idx').on('interests').columns(['investor_id', 'created_at']).execute();
  await db.schema.createIndex('interests_stage_idx').on('interests').columns(['stage', 'created_at']).execute();

  await db.schema
    .createTable('interest_transitions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('interest_id', 'uuid', (c) => c.notNull().references('interests.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('actor_key_id', 'uuid', (c) => c.references('api_keys.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('note_visibility', 'text', (c) => c.notNull().defaultTo('internal'))
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('interest_transitions_interest_idx').on('interest_transitions').columns(['interest_id', 'id']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', sql`text[]`, (c) => c.notNull())
    .addColumn('min_score', 'double precision')
    .addColumn('investor_id', 'uuid', (c) => c.references('investors.id'))
    .addColumn('owner_key_id', 'uuid', (c) => c.references('api_keys.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('disabled_reason', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'timestamptz')
    // Events after this one are delivered: a new subscription gets nothing from before it.
    .addColumn('after_event_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .execute();
  await db.schema.createIndex('webhooks_created_idx').on('webhooks').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('webhook_id', 'uuid', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_id', 'bigint', (c) => c.notNull().references('events.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('delivered_at', 'timestamptz')
    .addUniqueConstraint('webhook_deliveries_once', ['webhook_id', 'event_id'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').column('next_attempt_at').where(sql.ref('state'), '=', 'pending').execute();
  await db.schema.createIndex('webhook_deliveries_list_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('match_alerts')
    .addColumn('investor_id', 'uuid', (c) => c.notNull())
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('alerted_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addPrimaryKeyConstraint('match_alerts_pk', ['investor_id', 'opportunity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('match_alerts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
  await db.schema.dropTable('interest_transitions').execute();
  await db.schema.dropTable('interests').execute();
  await db.schema.dropView('audit_log').execute();
  await sql`create table audit_log as select id, at, actor_key_id, actor_role, action, entity, entity_id, before, after, request_id from events`.execute(db);
  await db.schema.dropTable('events').execute();
}
