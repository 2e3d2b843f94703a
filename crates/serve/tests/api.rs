//! Every endpoint of the API, good requests and bad, against a database of the bundled example
//! corpus; one test over a real socket.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use newsgraph_ingest::{Input, InputFormat};
use newsgraph_pipeline::Pipeline;
use newsgraph_serve::{router, AppState, Limits};
use newsgraph_store::{Prepared, Store};
use serde_json::Value;
use tower::ServiceExt;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    Arc::clone(P.get_or_init(|| Arc::new(Pipeline::standard().unwrap())))
}

/// A database of the example corpus's wire stories, built once for all tests.
fn database() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("api.db");
        let mut store = Store::open(&path).unwrap();
        let wire = root().join("examples/corpus/wire.jsonl");
        let input = Input::open(wire.to_str().unwrap(), InputFormat::Auto).unwrap();
        let mut batch: Vec<Prepared> = input
            .map(|raw| {
                let doc = pipeline().analyze(raw.unwrap()).unwrap();
                Prepared::new(newsgraph_doc::Record::from_document(
                    &doc,
                    Default::default(),
                ))
                .unwrap()
            })
            .collect();
        store.write_batch(&mut batch).unwrap();
        store.recount_stories().unwrap();
        (dir, path)
    });
    path
}

fn app_with(limits: Limits, db: bool) -> axum::Router {
    let state = AppState::new(pipeline(), db.then(database), limits).unwrap();
    router(Arc::new(state))
}

fn app() -> axum::Router {
    app_with(Limits::default(), true)
}

async fn call(app: axum::Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)));
    (status, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    call(app(), Request::get(uri).body(Body::empty()).unwrap()).await
}

fn items(body: &Value) -> &Vec<Value> {
    body["items"].as_array().unwrap()
}

#[tokio::test]
async fn listings_filter_and_page() {
    let (status, all) = get("/v1/events?limit=1000").await;
    assert_eq!(status, StatusCode::OK);
    let n = items(&all).len();
    assert!(n > 20, "{n} events");

    let (_, protests) = get("/v1/events?root=14&limit=1000").await;
    assert!(!items(&protests).is_empty());
    assert!(items(&protests)
        .iter()
        .all(|e| e["code"].as_str().unwrap().starts_with("14")));

    let (_, page1) = get("/v1/events?limit=5").await;
    let (_, page2) = get("/v1/events?limit=5&offset=5").await;
    assert_eq!(items(&page1).len(), 5);
    assert_eq!(page2["offset"], 5);
    assert_eq!(items(&all)[5], items(&page2)[0]);

    let (_, found) = get("/v1/articles?text=%22tear%20gas%22").await;
    assert!(items(&found).len() >= 2, "{found}");
    let (_, unique) = get("/v1/articles?unique=true").await;
    let (_, every) = get("/v1/articles").await;
    assert_eq!(
        items(&every).len(),
        items(&unique).len() + 2,
        "two copies in the corpus"
    );

    let (status, stories) = get("/v1/stories").await;
    assert_eq!(status, StatusCode::OK);
    assert!(items(&stories)
        .iter()
        .any(|s| s["num_copies"].as_i64() > s["num_articles"].as_i64()));

    let (_, actors) = get("/v1/actors?country=COG").await;
    assert!(items(&actors).iter().all(|a| a["country"] == "COG"));
    let (status, al) = get("/v1/alignments").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!items(&al).is_empty());
    assert!(items(&al).iter().all(|a| a["evidence"].is_array()), "{al}");

    // the server caps the page size
    let capped = app_with(
        Limits {
            max_rows: 3,
            ..Limits::default()
        },
        true,
    );
    let (_, body) = call(
        capped,
        Request::get("/v1/events?limit=100")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(items(&body).len(), 3);
    assert_eq!(body["limit"], 3);
}

#[tokio::test]
async fn records_actors_and_stats() {
    let (_, list) = get("/v1/articles?limit=1").await;
    let id = items(&list)[0]["article"].as_str().unwrap().to_string();
    let (status, record) = get(&format!("/v1/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(record["schema"], "newsgraph.article/1");
    assert_eq!(record["id"], id.as_str());
    assert!(record["text"].as_str().unwrap().len() > 200);

    let (status, body) = get("/v1/articles/no-such-article").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["status"], 404);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no-such-article"));

    let (status, au) = get("/v1/actors/african%20union").await;
    assert_eq!(status, StatusCode::OK, "{au}");
    assert!(!au["events"].as_array().unwrap().is_empty());
    assert!(au["entries"].as_array().unwrap().iter().all(|e| e["name"]
        .as_str()
        .unwrap()
        .eq_ignore_ascii_case("african union")));
    let (status, _) = get("/v1/actors/Nobody%20Atall").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, stats) = get("/v1/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["counts"]["articles"], 8);
    assert_eq!(stats["counts"]["duplicates"], 2);
    assert!(stats["events_by_root"]["14"].as_i64().unwrap() > 0);
}

fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header("content-type", content_type)
        .body(body.into())
        .unwrap()
}

#[tokio::test]
async fn extract_reads_text_html_and_json() {
    let text = "Dockers end strike at port\n\nMOMBASA, June 3 - Dock workers ended a \
        three-day strike on Monday after the port operator agreed to raise wages, the union said.\n";
    let (status, record) = call(
        app(),
        post(
            "/v1/extract?published=2025-06-03",
            "text/plain; charset=utf-8",
            text,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["text"], text);
    assert_eq!(record["meta"]["published"], "2025-06-03");
    assert!(!record["events"].as_array().unwrap().is_empty());

    let json = serde_json::json!({"id": "a-1", "text": text, "title": "Strike ends", "published": "2025-06-04"});
    let (status, record) = call(
        app(),
        post("/v1/extract", "application/json", json.to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["id"], "a-1");
    assert_eq!(record["meta"]["published"], "2025-06-04");

    let html = std::fs::read(root().join("examples/corpus/aid-agency.html")).unwrap();
    let (status, record) = call(app(), post("/v1/extract", "text/html", html)).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["source"]["format"], "html");
    assert!(record["meta"]["title"].as_str().is_some());

    // without a database, extraction still answers and the corpus does not
    let bare = app_with(Limits::default(), false);
    let (status, _) = call(bare.clone(), post("/v1/extract", "text/plain", text)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = call(
        bare,
        Request::get("/v1/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body["error"]["message"].as_str().unwrap().contains("--db"));
}

#[tokio::test]
async fn bad_requests_get_json_errors_with_their_status() {
    for (req, status, says) in [
        (
            Request::get("/v1/events?root=27")
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "root",
        ),
        (
            Request::get("/v1/events?from=yesterday")
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "YYYY-MM-DD",
        ),
        (
            Request::get("/v1/alignments?root=14")
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "does not apply",
        ),
        (
            Request::get("/v1/articles?text=%22open")
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "text",
        ),
        (
            Request::get("/v1/nothing").body(Body::empty()).unwrap(),
            StatusCode::NOT_FOUND,
            "openapi",
        ),
        (
            post("/v1/extract", "application/json", "{not json"),
            StatusCode::BAD_REQUEST,
            "JSON article",
        ),
        (
            post("/v1/extract", "application/json", "{\"id\": \"x\"}"),
            StatusCode::BAD_REQUEST,
            "neither",
        ),
        (
            post("/v1/extract", "application/pdf", "%PDF"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content type",
        ),
        (
            post("/v1/extract", "text/plain", "   \n  "),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty",
        ),
        (
            post("/v1/extract?published=soon", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "YYYY-MM-DD",
        ),
    ] {
        let uri = req.uri().to_string();
        let (got, body) = call(app(), req).await;
        assert_eq!(got, status, "{uri}: {body}");
        assert_eq!(body["error"]["status"], status.as_u16());
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(says), "{uri}: {message}");
    }
    // a body over the limit is refused before it is read whole
    let small = app_with(
        Limits {
            body_bytes: 1024,
            ..Limits::default()
        },
        true,
    );
    let res = small
        .oneshot(post("/v1/extract", "text/plain", "word ".repeat(1000)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body["error"]["status"], 413);
    // a parameter of the wrong type is answered in the same format
    let (status, body) = get("/v1/events?limit=many").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["error"]["message"].as_str().unwrap().contains("limit"),
        "{body}"
    );
}

/// The OpenAPI document describes the API that answers: every documented path answers (none
/// is missing), and every route is documented.
#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let (status, doc) = get("/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    let expected = [
        "/v1/actors",
        "/v1/actors/{name}",
        "/v1/alignments",
        "/v1/articles",
        "/v1/articles/{id}",
        "/v1/events",
        "/v1/extract",
        "/v1/stats",
        "/v1/stories",
    ];
    let mut sorted: Vec<&str> = paths.iter().map(|p| p.as_str()).collect();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
    for path in expected {
        let uri = path
            .replace("{name}", "African%20Union")
            .replace("{id}", "no-such-article");
        let req = if path == "/v1/extract" {
            post(
                &uri,
                "text/plain",
                "Rebels seized the town of Kalemie on Sunday, the army said.",
            )
        } else {
            Request::get(uri.as_str()).body(Body::empty()).unwrap()
        };
        let (status, body) = call(app(), req).await;
        let routed = status != StatusCode::NOT_FOUND
            || body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("no article");
        assert!(routed, "{path}: {status} {body}");
    }
}

/// The server on a real socket: bound to an ephemeral loopback port, answering HTTP/1.1.
#[test]
fn the_server_answers_over_tcp() {
    let state = Arc::new(AppState::new(pipeline(), Some(database()), Limits::default()).unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(newsgraph_serve::serve(
            state,
            "127.0.0.1:0".parse().unwrap(),
            move |addr| tx.send(addr).unwrap(),
        ))
        .unwrap();
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(addr.ip().is_loopback());
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("application/json"));
    assert!(response.contains("\"articles\":8"));
}

/// The page and its assets come from the binary, with a policy that forbids inline code.
#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    for (uri, content_type, holds) in [
        ("/", "text/html", "/assets/app.js"),
        ("/assets/app.js", "text/javascript", "/v1/"),
        ("/assets/app.css", "text/css", "{"),
        ("/assets/countries.json", "application/json", "\"iso3\""),
    ] {
        let res = app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        let headers = res.headers().clone();
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with(content_type),
            "{uri}"
        );
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        assert!(String::from_utf8_lossy(&body).contains(holds), "{uri}");
    }
    let (_, countries) = get("/assets/countries.json").await;
    let countries = countries.as_array().unwrap();
    assert!(countries.len() > 150);
    assert!(countries.iter().any(|c| c["iso3"] == "COG"));
    // the page has no inline script or style to allow
    let res = app()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let html = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let html = String::from_utf8_lossy(&html);
    assert!(!html.contains("<script>") && !html.contains(" style=") && !html.contains("onclick"));
}

/// Paging past SQLite's integers, and a one-digit code, are handled, not server errors.
#[tokio::test]
async fn extreme_paging_and_short_codes() {
    let (status, body) =
        get("/v1/events?offset=18446744073709551615&limit=18446744073709551615").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(items(&body).is_empty());
    let (status, body) = get("/v1/events?code=1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // a story matches an event filter by any of its events
    let (status, _) = get("/v1/stories?code=19&country=COG").await;
    assert_eq!(status, StatusCode::OK);
}
