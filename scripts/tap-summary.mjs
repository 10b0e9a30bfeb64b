// tap reporter: passes TAP through and ends with one plain line counting the real results,
// read from tap's closing `# { total, pass, fail, skip, todo }` summary comment.
import { Transform } from 'node:stream';

export default class Summary extends Transform {
  #tail = '';
  #counts;

  _transform(chunk, _encoding, callback) {
    const text = chunk.toString();
    this.#tail = (this.#tail + text).slice(-4096);
    const match = [...this.#tail.matchAll(/^# (\{ total: .*\})$/gm)].at(-1);
    if (match) this.#counts = match[1];
    callback(null, chunk);
  }

  _flush(callback) {
    const count = (name) => Number(new RegExp(`${name}: (\\d+)`).exec(this.#counts ?? '')?.[1] ?? 0);
    if (!this.#counts) {
      callback(null, '\ntests: 0 passed, 1 failed (no summary from the test runner)\n');
      return;
    }
    const skipped = count('skip') + count('todo');
    callback(null, `\ntests: ${count('pass')} passed, ${count('fail')} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
