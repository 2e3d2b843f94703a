//! Routes, handlers, errors and the OpenAPI document.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use newsgraph_ingest::{Input, InputFormat, RawArticle};
use newsgraph_store::query::{self, Filter, Kind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::AppState;

type Shared = State<Arc<AppState>>;

/// An error as the API answers it: `{"error": {"status", "message"}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

/// The body of an error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    error: ErrorDetail,
}

/// An error's status and message.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status code.
    status: u16,
    /// What went wrong, for a person.
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<newsgraph_store::StoreError> for ApiError {
    fn from(e: newsgraph_store::StoreError) -> ApiError {
        use newsgraph_store::StoreError;
        match e {
            StoreError::Filter(m) => ApiError::bad_request(m.replace("--", "")),
            e => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

/// Query parameters whose errors are answered in the API's JSON error format (axum's own
/// `Query` answers plain text).
pub struct Q<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Q<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| Q(t))
            .map_err(|e| ApiError::new(e.status(), e.body_text()))
    }
}

/// Runs blocking work (database, analysis) on tokio's blocking pool, at most as many at once
/// as the server has permits: a request that gives up (its deadline passed) still holds its
/// permit until its work ends, so abandoned work cannot pile up.
async fn blocking<T: Send + 'static>(
    permits: Arc<tokio::sync::Semaphore>,
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = permits
        .acquire_owned()
        .await
        .map_err(|e| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
    tokio::task::spawn_blocking(move || {
        let result = f();
        drop(permit);
        result
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// Filters and paging of the listing endpoints (the filters of `newsgraph query`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Part of an actor's name (case-insensitive) or its exact CAMEO code.
    actor: Option<String>,
    /// ISO 3166 alpha-3 code of an actor's country or an event's place.
    country: Option<String>,
    /// CAMEO event code or prefix (`19`, `190`).
    code: Option<String>,
    /// CAMEO root code, `01` to `20`.
    root: Option<String>,
    /// PLOVER event type (`ASSAULT`, `PROTEST`...).
    plover: Option<String>,
    /// First date, YYYY-MM-DD.
    from: Option<String>,
    /// Last date, YYYY-MM-DD.
    to: Option<String>,
    /// Part of a place name.
    place: Option<String>,
    /// Full-text search of the articles (FTS5 syntax: words, "a phrase", OR, NOT, prefix*).
    text: Option<String>,
    /// Leave out near-duplicate copies of earlier articles.
    unique: Option<bool>,
    /// Most items returned (default 50; the server caps it).
    limit: Option<usize>,
    /// Items skipped first, for paging.
    offset: Option<usize>,
}

/// A page of items.
#[derive(Serialize, ToSchema)]
pub struct Page {
    /// The items, as objects of named fields.
    #[schema(value_type = Vec<Object>)]
    items: Vec<serde_json::Map<String, Value>>,
    /// Items skipped.
    offset: usize,
    /// The page size asked for (after the server's cap).
    limit: usize,
}

fn filter(p: ListParams, max_rows: usize) -> Filter {
    Filter {
        actor: p.actor,
        country: p.country,
        code: p.code,
        root: p.root,
        plover: p.plover,
        from: p.from,
        to: p.to,
        place: p.place,
        text: p.text,
        unique: p.unique.unwrap_or(false),
        exact_actor: false,
        limit: p.limit.unwrap_or(50).clamp(1, max_rows.max(1)),
        offset: p.offset.unwrap_or(0),
    }
}

async fn list(
    state: Arc<AppState>,
    kind: Kind,
    params: ListParams,
) -> Result<Json<Page>, ApiError> {
    let f = filter(params, state.limits.max_rows);
    let (offset, limit) = (f.offset, f.limit);
    let table = blocking(Arc::clone(&state.permits), move || {
        state.with_store(|s| Ok(query::run(s, kind, &f)?))
    })
    .await?;
    Ok(Json(Page {
        items: table.objects().collect(),
        offset,
        limit,
    }))
}

/// Events, one per mention in an article, oldest first.
#[utoipa::path(get, path = "/v1/events", params(ListParams),
    responses((status = 200, body = Page), (status = 400, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn events(State(state): Shared, Q(p): Q<ListParams>) -> Result<Json<Page>, ApiError> {
    list(state, Kind::Events, p).await
}

/// Stories: events grouped across articles, most reported first.
#[utoipa::path(get, path = "/v1/stories", params(ListParams),
    responses((status = 200, body = Page), (status = 400, body = ErrorBody)))]
async fn stories(State(state): Shared, Q(p): Q<ListParams>) -> Result<Json<Page>, ApiError> {
    list(state, Kind::Stories, p).await
}

/// Actors over the corpus, most reported first.
#[utoipa::path(get, path = "/v1/actors", params(ListParams),
    responses((status = 200, body = Page), (status = 400, body = ErrorBody)))]
async fn actors(State(state): Shared, Q(p): Q<ListParams>) -> Result<Json<Page>, ApiError> {
    list(state, Kind::Actors, p).await
}

/// Who supports or opposes whom.
#[utoipa::path(get, path = "/v1/alignments", params(ListParams),
    responses((status = 200, body = Page), (status = 400, body = ErrorBody)))]
async fn alignments(State(state): Shared, Q(p): Q<ListParams>) -> Result<Json<Page>, ApiError> {
    list(state, Kind::Alignments, p).await
}

/// Articles (with `text`: a full-text search), oldest first.
#[utoipa::path(get, path = "/v1/articles", params(ListParams),
    responses((status = 200, body = Page), (status = 400, body = ErrorBody)))]
async fn articles(State(state): Shared, Q(p): Q<ListParams>) -> Result<Json<Page>, ApiError> {
    list(state, Kind::Articles, p).await
}

/// One article's record (schema `newsgraph.article/1`).
#[utoipa::path(get, path = "/v1/articles/{id}",
    params(("id" = String, Path, description = "The article's id")),
    responses((status = 200, description = "The record", body = Object), (status = 404, body = ErrorBody)))]
async fn article(State(state): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let record = blocking(Arc::clone(&state.permits), move || {
        state.with_store(|s| {
            s.record(&id)?
                .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no article {id:?}")))
        })
    })
    .await?;
    Ok(Json(record).into_response())
}

/// One actor, by name (case-insensitive) or CAMEO code.
#[derive(Serialize, ToSchema)]
pub struct ActorView {
    /// The name or code asked for.
    actor: String,
    /// How the actor is known over the corpus (name, kind, code, country, articles, mentions).
    #[schema(value_type = Vec<Object>)]
    entries: Vec<serde_json::Map<String, Value>>,
    /// Events it is the source or target of.
    #[schema(value_type = Vec<Object>)]
    events: Vec<serde_json::Map<String, Value>>,
    /// What it said.
    #[schema(value_type = Vec<Object>)]
    quotes: Vec<serde_json::Map<String, Value>>,
    /// Whom it supports or opposes, and who supports or opposes it.
    #[schema(value_type = Vec<Object>)]
    alignments: Vec<serde_json::Map<String, Value>>,
}

/// One actor: its events, quotes and alignments.
#[utoipa::path(get, path = "/v1/actors/{name}",
    params(("name" = String, Path, description = "The actor's name or CAMEO code"),
           ("limit" = Option<usize>, Query, description = "Most items of each list")),
    responses((status = 200, body = ActorView), (status = 404, body = ErrorBody)))]
async fn actor(
    State(state): Shared,
    Path(name): Path<String>,
    Q(p): Q<ListParams>,
) -> Result<Json<ActorView>, ApiError> {
    let max = state.limits.max_rows;
    let view = blocking(Arc::clone(&state.permits), move || {
        state.with_store(|s| {
            let f = Filter {
                actor: Some(name.clone()),
                exact_actor: true,
                limit: p.limit.unwrap_or(100).clamp(1, max.max(1)),
                ..Filter::default()
            };
            let rows = |kind| -> Result<Vec<_>, ApiError> {
                Ok(query::run(s, kind, &f)?.objects().collect())
            };
            let entries = rows(Kind::Actors)?;
            if entries.is_empty() {
                return Err(ApiError::new(
                    StatusCode::NOT_FOUND,
                    format!("no actor named or coded {name:?}"),
                ));
            }
            Ok(ActorView {
                actor: name.clone(),
                entries,
                events: rows(Kind::Events)?,
                quotes: rows(Kind::Quotes)?,
                alignments: rows(Kind::Alignments)?,
            })
        })
    })
    .await?;
    Ok(Json(view))
}

/// Counts of the corpus.
#[utoipa::path(get, path = "/v1/stats",
    responses((status = 200, description = "Row counts and events by CAMEO root", body = Object)))]
async fn stats(State(state): Shared) -> Result<Json<Value>, ApiError> {
    let stats = blocking(Arc::clone(&state.permits), move || {
        state.with_store(|s| {
            let counts = s.counts()?;
            let conn = s.connection();
            let mut stmt = conn
                .prepare("SELECT root, COUNT(*) FROM events GROUP BY root ORDER BY root")
                .map_err(newsgraph_store::StoreError::from)?;
            let by_root: serde_json::Map<String, Value> = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(newsgraph_store::StoreError::from)?
                .into_iter()
                .map(|(k, v)| (k, Value::from(v)))
                .collect();
            let dates: (Option<String>, Option<String>) = conn
                .query_row(
                    "SELECT MIN(published), MAX(published) FROM articles",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(newsgraph_store::StoreError::from)?;
            Ok(serde_json::json!({
                "counts": counts,
                "events_by_root": by_root,
                "published": {"first": dates.0, "last": dates.1},
            }))
        })
    })
    .await?;
    Ok(Json(stats))
}

/// An article to analyse, as JSON.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ExtractRequest {
    /// Its id (default: a hash of the text).
    id: Option<String>,
    /// The plain text of the article; or give `html`.
    text: Option<String>,
    /// A whole web page; its main content and metadata are extracted.
    html: Option<String>,
    /// Its title.
    title: Option<String>,
    /// Its publication date, YYYY-MM-DD.
    published: Option<String>,
    /// Its URL.
    url: Option<String>,
}

/// Query parameters of `POST /v1/extract`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExtractParams {
    /// Publication date (YYYY-MM-DD) when the article gives none; relative dates resolve
    /// against it.
    published: Option<String>,
}

fn one_article(name: &str, bytes: Vec<u8>, format: InputFormat) -> Result<RawArticle, ApiError> {
    let mut input = Input::from_reader(name, std::io::Cursor::new(bytes), format)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    match input.next() {
        Some(Ok(raw)) => Ok(raw),
        Some(Err(e)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.to_string(),
        )),
        None => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the request holds no article",
        )),
    }
}

fn date(s: &str) -> Result<chrono::NaiveDate, ApiError> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| ApiError::bad_request(format!("published {s:?}: use YYYY-MM-DD")))
}

/// Analyses one article: plain text (`text/plain`), a web page (`text/html`) or a JSON
/// article (`application/json`, with `text` or `html`). Answers its record.
#[utoipa::path(post, path = "/v1/extract", params(ExtractParams),
    request_body(content = ExtractRequest, description = "A JSON article; or send text/plain or text/html"),
    responses((status = 200, description = "The record (schema newsgraph.article/1)", body = Object),
              (status = 400, body = ErrorBody), (status = 413, body = ErrorBody),
              (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn extract(
    State(state): Shared,
    Q(p): Q<ExtractParams>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let published = p.published.as_deref().map(date).transpose()?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/plain")
        .to_ascii_lowercase();
    let mut raw = if content_type.starts_with("application/json") {
        let req: ExtractRequest = serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("the JSON article: {e}")))?;
        let mut raw = match (&req.text, &req.html) {
            (Some(text), _) => {
                let line = serde_json::json!({"id": req.id, "text": text});
                one_article(
                    "<request>",
                    line.to_string().into_bytes(),
                    InputFormat::Jsonl,
                )?
            }
            (None, Some(html)) => {
                one_article("<request>", html.clone().into_bytes(), InputFormat::Html)?
            }
            (None, None) => {
                return Err(ApiError::bad_request(
                    "the JSON article has neither \"text\" nor \"html\"",
                ))
            }
        };
        if let Some(id) = req.id {
            raw.id = id;
        }
        if let Some(title) = req.title {
            raw.title = Some(title);
        }
        if let Some(url) = req.url {
            raw.url = Some(url);
        }
        if let Some(d) = req.published.as_deref() {
            raw.published = Some(date(d)?);
        }
        raw
    } else if content_type.starts_with("text/html") || content_type.starts_with("application/xhtml")
    {
        one_article("<request>", body.to_vec(), InputFormat::Html)?
    } else if content_type.starts_with("text/plain") {
        one_article("<request>", body.to_vec(), InputFormat::Text)?
    } else {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "content type {content_type:?}: send text/plain, text/html or application/json"
            ),
        ));
    };
    if raw.published.is_none() {
        raw.published = published;
    }
    let pipeline = Arc::clone(&state.pipeline);
    let record = blocking(Arc::clone(&state.permits), move || {
        let doc = pipeline
            .analyze(raw)
            .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        Ok(newsgraph_doc::Record::from_document(
            &doc,
            Default::default(),
        ))
    })
    .await?;
    Ok(Json(record).into_response())
}

/// The OpenAPI document of this API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "newsgraph",
        description = "News articles as traceable event data: extract one, or explore a corpus."
    ),
    paths(
        extract, articles, article, events, stories, actors, actor, alignments, stats
    ),
    components(schemas(Page, ErrorBody, ErrorDetail, ExtractRequest, ActorView))
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint (see /v1/openapi.json)",
    )
}

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/extract", post(extract))
        .route("/v1/articles", get(articles))
        .route("/v1/articles/{id}", get(article))
        .route("/v1/events", get(events))
        .route("/v1/stories", get(stories))
        .route("/v1/actors", get(actors))
        .route("/v1/actors/{name}", get(actor))
        .route("/v1/alignments", get(alignments))
        .route("/v1/stats", get(stats))
        .route("/v1/openapi.json", get(openapi))
        .route("/", get(crate::web::index))
        .route("/assets/app.js", get(crate::web::script))
        .route("/assets/app.css", get(crate::web::style))
        .route("/assets/countries.json", get(crate::web::countries))
        .fallback(not_found)
}
