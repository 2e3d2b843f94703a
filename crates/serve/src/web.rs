//! The web page: one HTML page, its script and style, and the country outlines of its map,
//! all embedded in the binary (no separate server, nothing fetched from elsewhere).

use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("../web/index.html");
const SCRIPT: &str = include_str!("../web/app.js");
const STYLE: &str = include_str!("../web/app.css");
const COUNTRIES: &str = include_str!("../../../data/web/countries.tsv");

/// The page's Content-Security-Policy: its own script and style only, no inline code, no
/// other origin; an article's text can never become code.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    frame-ancestors 'none'; form-action 'self'";

fn asset(body: &'static [u8], content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn index() -> Response {
    asset(INDEX.as_bytes(), "text/html; charset=utf-8")
}

pub(crate) async fn script() -> Response {
    asset(SCRIPT.as_bytes(), "text/javascript; charset=utf-8")
}

pub(crate) async fn style() -> Response {
    asset(STYLE.as_bytes(), "text/css; charset=utf-8")
}

/// `data/web/countries.tsv` as the JSON array the map reads: `[{iso3, name, path}]`.
pub(crate) async fn countries() -> Response {
    static JSON: OnceLock<Vec<u8>> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let rows: Vec<serde_json::Value> = COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.splitn(3, '\t');
                Some(serde_json::json!({"iso3": f.next()?, "name": f.next()?, "path": f.next()?}))
            })
            .collect();
        serde_json::to_vec(&rows).unwrap_or_else(|_| b"[]".to_vec())
    });
    asset(json.as_slice(), "application/json")
}

/// Headers every response carries: the page's policy, no MIME sniffing, no referrer.
pub(crate) async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
