// Work the page can do while its wasm downloads, when the main thread is
// otherwise idle (index.html loads this with `async`, before the loader).
//
// The browser's first Intl.DateTimeFormat loads its locale and time-zone
// data: 10-70 ms that, done later by the app (src/clock.rs), came between
// the first orders answer and the first row. Made here, once, with the
// browser's languages and the options of a row's date; the app's own
// formatters then take well under a millisecond.
try {
  new Intl.DateTimeFormat(navigator.languages, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(Date.now());
} catch (_) {
  // An old browser without Intl or languages: the app manages without.
}

// Demo mode (no key saved): start the simulator's worker now, so that it
// downloads beside the wasm instead of after it. The app adopts it
// (src/api/demo/worker.rs); what it says before then is kept on it. This
// script is async: should the app have started first, it left `false` here
// and has a worker of its own.
try {
  if (!localStorage.getItem('smsrent.apikey') && !('smsrentDemoWorker' in window)) {
    const worker = new Worker(new URL('demo-worker.js', document.baseURI));
    worker.onmessage = (e) => {
      if (e.data === 'ready') worker.ready = true;
      else if (Array.isArray(e.data) && e.data[0] === 'failed') worker.failed = true;
    };
    worker.onerror = () => { worker.failed = true; };
    window.smsrentDemoWorker = worker;
  }
} catch (_) {
  // No storage or no workers here: the app starts its own when it needs one.
}
