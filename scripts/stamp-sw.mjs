// Trunk post_build hook: write sw.js into the staging dir. Release builds get
// the worker stamped with a build id and this build's files (Trunk's hashed
// names, kept hashed); debug builds get a worker that removes itself and its
// caches, so `trunk serve` never serves a stale app.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
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

// The style sheets without comments and runs of white space (the first load's
// bytes; Trunk's own minifier also rewrites the JS and the loader, and fails on
// both). Safe for these sheets: no string or url() holds `{};,>`, and a run of
// white space stays one space. Their integrity attributes follow.
const sheets = readdirSync(staging).filter((f) => f.endsWith('.css'));
let page = readFileSync(join(staging, 'index.html'), 'utf8');
for (const f of sheets) {
  const path = join(staging, f);
  const before = readFileSync(path);
  const css = before
    .toString('utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
  const sri = (b) => `sha384-${createHash('sha384').update(b).digest('base64')}`;
  const old = `integrity="${sri(before)}"`;
  if (!page.includes(old)) throw new Error(`no integrity attribute for ${f}`);
  writeFileSync(path, css);
  page = page.replace(old, `integrity="${sri(Buffer.from(css, 'utf8'))}"`);
}
writeFileSync(join(staging, 'index.html'), page);

// Content-Security-Policy: nothing leaves the origin. Trunk's loader is one
// inline module script, allowed by its hash; wasm needs 'wasm-unsafe-eval'
// (not 'unsafe-eval'); style attributes only (bar widths; they cannot run script).
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
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
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(indexPath, html);

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
