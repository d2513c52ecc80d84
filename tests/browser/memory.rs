//! Browser test of the SMS memory's storage (IndexedDB): an SMS read twice
//! is stored once, a row that does not decode costs only itself, the
//! oldest go first beyond the cap and the time limit, and a cleared
//! history does not take back what the provider still lists.

use chrono::{DateTime, Duration, Utc};
use rentapi::OrderId;
use rentapi::history::{self, Entry};
use rentapi::model::{Order, Sms};
use smsrent::store::memory::db::{self, Db};
use wasm_bindgen_test::*;

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
}

fn entries(order: u64, texts: &[(&str, i64)]) -> Vec<Entry> {
    let order = Order { id: OrderId(order), ..Order::sample(t(86_400)) };
    let own: Vec<Sms> = texts
        .iter()
        .map(|(text, at)| Sms { text: (*text).into(), sender: "Bank".into(), date: Some(t(*at)) })
        .collect();
    history::entries(&order, &own, &[], t(0))
}

async fn fresh(name: &str) -> Db {
    db::delete(name).await.unwrap();
    Db::open(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn one_sms_read_twice_is_stored_once_and_a_bad_row_is_skipped() {
    let name = "smsrent.history.test-once";
    let store = fresh(name).await;
    let read = entries(1, &[("Code 1111", 1), ("Code 2222", 2)]);
    assert_eq!(store.add_sms(&read).await.unwrap().len(), 2);
    assert!(store.add_sms(&read).await.unwrap().is_empty(), "the same read again");
    // A second connection (another tab) adds the same and one more.
    let other = Db::open(name).await.unwrap();
    let more = entries(1, &[("Code 2222", 2), ("Code 3333", 3)]);
    assert_eq!(other.add_sms(&more).await.unwrap(), [more[1].id.clone()]);
    assert_eq!(store.count().await.unwrap(), 3);
    // A row another version of the app (or a broken disk) left behind.
    let js = format!(
        "new Promise((ok, no) => {{ const r = indexedDB.open('{name}'); r.onerror = no; r.onsuccess = () => {{
            const tx = r.result.transaction('sms', 'readwrite');
            tx.objectStore('sms').put({{ id: 'bad', t: 5, n: '1', j: '{{not json' }});
            tx.oncomplete = () => {{ r.result.close(); ok(); }}; }}; }})"
    );
    let promise: js_sys::Promise = js_sys::eval(&js).unwrap().into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let all = store.all_sms().await.unwrap();
    assert_eq!(all.len(), 3, "the bad row is skipped, the others kept");
    let by_number = store.sms_of_number("+7 (909) 606-85-11").await.unwrap();
    assert_eq!(by_number.len(), 3, "found by the number's digits");
    drop((store, other));
    db::delete(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_oldest_go_first() {
    let name = "smsrent.history.test-prune";
    let store = fresh(name).await;
    let texts: Vec<(String, i64)> = (0..10).map(|i| (format!("Code {i}000"), i * 100)).collect();
    let texts: Vec<(&str, i64)> = texts.iter().map(|(s, at)| (s.as_str(), *at)).collect();
    store.add_sms(&entries(2, &texts)).await.unwrap();
    // Older than t(300): three go.
    assert_eq!(store.prune(t(300), 100).await.unwrap(), 3);
    // Then a cap of 5: the two oldest of the seven left.
    assert_eq!(store.prune(t(0), 5).await.unwrap(), 2);
    let mut left: Vec<i64> =
        store.all_sms().await.unwrap().iter().map(|e| (e.at - t(0)).num_seconds()).collect();
    left.sort();
    assert_eq!(left, [500, 600, 700, 800, 900]);
    assert_eq!(store.prune(t(0), 5).await.unwrap(), 0, "nothing more to do");
    drop(store);
    db::delete(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_cleared_history_stays_cleared() {
    let name = "smsrent.history.test-clear";
    let store = fresh(name).await;
    // The provider's clock ahead of ours: its SMS are "in the future".
    let ahead = (Utc::now() + Duration::minutes(5) - t(0)).num_seconds();
    store.add_sms(&entries(3, &[("Code 4444", ahead)])).await.unwrap();
    store.clear(Utc::now()).await.unwrap();
    assert_eq!(store.count().await.unwrap(), 0);
    assert!(store.add_sms(&entries(3, &[("Code 4444", ahead)])).await.unwrap().is_empty());
    let later = ahead + 60;
    assert_eq!(store.add_sms(&entries(3, &[("Code 5555", later)])).await.unwrap().len(), 1);
    drop(store);
    db::delete(name).await.unwrap();
}
