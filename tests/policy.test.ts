import t from 'tap';
import { SYSTEM_ACTOR, actorOf, type Actor, type Role } from '../src/domain/access.ts';
import { NO_INVESTOR_ID, investorScope, maySee } from '../src/domain/access-policy.ts';
import { OPPORTUNITY_STATUSES } from '../src/domain/codes.ts';

const OWN = '0195f7e2-0000-7000-8000-000000000001';
const OTHER = '0195f7e2-0000-7000-8000-000000000002';

const keyOf = (role: Role, investorId: string | null = null): Actor =>
  actorOf({ keyId: `key-${role}`, role, investorId, allowedOrigins: role === 'embed' ? ['https://partner.example'] : [] }, null);

const admin = keyOf('admin');
const staff = keyOf('staff');
const investor = keyOf('investor', OWN);
const embed = keyOf('embed');
const anonymous = actorOf(null, null);
const internal = [admin, staff, SYSTEM_ACTOR];
const outside = [investor, embed, anonymous];

t.test('published opportunities are public; every other status is for BKPM only', async (t) => {
  for (const actor of [...internal, ...outside]) t.ok(maySee(actor, { entity: 'opportunity', status: 'published' }), `${actor.role} sees published`);
  for (const status of OPPORTUNITY_STATUSES.filter((status) => status !== 'published')) {
    for (const actor of internal) t.ok(maySee(actor, { entity: 'opportunity', status }), `${actor.role} sees ${status}`);
    for (const actor of outside) t.notOk(maySee(actor, { entity: 'opportunity', status }), `${actor.role} does not see ${status}`);
  }
});

t.test('an investor key sees its own profile, interests and webhooks, and nobody else’s', async (t) => {
  for (const [what, object] of [
    ['profile', (id: string) => ({ entity: 'investor', id }) as const],
    ['interest', (id: string) => ({ entity: 'interest', investorId: id }) as const],
    ['webhook', (id: string) => ({ entity: 'webhook', investorId: id }) as const],
  ] as const) {
    t.ok(maySee(investor, object(OWN)), `its own ${what}`);
    t.notOk(maySee(investor, object(OTHER)), `another investor’s ${what}`);
    for (const actor of internal) t.ok(maySee(actor, object(OTHER)), `${actor.role} sees any ${what}`);
    for (const actor of [embed, anonymous]) t.notOk(maySee(actor, object(OWN)), `${actor.role} sees no ${what}`);
  }
});

t.test('a staff webhook belongs to no investor: only BKPM sees it', async (t) => {
  for (const actor of internal) t.ok(maySee(actor, { entity: 'webhook', investorId: null }), actor.role);
  t.notOk(maySee(investor, { entity: 'webhook', investorId: null }), 'investor');
});

t.test('API keys are read and revoked by admins and the operator only', async (t) => {
  t.ok(maySee(admin, { entity: 'api-key' }));
  t.ok(maySee(SYSTEM_ACTOR, { entity: 'api-key' }));
  for (const actor of [staff, ...outside]) t.notOk(maySee(actor, { entity: 'api-key' }), actor.role);
});

t.test('listings are scoped to every investor, the caller’s own, or none', async (t) => {
  for (const actor of internal) t.equal(investorScope(actor), 'all', actor.role);
  t.same(investorScope(investor), { only: OWN });
  t.equal(investorScope(embed), 'none');
  t.equal(investorScope(anonymous), 'none');
  t.equal(investorScope(keyOf('investor', null)), 'none', 'an investor key bound to no profile sees nothing');
  t.notOk(maySee(investor, { entity: 'investor', id: NO_INVESTOR_ID }), 'the id a `none` scope filters by is nobody’s');
});
