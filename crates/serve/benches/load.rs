//! Load on loopback: requests/s and latency percentiles of `GET /v1/events` and
//! `POST /v1/extract`, with several keep-alive HTTP/1.1 clients against the real server.
//!
//! `cargo bench -p newsgraph-serve --bench load [-- SECONDS CLIENTS]` (default 5 s, 8 clients
//! an endpoint). The database is the bundled example corpus's wire stories.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsgraph_ingest::{Input, InputFormat};
use newsgraph_pipeline::Pipeline;
use newsgraph_serve::{AppState, Limits};
use newsgraph_store::{Prepared, Store};

const ARTICLE: &str = "Dockers end strike at Mombasa port\n\nMOMBASA, June 3 - Dock workers \
    ended a three-day strike on Monday after the port operator agreed to raise wages by 12 \
    percent, the union said. Police had arrested 14 strikers on Saturday after clashes at the \
    main gate in which six people were injured, a hospital official said.\n\nThe Kenya Ports \
    Authority said ships had begun to unload again and that the backlog would be cleared \
    within a week.\n";

/// One keep-alive connection sending a request and reading its response.
struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Client {
    fn new(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        Client {
            reader: BufReader::new(stream.try_clone().expect("clone")),
            writer: stream,
        }
    }

    /// Sends one request and reads the whole response; returns its status.
    fn send(&mut self, request: &[u8]) -> u16 {
        self.writer.write_all(request).expect("write");
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let mut length = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("header");
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().expect("a length");
                }
            }
        }
        let mut body = vec![0u8; length];
        self.reader.read_exact(&mut body).expect("body");
        status
    }
}

fn database(dir: &Path, pipeline: &Pipeline) -> std::path::PathBuf {
    let path = dir.join("load.db");
    let mut store = Store::open(&path).expect("database");
    let wire = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/wire.jsonl");
    let input =
        Input::open(wire.to_str().expect("a UTF-8 path"), InputFormat::Auto).expect("corpus");
    let mut batch: Vec<Prepared> = input
        .map(|raw| {
            let doc = pipeline
                .analyze(raw.expect("an article"))
                .expect("analysis");
            Prepared::new(newsgraph_doc::Record::from_document(
                &doc,
                Default::default(),
            ))
            .expect("record")
        })
        .collect();
    store.write_batch(&mut batch).expect("write");
    store.recount_stories().expect("stories");
    path
}

fn run(addr: SocketAddr, name: &str, request: Vec<u8>, clients: usize, seconds: u64) {
    let request = Arc::new(request);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|_| {
            let request = Arc::clone(&request);
            std::thread::spawn(move || {
                let mut client = Client::new(addr);
                let mut latencies = Vec::new();
                let mut errors = 0u64;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    if client.send(&request) != 200 {
                        errors += 1;
                    }
                    latencies.push(t.elapsed());
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all: Vec<Duration> = Vec::new();
    let mut errors = 0;
    for h in handles {
        let (l, e) = h.join().expect("a client");
        all.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    println!(
        "{name:<24} {clients} clients: {:>8.0} requests/s   p50 {:>7.2} ms   p99 {:>7.2} ms   ({} requests, {errors} errors)",
        all.len() as f64 / elapsed,
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        all.len()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; numbers after it are ours
    let numbers: Vec<u64> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let seconds = numbers.first().copied().unwrap_or(5);
    let clients = numbers.get(1).copied().unwrap_or(8) as usize;

    let pipeline = Arc::new(Pipeline::standard().expect("the engine's data"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = database(dir.path(), &pipeline);
    let state = Arc::new(AppState::new(pipeline, Some(&db), Limits::default()).expect("state"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        rt.block_on(newsgraph_serve::serve(
            state,
            "127.0.0.1:0".parse().expect("an address"),
            move |addr| tx.send(addr).expect("the address"),
        ))
        .expect("the server");
    });
    let addr = rx.recv().expect("the server's address");
    let events = b"GET /v1/events?limit=50 HTTP/1.1\r\nHost: localhost\r\n\r\n".to_vec();
    let mut extract = format!(
        "POST /v1/extract?published=2025-06-03 HTTP/1.1\r\nHost: localhost\r\n\
         Content-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        ARTICLE.len()
    )
    .into_bytes();
    extract.extend_from_slice(ARTICLE.as_bytes());
    println!("newsgraph serve on {addr}, {seconds} s an endpoint");
    run(addr, "GET /v1/events?limit=50", events, clients, seconds);
    run(addr, "POST /v1/extract", extract, clients, seconds);
}
