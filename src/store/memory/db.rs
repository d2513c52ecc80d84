//! The SMS memory in IndexedDB (through the `idb` crate; see the README
//! for why that one). One database per account; in it `sms` (key: the
//! entry's stable key; indexes: time `t`, number digits `n`) and `orders`
//! (key: the order id). A row holds the entry as JSON (`j`) beside the
//! fields the indexes need: each row decodes on its own, so one bad row
//! never costs the others.
//!
//! Every change is one transaction: a browser closed in the middle of one
//! leaves all of it or none, and two tabs writing the same SMS store it
//! once (same key; the second finds it there).

use chrono::{DateTime, Utc};
use idb::{
    CursorDirection, Database, DatabaseEvent, Factory, KeyPath, KeyRange, ObjectStoreParams, Query,
    TransactionMode,
};
use js_sys::{Object, Reflect};
use rentapi::history::{Entry, OrderEntry};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

const VERSION: u32 = 1;
const SMS: &str = "sms";
const ORDERS: &str = "orders";
/// One row, `cleared`: when the user last cleared the history. SMS from
/// before it are not stored again when the provider still lists them.
const META: &str = "meta";

/// What went wrong, as a short text for the console and the settings.
pub type Error = String;

fn err(e: impl std::fmt::Display) -> Error {
    e.to_string()
}

/// One open database; closed when dropped, so a delete (forget key, clear)
/// from this or another tab is never blocked by it for long.
pub struct Db(Database);

impl Drop for Db {
    fn drop(&mut self) {
        self.0.close();
    }
}

fn factory() -> Result<Factory, Error> {
    Factory::new().map_err(err)
}

fn row<T: Serialize>(key: JsValue, value: &T, extra: &[(&str, JsValue)]) -> Result<JsValue, Error> {
    let obj = Object::new();
    let json = serde_json::to_string(value).map_err(err)?;
    Reflect::set(&obj, &"id".into(), &key).map_err(|_| "set id")?;
    Reflect::set(&obj, &"j".into(), &json.into()).map_err(|_| "set j")?;
    for (k, v) in extra {
        Reflect::set(&obj, &(*k).into(), v).map_err(|_| "set field")?;
    }
    Ok(obj.into())
}

/// The entry in a row, or `None` for a row that does not decode (skipped).
fn decode<T: DeserializeOwned>(row: &JsValue) -> Option<T> {
    let json = Reflect::get(row, &"j".into()).ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

/// The digits of a number: the `n` index, so "+7 909" and "7909" meet.
pub fn number_key(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

impl Db {
    /// Opens (creating it the first time) the database `name`.
    pub async fn open(name: &str) -> Result<Db, Error> {
        let mut request = factory()?.open(name, Some(VERSION)).map_err(err)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            if !db.store_names().iter().any(|n| n == SMS) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("id")));
                if let Ok(store) = db.create_object_store(SMS, params) {
                    let _ = store.create_index("t", KeyPath::new_single("t"), None);
                    let _ = store.create_index("n", KeyPath::new_single("n"), None);
                }
            }
            if !db.store_names().iter().any(|n| n == ORDERS) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("id")));
                let _ = db.create_object_store(ORDERS, params);
            }
            if !db.store_names().iter().any(|n| n == META) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("id")));
                let _ = db.create_object_store(META, params);
            }
        });
        let db = request.await.map_err(err)?;
        Ok(Db(db))
    }

    /// Stores the entries not stored yet; returns the keys of those that
    /// were new (not there, and not from before a clear).
    pub async fn add_sms(&self, entries: &[Entry]) -> Result<Vec<String>, Error> {
        let tx = self.0.transaction(&[SMS, META], TransactionMode::ReadWrite).map_err(err)?;
        let store = tx.object_store(SMS).map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let cleared = meta.get(Query::Key("cleared".into())).map_err(err)?.await.map_err(err)?;
        let cleared = cleared.and_then(|row| Reflect::get(&row, &"t".into()).ok()?.as_f64());
        let mut added = Vec::new();
        for e in entries {
            if cleared.is_some_and(|c| e.at.timestamp_millis() as f64 <= c) {
                continue;
            }
            let key = JsValue::from_str(&e.id);
            // Kept as first stored: an SMS without a date keeps its first time.
            if store.get_key(Query::Key(key.clone())).map_err(err)?.await.map_err(err)?.is_some() {
                continue;
            }
            let t = JsValue::from_f64(e.at.timestamp_millis() as f64);
            let n = JsValue::from_str(&number_key(&e.number));
            store
                .put(&row(key, e, &[("t", t), ("n", n)])?, None)
                .map_err(err)?
                .await
                .map_err(err)?;
            added.push(e.id.clone());
        }
        tx.commit().map_err(err)?.await.map_err(err)?;
        Ok(added)
    }

    /// Stores orders as last seen (replacing what was stored).
    pub async fn put_orders(&self, orders: &[OrderEntry]) -> Result<(), Error> {
        let tx = self.0.transaction(&[ORDERS], TransactionMode::ReadWrite).map_err(err)?;
        let store = tx.object_store(ORDERS).map_err(err)?;
        for o in orders {
            let key = JsValue::from_f64(o.id as f64);
            store.put(&row(key, o, &[])?, None).map_err(err)?;
        }
        tx.commit().map_err(err)?.await.map_err(err)?;
        Ok(())
    }

    async fn all<T: DeserializeOwned>(
        &self,
        name: &str,
        query: Option<Query>,
        index: Option<&str>,
    ) -> Result<Vec<T>, Error> {
        let tx = self.0.transaction(&[name], TransactionMode::ReadOnly).map_err(err)?;
        let store = tx.object_store(name).map_err(err)?;
        let rows = match index {
            Some(index) => {
                store.index(index).map_err(err)?.get_all(query, None).map_err(err)?.await
            }
            None => store.get_all(query, None).map_err(err)?.await,
        }
        .map_err(err)?;
        Ok(rows.iter().filter_map(decode).collect())
    }

    /// Every stored SMS (rows that do not decode are skipped).
    pub async fn all_sms(&self) -> Result<Vec<Entry>, Error> {
        self.all(SMS, None, None).await
    }

    /// The SMS stored for a number (by its digits).
    pub async fn sms_of_number(&self, number: &str) -> Result<Vec<Entry>, Error> {
        let key = Query::Key(JsValue::from_str(&number_key(number)));
        self.all(SMS, Some(key), Some("n")).await
    }

    /// Every stored order.
    pub async fn orders(&self) -> Result<Vec<OrderEntry>, Error> {
        self.all(ORDERS, None, None).await
    }

    /// How many SMS are stored.
    pub async fn count(&self) -> Result<u32, Error> {
        let tx = self.0.transaction(&[SMS], TransactionMode::ReadOnly).map_err(err)?;
        let store = tx.object_store(SMS).map_err(err)?;
        store.count(None).map_err(err)?.await.map_err(err)
    }

    /// Drops SMS older than `before`, then the oldest beyond `cap`;
    /// returns how many went.
    pub async fn prune(&self, before: DateTime<Utc>, cap: u32) -> Result<u32, Error> {
        let tx = self.0.transaction(&[SMS], TransactionMode::ReadWrite).map_err(err)?;
        let store = tx.object_store(SMS).map_err(err)?;
        let index = store.index("t").map_err(err)?;
        let old =
            KeyRange::upper_bound(&JsValue::from_f64(before.timestamp_millis() as f64), Some(true))
                .map_err(err)?;
        let mut gone = 0;
        let total = store.count(None).map_err(err)?.await.map_err(err)?;
        let expired = index.count(Some(Query::KeyRange(old))).map_err(err)?.await.map_err(err)?;
        let excess = total.saturating_sub(cap).max(expired);
        if excess > 0 {
            // Oldest first: the `t` index ascending, as many as must go.
            let keys = index.get_all_keys(None, Some(excess)).map_err(err)?.await.map_err(err)?;
            for key in keys {
                store.delete(Query::Key(key)).map_err(err)?;
                gone += 1;
            }
        }
        tx.commit().map_err(err)?.await.map_err(err)?;
        Ok(gone)
    }

    /// Empties the database in one transaction, and remembers when: what
    /// the provider still lists from before is not stored again.
    pub async fn clear(&self, now: DateTime<Utc>) -> Result<(), Error> {
        let tx =
            self.0.transaction(&[SMS, ORDERS, META], TransactionMode::ReadWrite).map_err(err)?;
        let sms = tx.object_store(SMS).map_err(err)?;
        // The provider's clock may run ahead of ours: the mark is at least
        // the newest SMS stored.
        let newest =
            sms.index("t").map_err(err)?.open_key_cursor(None, Some(CursorDirection::Prev));
        let newest = newest.map_err(err)?.await.map_err(err)?;
        let newest = newest.and_then(|c| c.key().ok()?.as_f64()).unwrap_or(0.0);
        sms.clear().map_err(err)?;
        tx.object_store(ORDERS).map_err(err)?.clear().map_err(err)?;
        let t = JsValue::from_f64((now.timestamp_millis() as f64).max(newest));
        let mark = row(JsValue::from_str("cleared"), &(), &[("t", t)])?;
        tx.object_store(META).map_err(err)?.put(&mark, None).map_err(err)?;
        tx.commit().map_err(err)?.await.map_err(err)?;
        Ok(())
    }
}

/// Deletes the database `name` (a no-op when there is none).
pub async fn delete(name: &str) -> Result<(), Error> {
    factory()?.delete(name).map_err(err)?.await.map_err(err)
}

/// Calls the promise-returning method `name` of `obj` (one web-sys does not
/// bind, or binds behind features), and awaits it.
async fn call_async(obj: &JsValue, name: &str) -> Option<JsValue> {
    let method = Reflect::get(obj, &name.into()).ok()?;
    let promise = method.dyn_ref::<js_sys::Function>()?.call0(obj).ok()?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.ok()
}

/// The names of the app's memory databases that start with `prefix`, where
/// the browser can list them (`indexedDB.databases()`).
pub async fn names(prefix: &str) -> Vec<String> {
    let Some(idb) = web_sys::window().and_then(|w| Reflect::get(&w, &"indexedDB".into()).ok())
    else {
        return Vec::new();
    };
    let Some(found) = call_async(&idb, "databases").await else { return Vec::new() };
    js_sys::Array::from(&found)
        .iter()
        .filter_map(|d| Reflect::get(&d, &"name".into()).ok()?.as_string())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

/// Bytes the browser says this origin stores, where it says.
pub async fn usage() -> Option<f64> {
    let storage = Reflect::get(&web_sys::window()?.navigator(), &"storage".into()).ok()?;
    let got = call_async(&storage, "estimate").await?;
    Reflect::get(&got, &"usage".into()).ok()?.as_f64()
}

/// Milliseconds on the page's clock, for the timings the benchmark reads.
pub fn mark(name: &str, started: f64) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return };
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"start".into(), &started.into());
    let _ = Reflect::set(&opts, &"end".into(), &perf.now().into());
    if let Ok(measure) = Reflect::get(&perf, &"measure".into())
        && let Some(f) = measure.dyn_ref::<js_sys::Function>()
    {
        let _ = f.call2(&perf, &name.into(), &opts);
    }
}
