// Reports made without a connection (the village has weak signal): kept in IndexedDB on the phone and sent when
// the connection returns, each with the Idempotency-Key it got when it was written, so the server stores it once
// however often it arrives. A report the server refuses (e.g. the place is outside the user's area) stays,
// marked with the server's reason, until the user removes it.
//
// Fires 'change' {pending, refused, items}; 'sent' {item, dispute}.
import { api } from './api.js';

const DATABASE = 'pingan-grid';
const STORE = 'outbox';

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function store(mode, work) {
  return database().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(result && 'result' in result ? result.result : undefined);
    };
    tx.onerror = () => reject(tx.error);
  }));
}

/** A fresh idempotency key: a UUID (crypto.randomUUID needs HTTPS; getRandomValues does not). */
export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const Outbox = L.Evented.extend({
  options: {
    retryMs: 30000, // also tried every so often: 'online' is not always told
  },

  initialize(options) {
    L.setOptions(this, options);
    this._items = [];
  },

  start() {
    window.addEventListener('online', () => this.flush());
    setInterval(() => {
      if (navigator.onLine) {
        this.flush();
      }
    }, this.options.retryMs);
    return this.refresh().then(() => this.flush());
  },

  /** Keeps a report: {key, body, summary, photo (a Blob, optional)}. */
  add(item) {
    const kept = { ...item, savedAt: new Date().toISOString(), state: 'pending', error: null };
    return store('readwrite', (s) => s.put(kept)).then(() => this.refresh());
  },

  remove(key) {
    return store('readwrite', (s) => s.delete(key)).then(() => this.refresh());
  },

  items() {
    return [...this._items];
  },

  refresh() {
    return store('readonly', (s) => s.getAll()).then((items) => {
      this._items = (items || []).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      const pending = this._items.filter((i) => i.state === 'pending').length;
      const refused = this._items.length - pending;
      Object.assign(document.body.dataset, { outboxPending: String(pending), outboxRefused: String(refused) });
      this.fire('change', { pending, refused, items: this.items() });
      return this._items;
    });
  },

  /** Sends every pending report, one after the other; stops at the first sign of no connection. */
  flush() {
    if (this._flushing) {
      return this._flushing;
    }
    this._flushing = (async () => {
      for (const item of this._items.filter((i) => i.state === 'pending')) {
        try {
          let id = item.disputeId;
          let dispute = null;
          if (!id) {
            dispute = await api.registerDispute(item.body, item.key);
            id = dispute.id;
            // kept until the photo is sent too; registering again under the key would answer the same record
            await store('readwrite', (s) => s.put({ ...item, disputeId: id }));
          }
          if (item.photo) {
            await api.putDisputePhoto(id, item.photo);
          }
          await store('readwrite', (s) => s.delete(item.key));
          this.fire('sent', { item, dispute: dispute || { id } });
        } catch (error) {
          if (error.status === 0) {
            break; // still offline: try again later
          }
          await store('readwrite', (s) => s.put({ ...item, state: 'refused', error: error.message }));
        }
      }
    })().finally(() => {
      this._flushing = null;
    }).then(() => this.refresh());
    return this._flushing;
  },
});
