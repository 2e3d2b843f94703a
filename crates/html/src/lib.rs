//! Saved web pages and WARC archives into articles.
//!
//! [`extract`] reads one HTML page: its encoding ([`decode`]), its main content and its metadata
//! ([`page`]). [`warc`] streams the records of a WARC archive and splits a `response` record
//! into its HTTP header and body. The `newsgraph-ingest` crate uses both to read `.html` and
//! `.warc(.gz)` inputs.
//!
//! ```
//! let html = "<html><head><title>Dam bursts</title></head><body><article><h1>Dam bursts</h1>\
//!     <p>A dam burst above the hill town of Kolda on Monday, flooding hundreds of homes and \
//!     cutting the main road to the coast, officials said.</p><p>Rescue teams reached the \
//!     town by boat late in the evening and moved families to a school on higher ground, \
//!     the regional governor said.</p></article></body></html>";
//! let page = newsgraph_html::extract(html.as_bytes(), None, None).unwrap();
//! assert_eq!(page.text.lines().next(), Some("Dam bursts"));
//! ```
#![deny(missing_docs)]

pub mod decode;
pub mod page;
pub mod warc;

pub use page::{extract, Page, PageError};
