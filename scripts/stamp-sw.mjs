// Trunk post_build hook: write sw.js into the staging dir. Release builds get
// the worker stamped with a build id and this build's files (Trunk's hashed
// names, kept hashed); debug builds get a worker that removes itself and its
// caches, so `trunk serve` never serves a stale app.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run as a Trunk hook');
const source = new URL('../web/sw-template.js', import.meta.url);

if (process.env.TRUNK_PROFILE !== 'release') {
  writeFileSync(join(staging, 'sw.js'), `// Debug build: no offline cache. Remove any worker and cache of an earlier release build.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil((async () => {
  for (const k of await caches.keys()) if (k.startsWith('cup-pathway-')) await caches.delete(k);
  await self.registration.unregister();
})()));
`);
  process.exit(0);
}

// A staged file rewritten: its bytes and the integrity attribute index.html
// (Trunk's) gives it, which is kept in `page` and written once below.
const sri = (b) => `sha384-${createHash('sha384').update(b).digest('base64')}`;
const indexPath = join(staging, 'index.html');
let page = readFileSync(indexPath, 'utf8');
const rewrite = (f, transform) => {
  const path = join(staging, f);
  const before = readFileSync(path);
  const after = Buffer.from(transform(before.toString('utf8')), 'utf8');
  const old = `integrity="${sri(before)}"`;
  if (!page.includes(old)) throw new Error(`no integrity attribute for ${f}`);
  writeFileSync(path, after);
  page = page.replaceAll(old, `integrity="${sri(after)}"`);
};

// The release (scripts/build-split.sh): the wasm chunks split off by the linker
// wrapper (scripts/split-link.sh) and their loader, __wasm_split.js, which the
// main JS imports as './__wasm_split.js' and which imports `initSync` back from
// the main JS, named './main.js' by wasm-split-cli: here Trunk's hashed name.
const splitOut = process.env.WASM_SPLIT_OUT;
for (const f of readdirSync(staging).filter((f) => /^cup-pathway-[0-9a-f]+\.js$/.test(f))) {
  if (readFileSync(join(staging, f), 'utf8').includes('__wasm_split_placeholder__')) {
    throw new Error(`${f} imports __wasm_split_placeholder__: a split point in a build that was not split (the split feature without scripts/build-split.sh?)`);
  }
}
if (!splitOut && readdirSync(staging).some((f) => /^cup-pathway-[0-9a-f]+\.js$/.test(f))) {
  console.warn('WARNING: a release of the app without the split (plain `trunk build --release`): not the build that ships; use scripts/build-split.sh');
}
if (splitOut) {
  const mainJs = readdirSync(staging).filter((f) => /^cup-pathway-[0-9a-f]+\.js$/.test(f));
  if (mainJs.length !== 1) throw new Error(`expected one main JS, found ${mainJs}`);
  const short = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);
  let loader = readFileSync(join(splitOut, '__wasm_split.js'), 'utf8');
  if (!loader.includes('"./main.js"')) throw new Error('__wasm_split.js: no import of ./main.js');
  // Trunk's wasm-opt saw only the main module: the chunks get the same -Oz
  // here, then a name with their content's hash (never a stale chunk from a
  // cache next to a new main module), written into the loader.
  const chunks = [];
  for (const f of readdirSync(splitOut).filter((f) => f.endsWith('.wasm'))) {
    const tmp = join(staging, `${f}.tmp`);
    execFileSync('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', join(splitOut, f), '-o', tmp], { stdio: ['ignore', 'inherit', 'inherit'] });
    const bytes = readFileSync(tmp);
    rmSync(tmp);
    const name = `${f.replace(/\.wasm$/, '')}-${short(bytes)}.wasm`;
    writeFileSync(join(staging, name), bytes);
    if (!loader.includes(`"./${f}"`)) throw new Error(`__wasm_split.js: no fetch of ./${f}`);
    loader = loader.replace(`"./${f}"`, JSON.stringify(`./${name}`));
    chunks.push(name);
  }
  // wasm-bindgen drops the `__indirect_function_table` export; split-link.sh
  // exported the table again as `__wasm_split_table` (wasm-export-alias.mjs).
  const shared = /const \{ (__indirect_function_table, [^}]*)\} = initSync/;
  if (!shared.test(loader)) throw new Error('__wasm_split.js: no shared imports from initSync');
  loader = loader
    .replace('"./main.js"', JSON.stringify(`./${mainJs[0]}`))
    .replace(shared, (m, names) => m.replace(names, names.replace('__indirect_function_table', '__wasm_split_table: __indirect_function_table')));
  // The loader, hashed too; the main JS imports it by that name, and its
  // integrity attributes (Trunk's) follow the change.
  const loaderName = `__wasm_split-${short(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  rewrite(mainJs[0], (text) => {
    if (!text.includes('from "./__wasm_split.js"')) throw new Error(`${mainJs[0]}: no import of ./__wasm_split.js`);
    return text.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`); // one import per split point
  });
  console.log(`wasm split: ${chunks.join(', ')} and ${loaderName} (main ${mainJs[0]})`);
}

// The style sheets without comments and runs of white space (the first load's
// bytes; Trunk's own minifier also rewrites the JS and the loader, and fails on
// both). Safe for these sheets: no string or url() holds `{};,>`, and a run of
// white space stays one space. Their integrity attributes follow.
for (const f of readdirSync(staging).filter((f) => f.endsWith('.css'))) {
  rewrite(f, (css) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim(),
  );
}
// The registration script without its comment lines and indentation: only
// whole-line `//` comments go (no string in it holds one), so the code is
// byte for byte what runs.
for (const f of readdirSync(staging).filter((f) => /^sw-register-.*\.js$/.test(f))) {
  rewrite(f, (js) =>
    js
      .split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n'),
  );
}

// Content-Security-Policy: nothing leaves the origin. Trunk's loader is one
// inline module script, allowed by its hash; wasm needs 'wasm-unsafe-eval'
// (not 'unsafe-eval'); style attributes only (bar widths; they cannot run script).
const inline = [...page.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) throw new Error(`expected one inline module script, found ${inline.length}`);
const scriptHash = createHash('sha256').update(inline[0]).digest('base64');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${scriptHash}'`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
page = page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(indexPath, page);

// Every file of the first load (not the icons, fetched only when installing).
const files = readdirSync(staging)
  .filter((f) => statSync(join(staging, f)).isFile())
  .filter((f) => /\.(js|wasm|css|svg|html|webmanifest)$/.test(f) && f !== 'sw.js' && f !== 'index.html')
  .sort();
const hash = createHash('sha256');
for (const f of [...files, 'index.html']) hash.update(f).update(readFileSync(join(staging, f)));
const build = hash.digest('hex').slice(0, 16);
const sw = readFileSync(source, 'utf8')
  .replace("'__BUILD_ID__'", JSON.stringify(build))
  .replace('__ASSETS__', JSON.stringify(files.map((f) => `./${f}`)));
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`sw.js: build ${build}, ${files.length} files`);
