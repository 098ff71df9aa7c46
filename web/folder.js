// The department's shared folder, browser side (issue 25, point 1): the
// folder is picked, write access asked, the handle kept in IndexedDB, and
// files listed, read, written and removed. The wasm sees only names, sizes,
// times and bytes; it decides what to read (src/folder/).
//
// Loaded on demand (src/folder_web.rs `load_script`): when the worklist's
// "Fælles mappe" panel opens, or at start on a PC that has a seat, never in
// the first load of a PC without a folder.
//
// Every function resolves (never rejects) to {ok: true, ...} or
// {ok: false, kind, name, message}, kind one of:
//   'missing'   the API is not there (Safari, Firefox, tablets; not https)
//   'cancelled' the picker was closed (Chromium also says so for a folder
//               it deems too sensitive: a drive root, Documents, Desktop)
//   'refused'   the person said no to the permission
//   'blocked'   refused without asking: a policy, or no click behind the call
//   'no-folder' no folder is connected (or it was forgotten)
//   'too-large' the file is larger than the size asked for (never read)
//   'io'        the DOMException of a file operation, by its name
//               (NotReadableError, NoModificationAllowedError, NotFoundError,
//               QuotaExceededError, ...), retried by the caller
(function () {
  'use strict';
  const DB = 'cup-pathway-folder';
  const STORE = 'handles';
  const KEY = 'folder';
  let dir = null; // the directory handle in use

  const fail = (kind, e) => ({
    ok: false,
    kind,
    name: (e && e.name) || '',
    message: (e && e.message) || '',
  });

  // The kind of a failure of the picker or of a permission request.
  const askKind = (e) => {
    if (!e) return 'blocked';
    if (e.name === 'AbortError') return 'cancelled';
    if (e.name === 'SecurityError' || e.name === 'NotAllowedError') return 'blocked';
    if (e.name === 'TypeError') return 'missing';
    return 'blocked';
  };

  const supported = () =>
    typeof window.showDirectoryPicker === 'function' &&
    typeof window.FileSystemHandle === 'function' &&
    'requestPermission' in window.FileSystemHandle.prototype &&
    typeof indexedDB !== 'undefined';

  // IndexedDB: one object store, one key. Handles are structured-cloneable.
  const db = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const tx = async (mode, act) => {
    const d = await db();
    try {
      return await new Promise((resolve, reject) => {
        const t = d.transaction(STORE, mode);
        const req = act(t.objectStore(STORE));
        t.oncomplete = () => resolve(req.result);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      });
    } finally {
      d.close();
    }
  };
  const saveHandle = (h) => tx('readwrite', (s) => s.put(h, KEY));
  const loadHandle = () => tx('readonly', (s) => s.get(KEY));
  const dropHandle = () => tx('readwrite', (s) => s.delete(KEY));

  // Write access, asked explicitly so Chromium/Edge 122+ can offer
  // "Allow on every visit". Must run inside a click.
  const askWrite = async (h) => {
    try {
      const state = await h.requestPermission({ mode: 'readwrite' });
      return state === 'granted' ? { ok: true } : fail('refused', { name: 'NotAllowedError', message: state });
    } catch (e) {
      return fail(askKind(e), e);
    }
  };

  const current = async () => {
    if (dir) return dir;
    try {
      dir = (await loadHandle()) || null;
    } catch (e) {
      dir = null;
    }
    return dir;
  };

  window.cupFolder = {
    // What this browser offers, for the panel and the diagnosis.
    support() {
      return {
        api: supported(),
        opfs: !!(navigator.storage && navigator.storage.getDirectory),
        secure: !!window.isSecureContext,
      };
    },

    // Connect: the picker (read), then write access asked. In a click.
    async pick() {
      if (!supported()) return fail('missing', null);
      let h;
      try {
        h = await window.showDirectoryPicker({ id: 'cup-pathway', mode: 'read' });
      } catch (e) {
        return fail(askKind(e), e);
      }
      const w = await askWrite(h);
      if (!w.ok) return w;
      try {
        await saveHandle(h);
      } catch (e) {
        return fail('io', e);
      }
      dir = h;
      return { ok: true, folderName: h.name };
    },

    // For browser tests: the origin private file system, the same interface.
    async useOpfs(subfolder) {
      try {
        const root = await navigator.storage.getDirectory();
        dir = subfolder ? await root.getDirectoryHandle(subfolder, { create: true }) : root;
        return { ok: true, folderName: dir.name };
      } catch (e) {
        return fail('missing', e);
      }
    },

    // For browser tests: a wrapper's handle (injecting faults) in place of
    // the picked one.
    useHandle(h) {
      dir = h;
      return { ok: true };
    },

    // 'granted', 'prompt' or 'denied' for readwrite; 'none' with no folder.
    async permission() {
      const h = await current();
      if (!h) return 'none';
      try {
        return await h.queryPermission({ mode: 'readwrite' });
      } catch (e) {
        return 'denied';
      }
    },

    // On a later visit, in the same click as "Lås op" (before the key
    // derivation, which takes the click's activation past its time).
    async reconnect() {
      const h = await current();
      if (!h) return fail('no-folder', null);
      try {
        if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return { ok: true, folderName: h.name };
      } catch (e) {
        // fall through to asking
      }
      const w = await askWrite(h);
      return w.ok ? { ok: true, folderName: h.name } : w;
    },

    // Name, size and last-modified of at most `limit` entries (files only).
    // Only names that could be ours are opened for their size; the rest are
    // listed with size -1 and skipped by the caller.
    async list(limit) {
      const h = await current();
      if (!h) return fail('no-folder', null);
      const entries = [];
      let truncated = false;
      try {
        for await (const [name, handle] of h.entries()) {
          if (entries.length >= limit) {
            truncated = true;
            break;
          }
          if (handle.kind !== 'file') continue;
          if (!(name.startsWith('cup-pathway.') && name.endsWith('.json'))) {
            entries.push({ name, size: -1, modified: 0 });
            continue;
          }
          try {
            const f = await handle.getFile();
            entries.push({ name, size: f.size, modified: f.lastModified });
          } catch (e) {
            // Vanished since the listing began, or unreadable: the read says why.
            entries.push({ name, size: -1, modified: 0, error: e.name });
          }
        }
      } catch (e) {
        return fail(e.name === 'NotAllowedError' || e.name === 'SecurityError' ? 'refused' : 'io', e);
      }
      return { ok: true, entries, truncated };
    },

    // A file's bytes; its size checked before anything is read.
    async read(name, maxBytes) {
      const h = await current();
      if (!h) return fail('no-folder', null);
      try {
        const f = await (await h.getFileHandle(name)).getFile();
        if (f.size > maxBytes) return fail('too-large', { name: 'TooLarge', message: String(f.size) });
        const bytes = new Uint8Array(await f.arrayBuffer());
        return { ok: true, bytes, size: f.size, modified: f.lastModified };
      } catch (e) {
        return fail('io', e);
      }
    },

    // Writes the whole file, then reads it back for the caller to decrypt.
    // A failure at close() leaves the old file (and maybe a .crswap).
    async write(name, bytes) {
      const h = await current();
      if (!h) return fail('no-folder', null);
      let w = null;
      try {
        const fh = await h.getFileHandle(name, { create: true });
        w = await fh.createWritable({ keepExistingData: false });
        await w.write(bytes);
        await w.close();
        w = null;
        const f = await fh.getFile();
        return { ok: true, back: new Uint8Array(await f.arrayBuffer()), modified: f.lastModified };
      } catch (e) {
        if (w) {
          try {
            await w.abort();
          } catch (e2) {
            // the write is gone either way
          }
        }
        return fail('io', e);
      }
    },

    async remove(name) {
      const h = await current();
      if (!h) return fail('no-folder', null);
      try {
        await h.removeEntry(name);
        return { ok: true };
      } catch (e) {
        return fail('io', e);
      }
    },

    // One folder round at a time per PC (point 3): a Web Lock, or
    // {ok: false, kind: 'busy'} when another tab holds it. The caller
    // calls `release()` when its round is over.
    lock() {
      if (!(navigator.locks && navigator.locks.request)) return Promise.resolve({ ok: true, release() {} });
      return new Promise((resolve) => {
        navigator.locks
          .request('cup-pathway-folder', { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve({ ok: false, kind: 'busy', name: '', message: '' });
              return undefined;
            }
            return new Promise((release) => resolve({ ok: true, release }));
          })
          .catch((e) => resolve(fail('io', e)));
      });
    },

    // *Kopiér diagnose*: the text to the clipboard (no patient data in it).
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return { ok: true };
      } catch (e) {
        return fail('blocked', e);
      }
    },

    // "Slet alle data": forget the handle (the department's files stay).
    async forget() {
      dir = null;
      try {
        await dropHandle();
        return { ok: true };
      } catch (e) {
        return fail('io', e);
      }
    },
  };
})();
