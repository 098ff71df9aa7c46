// web/folder.js over in-memory directory handles (no browser): the error
// kinds, the listing cap, the size checked before reading, a write failing
// at close, the read-back. Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../web/folder.js', import.meta.url), 'utf8');

function load(windowExtra = {}, withIdb = true) {
  class FileSystemHandle {}
  FileSystemHandle.prototype.requestPermission = function () {};
  const window = { isSecureContext: true, FileSystemHandle, ...windowExtra };
  const ctx = { window, navigator: {}, console };
  if (withIdb) ctx.indexedDB = {};
  vm.runInNewContext(source, ctx);
  return window.cupFolder;
}

const domError = (name) => Object.assign(new Error(name), { name });

// An in-memory directory: name -> {bytes, modified, sizeOnly, failRead, failClose}.
function fakeDir(files, counts = { arrayBuffer: 0, getFile: 0, abort: 0 }) {
  const fileHandle = (name) => ({
    kind: 'file',
    async getFile() {
      counts.getFile++;
      const f = files.get(name);
      if (!f) throw domError('NotFoundError');
      if (f.failRead) throw domError(f.failRead);
      return {
        size: f.sizeOnly ?? f.bytes.length,
        lastModified: f.modified,
        async arrayBuffer() {
          counts.arrayBuffer++;
          if (f.sizeOnly) throw new Error('read the 2 GB file');
          return f.bytes.slice().buffer;
        },
      };
    },
    async createWritable() {
      let buf = new Uint8Array();
      return {
        async write(b) {
          buf = new Uint8Array(b);
        },
        async close() {
          if (files.get(name)?.failClose) throw domError('NoModificationAllowedError');
          files.set(name, { bytes: buf, modified: Date.now() });
        },
        async abort() {
          counts.abort++;
        },
      };
    },
  });
  return {
    name: 'Fælles mappe',
    async *entries() {
      for (const name of [...files.keys()]) yield [name, fileHandle(name)];
    },
    async getFileHandle(name, opts = {}) {
      if (!files.has(name) && !opts.create) throw domError('NotFoundError');
      if (!files.has(name)) files.set(name, { bytes: new Uint8Array(), modified: 0 });
      return fileHandle(name);
    },
    async removeEntry(name) {
      if (!files.delete(name)) throw domError('NotFoundError');
    },
    async queryPermission() {
      return 'granted';
    },
    async requestPermission() {
      return 'granted';
    },
  };
}

test('p1: API missing, picker cancelled, blocked, permission refused are told apart', async () => {
  assert.equal((await load({}).pick()).kind, 'missing');
  assert.equal((await load({ showDirectoryPicker: async () => {} }, false).pick()).kind, 'missing');
  const picker = (err) => async () => {
    throw domError(err);
  };
  assert.equal((await load({ showDirectoryPicker: picker('AbortError') }).pick()).kind, 'cancelled');
  assert.equal((await load({ showDirectoryPicker: picker('SecurityError') }).pick()).kind, 'blocked');
  const denied = { ...fakeDir(new Map()), requestPermission: async () => 'denied' };
  let asked = null;
  const f = load({
    showDirectoryPicker: async (opts) => {
      asked = opts;
      return denied;
    },
  });
  const r = await f.pick();
  assert.equal(r.kind, 'refused');
  assert.equal(asked.mode, 'read', 'the picker asks to read; write is asked after');
});

test('p5: at most the limit listed; only our names opened; the size checked before reading', async () => {
  const files = new Map();
  for (let i = 0; i < 250; i++) files.set(`report-${i}.docx`, { bytes: new Uint8Array(3), modified: 1 });
  const counts = { arrayBuffer: 0, getFile: 0, abort: 0 };
  const f = load();
  f.useHandle(fakeDir(files, counts));
  const l = await f.list(200);
  assert.equal(l.entries.length, 200);
  assert.equal(l.truncated, true);
  assert.equal(counts.getFile, 0, 'other files are not opened');

  files.clear();
  files.set('cup-pathway.big.json', { sizeOnly: 2 ** 31, modified: 5 });
  files.set('cup-pathway.a.json', { bytes: new TextEncoder().encode('{}'), modified: 7 });
  const l2 = await f.list(200);
  // (arrays from the module's realm: compared as JSON)
  assert.deepEqual(
    JSON.parse(JSON.stringify(l2.entries.map((e) => [e.name, e.size, e.modified]))),
    [
      ['cup-pathway.big.json', 2 ** 31, 5],
      ['cup-pathway.a.json', 2, 7],
    ],
  );
  const big = await f.read('cup-pathway.big.json', 16 * 1024 * 1024);
  assert.equal(big.kind, 'too-large');
  assert.equal(counts.arrayBuffer, 0, 'the 2 GB file is never read');
  const a = await f.read('cup-pathway.a.json', 16 * 1024 * 1024);
  assert.equal(new TextDecoder().decode(a.bytes), '{}');
});

test('p5: a failing read, a vanished file and a write failing at close are io errors by name', async () => {
  const files = new Map([['cup-pathway.a.json', { bytes: new Uint8Array([1, 2]), modified: 1, failRead: 'NotReadableError' }]]);
  const counts = { arrayBuffer: 0, getFile: 0, abort: 0 };
  const f = load();
  f.useHandle(fakeDir(files, counts));
  const r = await f.read('cup-pathway.a.json', 100);
  assert.deepEqual([r.ok, r.kind, r.name], [false, 'io', 'NotReadableError']);
  const gone = await f.read('cup-pathway.gone.json', 100);
  assert.deepEqual([gone.kind, gone.name], ['io', 'NotFoundError']);

  files.set('cup-pathway.b.json', { bytes: new Uint8Array([9]), modified: 1, failClose: true });
  const w = await f.write('cup-pathway.b.json', new Uint8Array([1, 2, 3]));
  assert.deepEqual([w.ok, w.name], [false, 'NoModificationAllowedError']);
  assert.deepEqual([...files.get('cup-pathway.b.json').bytes], [9], 'the old file stays');
  assert.equal(counts.abort, 1);
});

test('p3: a write is read back; remove; no folder after forget', async () => {
  const files = new Map();
  const f = load();
  f.useHandle(fakeDir(files));
  const w = await f.write('cup-pathway.x.json', new Uint8Array([4, 5, 6]));
  assert.equal(w.ok, true);
  assert.deepEqual([...w.back], [4, 5, 6]);
  assert.equal((await f.remove('cup-pathway.x.json')).ok, true);
  assert.equal((await f.remove('cup-pathway.x.json')).name, 'NotFoundError');
  assert.equal(await f.permission(), 'granted');
});
