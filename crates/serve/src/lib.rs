//! The newsgraph HTTP API: analyse an article on request, and explore a corpus database.
//!
//! [`router`] builds the axum application; [`serve`] binds it (loopback by default) and runs it
//! until Ctrl-C. Every endpoint answers JSON; an error is `{"error": {"status", "message"}}`
//! with its HTTP status. Database work runs on tokio's blocking pool over a small pool of
//! connections; analysis runs there too. Request bodies are limited ([`Limits`]) and every
//! request has a deadline.
//!
//! | endpoint | what |
//! | --- | --- |
//! | `POST /v1/extract` | a text, HTML page or JSON article in, its record out |
//! | `GET /v1/articles` | articles, filtered and paged (`text` is a full-text search) |
//! | `GET /v1/articles/{id}` | one article's record |
//! | `GET /v1/events` | events, with the filters of `newsgraph query` |
//! | `GET /v1/stories` | events grouped across articles |
//! | `GET /v1/actors` | actors over the corpus, most reported first |
//! | `GET /v1/actors/{name}` | one actor (by name or CAMEO code): its events, quotes, alignments |
//! | `GET /v1/alignments` | who supports or opposes whom |
//! | `GET /v1/stats` | counts |
//! | `GET /v1/openapi.json` | the OpenAPI 3.1 document of all of this |
//! | `GET /` | the web page (script, style and map outlines under `/assets/`) |
#![deny(missing_docs)]

mod api;
mod web;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use newsgraph_pipeline::Pipeline;
use newsgraph_store::Store;
use tower_http::timeout::TimeoutLayer;

pub use api::ApiDoc;

/// Bounds on requests.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest request body, in bytes.
    pub body_bytes: usize,
    /// Longest a request may take.
    pub timeout: Duration,
    /// Most rows a listing returns, whatever `limit` asks.
    pub max_rows: usize,
    /// Queries and analyses running at once, at most (the others wait their turn); also the
    /// most database connections the server opens.
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 8 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_rows: 1000,
            workers: std::thread::available_parallelism().map_or(4, |n| n.get() * 2),
        }
    }
}

/// What the handlers share: the engine, the database and the limits.
pub struct AppState {
    pipeline: Arc<Pipeline>,
    db: Option<PathBuf>,
    pool: Mutex<Vec<Store>>,
    limits: Limits,
    /// Blocking work (queries, analyses) running at once, at most.
    permits: Arc<tokio::sync::Semaphore>,
}

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database cannot be opened.
    #[error(transparent)]
    Store(#[from] newsgraph_store::StoreError),
    /// The address cannot be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

impl AppState {
    /// The state for a database (or none: only `/v1/extract` then answers, the corpus
    /// endpoints say there is no database). The database is opened once here to check it.
    pub fn new(
        pipeline: Arc<Pipeline>,
        db: Option<&Path>,
        limits: Limits,
    ) -> Result<AppState, ServeError> {
        let pool = match db {
            Some(path) => {
                let mut store = Store::open_existing(path)?;
                store.recount_stories()?;
                vec![store]
            }
            None => Vec::new(),
        };
        Ok(AppState {
            pipeline,
            db: db.map(Path::to_path_buf),
            pool: Mutex::new(pool),
            limits,
            permits: Arc::new(tokio::sync::Semaphore::new(limits.workers.max(1))),
        })
    }

    /// Runs `f` with a connection of the pool (opening one when all are busy).
    fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, api::ApiError>,
    ) -> Result<T, api::ApiError> {
        let Some(path) = &self.db else {
            return Err(api::ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "no database: start the server with --db FILE (see `newsgraph ingest`)",
            ));
        };
        let taken = self.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        let store = match taken {
            Some(s) => s,
            None => Store::open_existing(path).map_err(api::ApiError::from)?,
        };
        let result = f(&store);
        if let Ok(mut pool) = self.pool.lock() {
            if pool.len() < self.limits.workers {
                pool.push(store);
            }
        }
        result
    }
}

/// The application: every route, the body limit and the deadline.
pub fn router(state: Arc<AppState>) -> Router {
    let limits = state.limits;
    // outermost last: every response, a timed-out one included, gets the security headers
    api::routes()
        .with_state(state)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            limits.timeout,
        ))
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(axum::middleware::map_response(web::security_headers))
}

/// Binds `addr` and serves until Ctrl-C. `ready` is called with the bound address (the port
/// the system chose when `addr` asks for port 0).
pub async fn serve(
    state: Arc<AppState>,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    ready(listener.local_addr()?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
