// Registers the service worker and tells the app when a new version waits.
// The app shows a banner; its button calls window.cupApplyUpdate(), which
// lets the waiting worker take over and reloads once it has.
(function () {
  // Ask the browser to keep this site's data (it may still say no); the app shows the answer.
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().then((granted) => {
      window.cupPersisted = granted;
      window.dispatchEvent(new Event('cup-persist'));
    });
  }
  if (!('serviceWorker' in navigator)) return;
  let waiting = null;
  // The flag is for an app that starts after the event; the event for one already running.
  const announce = (worker) => {
    waiting = worker;
    window.cupUpdateReady = true;
    window.dispatchEvent(new Event('cup-update-ready'));
  };
  window.cupApplyUpdate = function () {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  window.addEventListener('load', async () => {
    try {
      const reg = await navigator.serviceWorker.register('sw.js');
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        });
      });
    } catch (e) {
      console.warn('service worker not registered', e);
    }
  });
})();
