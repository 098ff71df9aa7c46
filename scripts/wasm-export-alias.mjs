// Spike: give the split main module's function table a second export name,
// `__wasm_split_table`. wasm-bindgen 0.2.130 deletes the `__indirect_function_table`
// export (unexported_unused_lld_things), which the chunks import through
// __wasm_split.js; the alias survives wasm-bindgen and wasm-opt.
// Usage: node scripts/wasm-export-alias.mjs module.wasm
import { readFileSync, writeFileSync } from 'node:fs';

const FROM = '__indirect_function_table';
const TO = '__wasm_split_table';
const file = process.argv[2];
const b = readFileSync(file);
const uleb = (buf, p) => { let r = 0, s = 0, x; do { x = buf[p++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return [r >>> 0, p]; };
const enc = (n) => { const o = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; o.push(x); } while (n); return Buffer.from(o); };
let p = 8;
while (p < b.length) {
  const id = b[p];
  const [size, q] = uleb(b, p + 1);
  if (id === 7) {
    const body = b.subarray(q, q + size);
    let [count, r] = uleb(body, 0);
    const start = r;
    let alias = null;
    for (let i = 0; i < count; i++) {
      const [nl, r1] = uleb(body, r);
      const name = body.subarray(r1, r1 + nl).toString('utf8');
      const kind = body[r1 + nl];
      const [idx, r2] = uleb(body, r1 + nl + 1);
      if (name === TO) { console.log(`${file}: ${TO} already exported`); process.exit(0); }
      if (name === FROM && kind === 1) alias = idx;
      r = r2;
    }
    if (alias === null) throw new Error(`${file}: no table exported as ${FROM}`);
    const entry = Buffer.concat([enc(TO.length), Buffer.from(TO), Buffer.from([1]), enc(alias)]);
    const newBody = Buffer.concat([enc(count + 1), body.subarray(start), entry]);
    const out = Buffer.concat([b.subarray(0, p), Buffer.from([7]), enc(newBody.length), newBody, b.subarray(q + size)]);
    writeFileSync(file, out);
    console.log(`${file}: table ${alias} also exported as ${TO}`);
    process.exit(0);
  }
  p = q + size;
}
throw new Error(`${file}: no export section`);
