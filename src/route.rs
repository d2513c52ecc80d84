//! Where the app is served and the addresses of its routes. Trunk writes
//! its public URL into `<base href>` (`/` by default, `/smsrent/` for
//! `trunk build --public-url /smsrent/`). The router, the links of the
//! header and the service worker's scope all take it from there at run
//! time, so the same code works at `/` and under a sub-path; relative URLs
//! (`api/rent.php`, `sw.js`) resolve under it.

use std::cell::OnceCell;

use leptos::prelude::document;

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// The path the app is served under, with both slashes: `/` or `/smsrent/`.
pub fn base_path() -> String {
    BASE.with(|b| b.get_or_init(read_base_path).clone())
}

/// The router's base: the base path without its trailing slash (`""` at the
/// root, `/smsrent` under a sub-path).
pub fn router_base() -> String {
    router_base_of(&base_path())
}

/// The URL path of an app route: `app_href("/archive")` is `/archive` at the
/// root and `/smsrent/archive` under `/smsrent/`. For `<A href>`, which
/// takes a path starting with `/` as it is.
pub fn app_href(route: &str) -> String {
    href_under(&base_path(), route)
}

fn read_base_path() -> String {
    let document = document();
    // Without a <base> element the base URI is the page's own URL: not ours.
    let has_base = document.query_selector("base[href]").ok().flatten().is_some();
    let uri = if has_base { document.base_uri().ok().flatten() } else { None };
    uri.map_or_else(|| "/".to_owned(), |uri| base_path_of(&uri))
}

/// The folder path of an absolute URL: `http://h:1/smsrent/?q#x` →
/// `/smsrent/`, `http://h/` → `/`, `http://h` → `/`.
fn base_path_of(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    match path.rfind('/') {
        Some(i) => path[..=i].to_owned(),
        None => "/".to_owned(),
    }
}

fn router_base_of(base: &str) -> String {
    base.trim_end_matches('/').to_owned()
}

fn href_under(base: &str, route: &str) -> String {
    format!("{}{}", base.trim_end_matches('/'), if route.is_empty() { "/" } else { route })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_the_base_uri() {
        assert_eq!(base_path_of("http://127.0.0.1:8787/"), "/");
        assert_eq!(base_path_of("http://127.0.0.1:8787"), "/");
        assert_eq!(base_path_of("https://host/smsrent/"), "/smsrent/");
        assert_eq!(base_path_of("https://host/a/b/?x=1#y"), "/a/b/");
        assert_eq!(base_path_of("https://host/smsrent/index.html"), "/smsrent/");
        assert_eq!(base_path_of("https://host/smsrent?x=/y/"), "/");
    }

    #[test]
    fn router_base_and_hrefs() {
        assert_eq!(router_base_of("/"), "");
        assert_eq!(router_base_of("/smsrent/"), "/smsrent");
        assert_eq!(href_under("/", "/"), "/");
        assert_eq!(href_under("/", "/archive"), "/archive");
        assert_eq!(href_under("/smsrent/", "/"), "/smsrent/");
        assert_eq!(href_under("/smsrent/", "/archive"), "/smsrent/archive");
        assert_eq!(href_under("/smsrent/", ""), "/smsrent/");
    }
}
