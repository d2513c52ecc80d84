//! The archive of expired rentals, a page at a time (`get_rent_history`).

use leptos::prelude::*;
use rentapi::ApiError;
use rentapi::model::HistoryRow;
use rentapi::schedule::Priority;

use crate::api::Api;

pub const PAGE_SIZES: [u32; 3] = [10, 25, 50];

#[derive(Clone, Copy)]
pub struct ArchiveStore {
    pub rows: RwSignal<Vec<HistoryRow>>,
    /// The raw rows of this page that could not be read.
    pub skipped: RwSignal<Vec<String>>,
    /// Zero-based page number.
    pub page: RwSignal<u32>,
    pub page_size: RwSignal<u32>,
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    /// Whether the current page has been loaded at least once.
    pub loaded: RwSignal<bool>,
    api: Api,
    request: StoredValue<u64>,
}

impl ArchiveStore {
    pub fn new(api: Api) -> Self {
        let me = Self {
            rows: RwSignal::new(Vec::new()),
            skipped: RwSignal::new(Vec::new()),
            page: RwSignal::new(0),
            page_size: RwSignal::new(PAGE_SIZES[0]),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            loaded: RwSignal::new(false),
            api,
            request: StoredValue::new(0),
        };
        // Load the page shown, again whenever the page, its size or the account changes.
        Effect::new(move |_| {
            let (page, size) = (me.page.get(), me.page_size.get());
            api.account();
            me.load(page, size);
        });
        me
    }

    /// The API gives no total: a full page means there may be another.
    pub fn has_next(&self) -> bool {
        self.rows.with(Vec::len) as u32 >= self.page_size.get()
    }

    pub fn set_page_size(&self, size: u32) {
        self.page_size.set(size);
        self.page.set(0);
    }

    pub fn reload(&self) {
        self.load(self.page.get_untracked(), self.page_size.get_untracked());
    }

    fn load(self, page: u32, size: u32) {
        self.request.update_value(|n| *n += 1);
        let request = self.request.get_value();
        self.loading.set(true);
        let asked = self.api.for_account(move |c| async move {
            c.history(page * size, size, Priority::User).await
        });
        leptos::task::spawn_local(async move {
            let Some(result) = asked.await else { return };
            // A later page asked meanwhile: this answer is not wanted.
            if self.request.try_get_value() != Some(request) {
                return;
            }
            self.loading.set(false);
            match result {
                Ok(rows) => {
                    self.rows.set(rows.rows);
                    self.skipped.set(rows.skipped);
                    self.error.set(None);
                    self.loaded.set(true);
                }
                Err(err) => self.error.set(Some(err)),
            }
        });
    }
}
