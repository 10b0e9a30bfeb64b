/**
 * Load generator for the benchmark, run in its own process so it does not share the server's
 * event loop: `tsx scripts/bench/load.ts <base-url> <seconds> <connections> [path ...]`.
 * Rotates through the given paths; prints one JSON line with throughput and latency. An API key
 * in LOAD_API_KEY is sent as a bearer token.
 */
import autocannon from 'autocannon';

const [base, seconds, connections, ...paths] = process.argv.slice(2);
if (!base || !seconds || !connections || paths.length === 0) {
  console.error('usage: load.ts <base-url> <seconds> <connections> <path> [path ...]');
  process.exit(2);
}
let next = 0;
const result = await autocannon({
  url: base,
  duration: Number(seconds),
  connections: Number(connections),
  ...(process.env.LOAD_API_KEY && { headers: { authorization: `Bearer ${process.env.LOAD_API_KEY}` } }),
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
});
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }),
);
