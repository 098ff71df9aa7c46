// Where the release wasm's bytes go (issue 16): code by crate and by the
// app's own modules, plus data. Dependency-free: parses the wasm binary
// (sections, code bodies, the "name" section, data segments) itself.
//
// The shipped wasm has no names (wasm-opt drops them), so the names come
// from the same build run again through the same tools: wasm-bindgen on
// target/wasm32-unknown-unknown/release/cup-pathway.wasm (in the split
// release, the main module as scripts/split-link.sh left it, which is what
// Trunk's wasm-bindgen read), then wasm-opt -Oz
// (Trunk's flags) plus -g, which keeps the name section and changes nothing
// else. The script checks that its code and data sections are byte for byte
// the shipped ones; when they are, the attribution is of the shipped bytes.
// Sizes are raw (uncompressed); inlined code counts in the function it was
// inlined into, and identical functions merged by wasm-opt count once.
//
//   node scripts/wasm-bytes.mjs [dist] [--top N] [--no-pre]   (scripts/bench.sh --bytes-only)
//   --no-pre  without the line of shares before wasm-opt (wasm-bindgen's output)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const SECTION = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag' };

/** The sections, function bodies, function names and data segments of a wasm binary. */
export function parseWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm binary');
  let p = 8;
  const u32 = () => { let r = 0, s = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const str = () => { const n = u32(); const s = buf.toString('utf8', p, p + n); p += n; return s; };
  const skipLimits = () => { const flags = u32(); u32(); if (flags & 1) u32(); };
  const skipExpr = () => { // constant expressions only (data offsets): up to `end`
    for (;;) {
      const op = buf[p++];
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23) { while (buf[p++] & 0x80); } // i32/i64.const, global.get
      else if (op === 0x44) p += 8; else if (op === 0x43) p += 4;
      else throw new Error(`unexpected opcode 0x${op.toString(16)} in a data offset`);
    }
  };
  const out = { sections: [], importedFuncs: 0, bodies: [], names: new Map(), data: [] };
  while (p < buf.length) {
    const id = buf[p++];
    const size = u32();
    const start = p, end = p + size;
    const section = { id, name: SECTION[id] ?? `id ${id}`, bytes: size, start, end };
    if (id === 0) section.custom = str();
    if (id === 2) {
      for (let n = u32(); n--;) {
        str(); str();
        const kind = buf[p++];
        if (kind === 0) { out.importedFuncs++; u32(); } else if (kind === 1) { p++; skipLimits(); } else if (kind === 2) skipLimits(); else if (kind === 3) p += 2; else u32();
      }
    } else if (id === 10) {
      for (let n = u32(), i = 0; i < n; i++) {
        const len = u32();
        out.bodies.push({ index: out.importedFuncs + i, start: p, size: len });
        p += len;
      }
    } else if (id === 11) {
      for (let n = u32(); n--;) {
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) skipExpr();
        const len = u32();
        out.data.push({ start: p, size: len });
        p += len;
      }
    } else if (id === 0 && section.custom === 'name') {
      while (p < end) {
        const sub = buf[p++], len = u32(), subEnd = p + len;
        if (sub === 1) for (let n = u32(); n--;) { const i = u32(); out.names.set(i, str()); }
        p = subEnd;
      }
    }
    out.sections.push(section);
    p = end;
  }
  return out;
}

// `alloc::vec::Vec<T>` → `alloc`; a generic's arguments and a trait impl's
// `<A as B>` are looked through: the crate is the first path's, or for
// `<A as B>` A's (where the impl lives unless A is a primitive, then B's).
const skipGenerics = (s, i) => { for (let depth = 0; i < s.length; i++) { if (s[i] === '<') depth++; else if (s[i] === '>' && --depth === 0) return i + 1; } return i; };
function splitImpl(name) { // '<A as B>::rest' → [A, B, rest]
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '<') depth++;
    else if (name[i] === '>') { if (--depth === 0) return [name.slice(1, i), null, name.slice(i + 3)]; }
    else if (depth === 1 && name.startsWith(' as ', i)) {
      const end = skipGenerics(name, 0);
      return [name.slice(1, i), name.slice(i + 4, end - 1), name.slice(end + 2)];
    }
  }
  return [name, null, ''];
}
/** Without the symbol hash (`::h0123…`) and v0 crate disambiguators (`core[c593…]`). */
export const cleanName = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{6,}\]/g, '');
/** The path (crate::a::b) a symbol's code belongs to, or null. */
export function symbolPath(name) {
  let s = cleanName(name).replace(/^_</, '<');
  for (let guard = 0; guard < 8 && s.startsWith('<'); guard++) {
    const [a, b] = splitImpl(s);
    let self = a.replace(/^(?:&(?:mut )?|\*(?:const|mut) |dyn )+/, '').replace(/^\[(.*)\]$/, '$1');
    // A primitive, a tuple or a generic parameter (`<T as tachys::view::Render>`): the trait's crate.
    if (self.startsWith('(') || !self.replace(/<.*$/, '').includes('::') || !/^[A-Za-z_]/.test(self)) self = b ?? self;
    s = self ?? s;
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_{][A-Za-z0-9_{}#]*)*/.exec(s);
  return m ? m[0] : null;
}
/** The app's own crates: the app, its model (`crates/pathway`) and the department's data (`crates/department`), issue 27. */
export const APP_CRATES = ['cup_pathway', 'pathway', 'department'];
/** `pathway::route::x` → `pathway`; everything by its first segment.
 * A primitive's methods (`char::encode_utf8`) are core's; a bare name (`__wbg_…`,
 * `memcmp`, `main`) is an export, wasm-bindgen glue or a compiler builtin. */
export function crateOf(path) {
  if (!path) return '(other)';
  const c = path.split('::')[0];
  if (/^(?:bool|char|str|[iuf](?:8|16|32|64|128|size)|slice)$/.test(c)) return 'core';
  if (c === '__rustc') return 'std';
  if (!path.includes('::')) return '(exports, glue, builtins)';
  return c;
}
/** The app's module: `pathway::route::f` (the model's crate) → `pathway/route`; `department::journal::f` → `journal` (as before the crate);
 * `cup_pathway::state::f` → `state`; `cup_pathway::main` → `main`. */
export function appModule(path) {
  const [krate, ...rest] = path.split('::');
  const segs = (krate === 'pathway' ? ['pathway', ...rest] : rest).filter((s) => !s.startsWith('{{') && !/^_?\{/.test(s));
  // Items are lower_snake (functions) or CamelCase (types, components); modules are lower_snake.
  const mods = [];
  for (const s of segs.slice(0, -1)) { if (/^[a-z_][a-z0-9_]*$/.test(s)) mods.push(s); else break; }
  if (['pathway', 'components'].includes(mods[0])) return mods.slice(0, 2).join('/');
  return mods[0] ?? (segs[0] === 'main' ? 'main' : 'lib');
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const kb = (n) => (n / 1024).toFixed(1);
const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`;
const gz = (bufs) => gzipSync(Buffer.concat(bufs), { level: 9 }).length;

/** Code bytes of each function, with its name, crate and (for the app) module. */
function functions(buf, w) {
  return w.bodies.map((b) => {
    const name = cleanName(w.names.get(b.index) ?? '');
    const path = name ? symbolPath(name) : null;
    const crate = !name ? '(unnamed: glue)' : /^(?:Closure|Ref|RefMut)\(/.test(name) ? 'wasm_bindgen' : crateOf(path);
    return { name, path, crate, size: b.size, bytes: buf.subarray(b.start, b.start + b.size), app: APP_CRATES.includes(crate) ? appModule(path) : null };
  });
}
const group = (fns, key) => {
  const m = new Map();
  for (const f of fns) { const k = key(f); if (k == null) continue; const g = m.get(k) ?? { key: k, size: 0, count: 0, bytes: [] }; g.size += f.size; g.count++; g.bytes.push(f.bytes); m.set(k, g); }
  return [...m.values()].sort((a, b) => b.size - a.size);
};

/** Printable runs in the data segments: panic/Location paths (…/src/….rs), other text, the rest. */
function dataKinds(buf, w) {
  let paths = 0, text = 0, other = 0;
  const pathCrates = new Map();
  for (const seg of w.data) {
    const d = buf.subarray(seg.start, seg.start + seg.size);
    let i = 0;
    while (i < d.length) {
      let j = i;
      for (;;) { // printable ASCII, newlines and whole UTF-8 sequences
        if (j < d.length && ((d[j] >= 0x20 && d[j] < 0x7f) || d[j] === 0x0a)) { j++; continue; }
        const n = d[j] >= 0xc2 && d[j] <= 0xdf ? 1 : d[j] >= 0xe0 && d[j] <= 0xef ? 2 : d[j] >= 0xf0 && d[j] <= 0xf4 ? 3 : 0;
        if (n && j + n < d.length && [...d.subarray(j + 1, j + 1 + n)].every((c) => c >= 0x80 && c <= 0xbf)) { j += n + 1; continue; }
        break;
      }
      if (j - i >= 6) {
        const run = d.toString('latin1', i, j);
        // Location file names and the like, often glued together in one run.
        let p = 0;
        for (const m of run.matchAll(/(?:\/rustc\/[0-9a-f]+\/library\/|\/[\w.\-/]*\/registry\/src\/[^/]+\/|src\/|library\/)[\w.\-/]*?\.rs/g)) {
          p += m[0].length;
          const c = /registry\/src\/[^/]+\/([A-Za-z_\-]+?)-\d/.exec(m[0])?.[1] ?? (m[0].includes('library/') ? 'std (core/alloc)' : 'cup_pathway');
          pathCrates.set(c, (pathCrates.get(c) ?? 0) + m[0].length);
        }
        paths += p; text += j - i - p;
        i = j;
      } else { other += Math.max(1, j - i); i = Math.max(j, i + 1); }
    }
  }
  return { paths, text, other, pathCrates: [...pathCrates.entries()].sort((a, b) => b[1] - a[1]) };
}

function sha(file) { return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16); }
const sectionBytes = (buf, w, id) => w.sections.filter((s) => s.id === id).map((s) => buf.subarray(s.start, s.end));

/** Build (or reuse) the named copy of the release wasm; returns [pre-opt, post-opt] paths. */
export function namedBuild(root, { bin = 'cup-pathway' } = {}) {
  const input = join(root, `target/wasm32-unknown-unknown/release/${bin}.wasm`);
  if (!existsSync(input)) throw new Error(`${input} is missing: build the release first (scripts/bench.sh)`);
  const dir = join(root, 'target/bench-bytes');
  mkdirSync(dir, { recursive: true });
  const stamp = join(dir, 'input.sha256');
  const pre = join(dir, `${bin}_bg.wasm`), post = join(dir, `${bin}.named.wasm`);
  const key = sha(input);
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === key && existsSync(post))) {
    // As Trunk 0.21 calls them (target web, no TypeScript; wasm-opt -Oz), but keeping the names.
    execFileSync('wasm-bindgen', ['--target=web', `--out-dir=${dir}`, `--out-name=${bin}`, '--no-typescript', input], { stdio: 'inherit' });
    // npm's wasm-opt 132 (as scripts/env.sh puts first on PATH), never Debian's 108.
    const wasmOpt = existsSync(join(root, 'node_modules/.bin/wasm-opt')) ? join(root, 'node_modules/.bin/wasm-opt') : 'wasm-opt';
    execFileSync(wasmOpt, [`--output=${post}`, '-Oz', '-g', pre], { stdio: 'inherit' });
    writeFileSync(stamp, key);
  }
  return { pre, post };
}

/** The breakdown as text lines. */
export function byteBreakdown(root, dist, { top = 15, withPre = false } = {}) {
  const shippedFile = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  if (!shippedFile) throw new Error(`no *_bg.wasm in ${dist}`);
  const shipped = readFileSync(join(dist, shippedFile));
  const { pre, post } = namedBuild(root);
  const named = readFileSync(post);
  const ws = parseWasm(shipped), wn = parseWasm(named);
  const same = [10, 11].every((id) => { const a = sectionBytes(shipped, ws, id), b = sectionBytes(named, wn, id); return a.length === b.length && a.every((x, i) => x.equals(b[i])); });
  const fns = functions(named, wn);
  const code = sum(fns.map((f) => f.size));
  const data = sum(wn.data.map((d) => d.size));
  const codeSec = sum(ws.sections.filter((s) => s.id === 10).map((s) => s.bytes));
  const dataSec = sum(ws.sections.filter((s) => s.id === 11).map((s) => s.bytes));
  const total = shipped.length;
  const totalGz = gzipSync(shipped, { level: 9 }).length;
  const lines = [];
  lines.push(`## Release wasm bytes: ${shippedFile.replace(/-[0-9a-f]{8,}/, '')}, ${kb(total)} KB raw, ${kb(totalGz)} KB gzip (shipped)`);
  lines.push(same
    ? `Names from the same build re-run with wasm-opt -Oz -g: its code and data sections are byte for byte the shipped ones, so the shares below are of the shipped code.`
    : `WARNING: the named build's code/data differ from ${dist}'s (stale dist or other flags): the shares below are approximate (rebuild).`);
  // The release's lazy chunks (scripts/build-split.sh) are not in the main
  // module: named here, not broken down (their code has no names to re-run).
  for (const f of readdirSync(dist).filter((f) => /^split_.*\.wasm$/.test(f))) {
    const chunk = readFileSync(join(dist, f));
    lines.push(`Not in it: ${f.replace(/-[0-9a-f]{8,}/, '')}, the department view loaded when opened, ${kb(chunk.length)} KB raw, ${kb(gzipSync(chunk, { level: 9 }).length)} KB gzip.`);
  }
  lines.push(`Raw sizes; gzip is of each group's bytes alone (compresses less than inside the whole file, not additive). Inlined code counts where it was inlined.`);
  const other = total - codeSec - dataSec;
  lines.push('');
  lines.push(`| part | KB | of wasm | gzip KB alone |`);
  lines.push(`|---|---|---|---|`);
  lines.push(`| code (${fns.length} functions) | ${kb(codeSec)} | ${pct(codeSec, total)} | ${kb(gz(sectionBytes(shipped, ws, 10)))} |`);
  lines.push(`| data (${wn.data.length} segments: strings, tables) | ${kb(dataSec)} | ${pct(dataSec, total)} | ${kb(gz(sectionBytes(shipped, ws, 11)))} |`);
  lines.push(`| the rest (types, imports, exports, table, custom) | ${kb(other)} | ${pct(other, total)} | |`);

  const table = (title, groups, label, limit, extra) => {
    lines.push('');
    lines.push(`| ${title} | KB | of wasm | of code | functions | gzip KB alone |${extra ? ` ${extra.head} |` : ''}`);
    lines.push(`|---|---|---|---|---|---|${extra ? '---|' : ''}`);
    for (const g of groups.slice(0, limit)) lines.push(`| ${label(g)} | ${kb(g.size)} | ${pct(g.size, total)} | ${pct(g.size, code)} | ${g.count} | ${kb(gz(g.bytes))} |${extra ? ` ${extra.cell(g)} |` : ''}`);
    const rest = groups.slice(limit);
    if (rest.length) lines.push(`| (${rest.length} more) | ${kb(sum(rest.map((g) => g.size)))} | ${pct(sum(rest.map((g) => g.size)), total)} | ${pct(sum(rest.map((g) => g.size)), code)} | ${sum(rest.map((g) => g.count))} | |${extra ? ' |' : ''}`);
  };
  const crates = group(fns, (f) => f.crate);
  table('crate (code; generic code counts under its crate, whoever instantiated it)', crates, (g) => g.key, top);
  const mods = group(fns.filter((f) => f.app), (f) => f.app);
  const app = sum(mods.map((g) => g.size));
  table(`app module (code; ${kb(app)} KB in all; the model is crates/pathway)`, mods, (g) => (g.key.startsWith('pathway') ? `crates/${g.key.replace('pathway', 'pathway/src')}` : `src/${g.key}`), top);

  // Repeated shapes: one generic function, many copies (monomorphisations).
  // (Not the app's own: its closures all demangle to `{{closure}}`.)
  const shapes = group(fns.filter((f) => !APP_CRATES.includes(f.crate)), (f) => f.name || null).filter((g) => g.count > 1);
  lines.push('');
  lines.push(`| most copied generic functions (one name, many instances) | KB | copies | crate |`);
  lines.push(`|---|---|---|---|`);
  for (const g of shapes.slice(0, Math.min(top, 10))) lines.push(`| ${g.key.length > 100 ? `${g.key.slice(0, 97)}...` : g.key} | ${kb(g.size)} | ${g.count} | ${crateOf(symbolPath(g.key))} |`);
  lines.push(`Other crates' functions with more than one instance: ${sum(shapes.map((g) => g.count))} copies of ${shapes.length} names, ${kb(sum(shapes.map((g) => g.size)))} KB (${pct(sum(shapes.map((g) => g.size)), code)} of code).`);

  const dk = dataKinds(named, wn);
  lines.push('');
  lines.push(`Data: ${kb(data)} KB in segments: text ${kb(dk.text)} KB, source file paths (panic locations) ${kb(dk.paths)} KB${dk.pathCrates.length ? ` (${dk.pathCrates.slice(0, 5).map(([c, n]) => `${c} ${kb(n)}`).join(', ')})` : ''}, other (tables, numbers, zeros) ${kb(dk.other)} KB.`);
  lines.push(`Largest functions: ${[...fns].sort((a, b) => b.size - a.size).slice(0, 8).map((f) => `${f.name.slice(0, 90)} ${kb(f.size)} KB`).join('; ')}.`);

  if (withPre) {
    const wp = parseWasm(readFileSync(pre));
    const preFns = functions(readFileSync(pre), wp);
    const preCode = sum(preFns.map((f) => f.size));
    lines.push('');
    lines.push(`For comparison, before wasm-opt (wasm-bindgen's output, names kept, ${kb(readFileSync(pre).length)} KB, code ${kb(preCode)} KB): shares of code by crate: ${group(preFns, (f) => f.crate).slice(0, top).map((g) => `${g.key} ${pct(g.size, preCode)}`).join(', ')}.`);
  }
  return { lines, total, totalGz, code, data, crates, mods, same };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'dist';
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
  const root = new URL('..', import.meta.url).pathname;
  const { lines } = byteBreakdown(root, dist, { top, withPre: !args.includes('--no-pre') });
  console.log(lines.join('\n'));
}
