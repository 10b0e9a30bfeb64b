/**
 * An investor's script: its own profile and its best-matching published opportunities, with
 * the reason for each factor, in the language it asks for.
 *
 *   PELUANG_URL=http://localhost:3000 PELUANG_API_KEY=pk_investor_… PELUANG_LANG=ko npx tsx examples/investor-matches.ts
 *
 * Without PELUANG_API_KEY it uses the demo investor key. In your own project, import from
 * '@peluang/client' instead of the path below.
 */
import { createPeluangClient } from '../clients/typescript/src/index.ts';

const peluang = createPeluangClient({
  baseUrl: process.env.PELUANG_URL ?? 'http://localhost:3000',
  apiKey: process.env.PELUANG_API_KEY ?? 'pk_investor_demo00000000000000000000000000000000',
  language: process.env.PELUANG_LANG ?? 'en',
});

// An investor key sees exactly one profile: its own.
const profiles = await peluang.GET('/v1/investors', { params: { query: { limit: 1 } } });
if (profiles.error) throw new Error(`${profiles.error.status} ${profiles.error.code}: ${profiles.error.detail ?? profiles.error.title}`);
const profile = profiles.data.data[0];
if (!profile) throw new Error('This key is bound to no investor profile.');
console.log(`${profile.companyName} (${profile.countryName})\n`);

const { data, error } = await peluang.GET('/v1/investors/{id}/matches', {
  params: { path: { id: profile.id }, query: { limit: 5 } },
});
if (error) throw new Error(`${error.status} ${error.code}: ${error.detail ?? error.title}`);
for (const match of data.data) {
  const { title, province, investmentUsd } = match.opportunity;
  const millions = (usd: number) => `${(usd / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })}M`;
  console.log(
    `${match.score.toFixed(0).padStart(3)}  ${title} — ${province}, USD ${millions(investmentUsd.min)}–${millions(investmentUsd.max)}`,
  );
  for (const factor of match.factors) if (!factor.neutral) console.log(`       ${factor.text}`);
  for (const badge of match.badges) console.log(`       ★ ${badge.text}`);
}
