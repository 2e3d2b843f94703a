//! The newsgraph engine as a Python extension module, `newsgraph._native`.
//!
//! maturin builds this crate into an abi3 wheel (`pyproject.toml` at the repository root); the
//! Python package `newsgraph` (`python/newsgraph/`) re-exports what is defined here and adds
//! the Spark job. A [`Pipeline`] loads the lexicons once; every call that reads or analyses
//! articles releases the GIL while the Rust code runs, so Python threads, and the Python
//! workers of a Spark executor, analyse in parallel. Errors are the CLI's: the same input
//! checks, with the same messages, raised as `newsgraph.InputError` (a bad input) or
//! `newsgraph.NewsgraphError` (anything else).

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use newsgraph_doc::{Record, RecordOptions, SCHEMA_VERSION};
use newsgraph_ingest::{Input, InputFormat, RawArticle};
use newsgraph_pipeline::Pipeline as Engine;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;

create_exception!(
    newsgraph,
    NewsgraphError,
    PyException,
    "An error of the newsgraph engine; its message is the one the CLI prints."
);
create_exception!(
    newsgraph,
    InputError,
    NewsgraphError,
    "An input that cannot be read or an article that must be skipped (empty, too large, \
     malformed), named as the CLI names it."
);

/// What went wrong with one article, before it reaches Python.
enum Failure {
    /// The input was unreadable or the article unusable.
    Input(String),
    /// The engine failed on it.
    Engine(String),
}

impl Failure {
    fn into_py(self) -> PyErr {
        match self {
            Failure::Input(m) => InputError::new_err(m),
            Failure::Engine(m) => NewsgraphError::new_err(m),
        }
    }

    fn message(&self) -> &str {
        match self {
            Failure::Input(m) | Failure::Engine(m) => m,
        }
    }
}

/// One article handed over by Python.
struct Item {
    text: String,
    published: Option<NaiveDate>,
    url: Option<String>,
    id: Option<String>,
    title: Option<String>,
    format: InputFormat,
}

impl Item {
    /// Reads the article as the CLI reads a file of its format, then applies what the caller
    /// gave: the id, URL and title given win; `published` is used when the input gives none.
    fn into_raw(self) -> Result<RawArticle, Failure> {
        let name = self.id.clone().unwrap_or_else(|| "<text>".to_string());
        let format = match self.format {
            InputFormat::Auto if looks_like_html(&self.text) => InputFormat::Html,
            InputFormat::Auto => InputFormat::Text,
            other => other,
        };
        let bytes = Cursor::new(self.text.into_bytes());
        let mut input =
            Input::from_reader(&name, bytes, format).map_err(|e| Failure::Input(e.to_string()))?;
        let mut raw = match input.next() {
            Some(Ok(raw)) => raw,
            Some(Err(e)) => return Err(Failure::Input(e.to_string())),
            None => return Err(Failure::Input(format!("{name}: the article is empty"))),
        };
        if let Some(id) = self.id {
            raw.id = id;
        }
        if self.url.is_some() {
            raw.url = self.url;
        }
        if self.title.is_some() {
            raw.title = self.title;
        }
        if raw.published.is_none() {
            raw.published = self.published;
        }
        Ok(raw)
    }
}

/// A page rather than plain text: its first non-blank character opens a tag.
fn looks_like_html(text: &str) -> bool {
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
}

/// `YYYY-MM-DD`, or a `datetime.date` / `datetime.datetime` (anything with `isoformat()`).
fn published_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if let Ok(s) = value.cast::<PyString>() {
        s.extract::<String>()?
    } else if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "published must be a YYYY-MM-DD string or a datetime.date, not {}",
            value.get_type().name()?
        )));
    };
    newsgraph_ingest::parse_date(&text)
        .filter(|_| text.len() == 10 || value.cast::<PyString>().is_err())
        .map(Some)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "{text:?} is not a valid date: use YYYY-MM-DD, e.g. 2024-03-01"
            ))
        })
}

fn format_arg(format: &str) -> PyResult<InputFormat> {
    Ok(match format {
        "auto" => InputFormat::Auto,
        "text" => InputFormat::Text,
        "html" => InputFormat::Html,
        "jsonl" => InputFormat::Jsonl,
        "warc" => InputFormat::Warc,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be one of auto, text, html, jsonl, warc, not {other:?}"
            )))
        }
    })
}

/// Python's `json.loads`, looked up once.
fn json_loads(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
        })
        .map(|f| f.bind(py))
}

/// Turns a record's JSON into a `dict` (json.loads is C code: faster than building the
/// objects one by one from Rust).
fn to_dict(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    Ok(json_loads(py)?.call1((json,))?.unbind())
}

/// The engine, its lexicons loaded once: build one per process and reuse it.
///
/// ```python
/// import newsgraph
/// pipeline = newsgraph.Pipeline()
/// record = pipeline.extract("Police arrested 12 protesters in Lagos on Monday.",
///                           published="2024-05-06")
/// ```
#[pyclass(frozen, module = "newsgraph")]
struct Pipeline {
    engine: Arc<Engine>,
    options: RecordOptions,
}

/// Analyses one article into its record's JSON (no GIL needed); a failure is named as the CLI
/// names it, by the article's origin.
///
/// A panic in the engine (a bug: it must not happen on any input) becomes a failure of this
/// article alone, so that one bad article never takes a Spark task or a batch down with it.
fn analyze(engine: &Engine, options: RecordOptions, raw: RawArticle) -> Result<String, Failure> {
    let origin = raw.origin.to_string();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = engine
            .analyze(raw)
            .map_err(|e| Failure::Engine(format!("{origin}: {e}")))?;
        serde_json::to_string(&Record::from_document(&doc, options))
            .map_err(|e| Failure::Engine(format!("{origin}: cannot write the record: {e}")))
    }));
    run.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Failure::Engine(format!(
            "{origin}: internal error in the engine (please report it): {what}"
        )))
    })
}

impl Pipeline {
    fn run(&self, item: Item) -> Result<String, Failure> {
        analyze(&self.engine, self.options, item.into_raw()?)
    }

    fn item(
        text: String,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        id: Option<String>,
        title: Option<String>,
        format: &str,
    ) -> PyResult<Item> {
        Ok(Item {
            text,
            published: published_arg(published)?,
            url,
            id,
            title,
            format: format_arg(format)?,
        })
    }

    /// An element of `extract_many`'s list: a text, or a dict with `text` (or `html`) and the
    /// optional `published`, `url`, `id`, `title`, `format`.
    fn list_item(value: &Bound<'_, PyAny>, default: Option<NaiveDate>) -> PyResult<Item> {
        if let Ok(s) = value.cast::<PyString>() {
            return Ok(Item {
                text: s.extract::<String>()?,
                published: default,
                url: None,
                id: None,
                title: None,
                format: InputFormat::Auto,
            });
        }
        let Ok(dict) = value.cast::<PyDict>() else {
            return Err(PyTypeError::new_err(format!(
                "an article is a str or a dict with \"text\", not {}",
                value.get_type().name()?
            )));
        };
        let string = |key: &str| -> PyResult<Option<String>> {
            match dict.get_item(key)? {
                Some(v) if !v.is_none() => Ok(Some(v.extract::<String>().map_err(|_| {
                    PyTypeError::new_err(format!("the article's {key:?} must be a str"))
                })?)),
                _ => Ok(None),
            }
        };
        let (text, format) = match (string("text")?, string("html")?) {
            (Some(text), _) => (
                text,
                format_arg(string("format")?.as_deref().unwrap_or("auto"))?,
            ),
            (None, Some(html)) => (html, InputFormat::Html),
            (None, None) => {
                return Err(PyValueError::new_err(
                    "an article dict needs a \"text\" (or \"html\") field",
                ))
            }
        };
        let published = published_arg(dict.get_item("published")?.as_ref())?.or(default);
        Ok(Item {
            text,
            published,
            url: string("url")?,
            id: string("id")?,
            title: string("title")?,
            format,
        })
    }
}

#[pymethods]
impl Pipeline {
    /// Loads the engine: the built-in lexicons, extended by user actor dictionaries (our TSV,
    /// or PETRARCH `.actors` / `.agents` files) and PETRARCH-2 verb dictionaries, as the CLI's
    /// `--actors` and `--verbs` do. `tokens=True` adds the tokens to each record.
    #[new]
    #[pyo3(signature = (*, actors = Vec::new(), verbs = Vec::new(), tokens = false, validate = false))]
    fn new(
        py: Python<'_>,
        actors: Vec<PathBuf>,
        verbs: Vec<PathBuf>,
        tokens: bool,
        validate: bool,
    ) -> PyResult<Self> {
        let engine = py
            .detach(|| {
                let actors: Vec<&std::path::Path> = actors.iter().map(|p| p.as_path()).collect();
                let verbs: Vec<&std::path::Path> = verbs.iter().map(|p| p.as_path()).collect();
                Engine::standard_with(&actors, &verbs)
            })
            .map_err(|e| {
                NewsgraphError::new_err(format!("loading the engine's data files: {e}"))
            })?;
        Ok(Pipeline {
            engine: Arc::new(engine.with_validation(validate)),
            options: RecordOptions { tokens },
        })
    }

    /// Analyses one article (plain text, or a web page when it starts with a tag) into its
    /// record, a dict of the `newsgraph.article/1` schema. `published` (`YYYY-MM-DD` or a
    /// date) is used when the input gives no date; relative dates resolve against it.
    #[pyo3(signature = (text, published = None, url = None, id = None, *, title = None, format = "auto"))]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of the Python method
    fn extract(
        &self,
        py: Python<'_>,
        text: String,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        id: Option<String>,
        title: Option<String>,
        format: &str,
    ) -> PyResult<Py<PyAny>> {
        let json = self.extract_json(py, text, published, url, id, title, format)?;
        to_dict(py, &json)
    }

    /// As `extract`, but the record as a JSON string (exactly the line `newsgraph extract
    /// --format jsonl` writes).
    #[pyo3(signature = (text, published = None, url = None, id = None, *, title = None, format = "auto"))]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of the Python method
    fn extract_json(
        &self,
        py: Python<'_>,
        text: String,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        id: Option<String>,
        title: Option<String>,
        format: &str,
    ) -> PyResult<String> {
        let item = Self::item(text, published, url, id, title, format)?;
        py.detach(|| self.run(item)).map_err(Failure::into_py)
    }

    /// Analyses a list of articles in parallel on all cores and returns their records in
    /// order. Each element is a str or a dict (`text` or `html`, and optional `published`,
    /// `url`, `id`, `title`, `format`). On a bad article, `errors="raise"` raises (naming the
    /// article's position) and `errors="none"` puts `None` in its place.
    #[pyo3(signature = (articles, published = None, *, as_json = false, errors = "raise"))]
    fn extract_many(
        &self,
        py: Python<'_>,
        articles: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        as_json: bool,
        errors: &str,
    ) -> PyResult<Py<PyList>> {
        let raise = match errors {
            "raise" => true,
            "none" => false,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"raise\" or \"none\", not {other:?}"
                )))
            }
        };
        if articles.is_instance_of::<PyString>() || articles.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "extract_many takes a list of articles, not one text: use extract",
            ));
        }
        let default = published_arg(published)?;
        let items = articles
            .try_iter()?
            .enumerate()
            .map(|(i, v)| {
                Self::list_item(&v?, default).map_err(|e| {
                    let kind = e.get_type(py);
                    PyErr::from_type(kind, format!("article {i}: {}", e.value(py)))
                })
            })
            .collect::<PyResult<Vec<Item>>>()?;
        let results: Vec<Result<String, Failure>> =
            py.detach(|| items.into_par_iter().map(|item| self.run(item)).collect());
        let out = PyList::empty(py);
        for (i, result) in results.into_iter().enumerate() {
            match result {
                Ok(json) if as_json => out.append(json)?,
                Ok(json) => out.append(to_dict(py, &json)?)?,
                Err(e) if raise => {
                    let message = format!("article {i}: {}", e.message());
                    return Err(match e {
                        Failure::Input(_) => InputError::new_err(message),
                        Failure::Engine(_) => NewsgraphError::new_err(message),
                    });
                }
                Err(_) => out.append(py.None())?,
            }
        }
        Ok(out.unbind())
    }

    /// Streams the records of one input file, as `newsgraph extract FILE` reads it: plain
    /// text, JSON Lines (`.jsonl`, `.jsonl.gz`, `.ndjson`), a web page (`.html`) or a WARC
    /// archive (`.warc`, `.warc.gz`). A file that cannot be opened raises `InputError` now;
    /// a bad record inside it is skipped and its message kept in the iterator's `errors`.
    #[pyo3(signature = (path, published = None, *, format = "auto", as_json = false))]
    fn read(
        &self,
        path: PathBuf,
        published: Option<&Bound<'_, PyAny>>,
        format: &str,
        as_json: bool,
    ) -> PyResult<Records> {
        let path = path.to_string_lossy();
        let input = Input::open(&path, format_arg(format)?)
            .map_err(|e| InputError::new_err(e.to_string()))?;
        Ok(Records {
            engine: Arc::clone(&self.engine),
            options: self.options,
            published: published_arg(published)?,
            as_json,
            input: Mutex::new(Some(input)),
            log: Mutex::new(Log::default()),
        })
    }

    /// The stages, in the order they run.
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        self.engine.stage_names()
    }

    fn __repr__(&self) -> String {
        format!("Pipeline(stages={:?})", self.engine.stage_names())
    }
}

/// What a [`Records`] stream met besides records.
#[derive(Default)]
struct Log {
    errors: Vec<String>,
    warnings: Vec<String>,
    summary: Option<String>,
}

/// The records of one input file, one at a time (an iterator of dicts, or of JSON strings
/// with `as_json=True`). Bad records are skipped: `errors` lists their messages.
#[pyclass(frozen, module = "newsgraph")]
struct Records {
    engine: Arc<Engine>,
    options: RecordOptions,
    published: Option<NaiveDate>,
    as_json: bool,
    /// `None` once the input is read to its end.
    input: Mutex<Option<Input>>,
    log: Mutex<Log>,
}

impl Records {
    /// Reads and analyses until one record is made or the input ends.
    fn step(&self) -> Option<String> {
        let mut guard = self.input.lock().unwrap_or_else(|e| e.into_inner());
        let input = guard.as_mut()?;
        loop {
            match input.next() {
                None => {
                    let summary = input.summary();
                    *guard = None;
                    self.log_mut(|l| l.summary = summary);
                    return None;
                }
                Some(Err(e)) => self.log_mut(|l| l.errors.push(e.to_string())),
                Some(Ok(mut raw)) => {
                    if !raw.warnings.is_empty() {
                        let warnings = raw.warnings.drain(..).map(|w| w.to_string());
                        self.log_mut(|l| l.warnings.extend(warnings));
                    }
                    if raw.published.is_none() {
                        raw.published = self.published;
                    }
                    // the log stays readable while the article is analysed
                    match analyze(&self.engine, self.options, raw) {
                        Ok(json) => return Some(json),
                        Err(e) => self.log_mut(|l| l.errors.push(e.message().to_string())),
                    }
                }
            }
        }
    }

    fn log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        f(&self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn log_mut(&self, f: impl FnOnce(&mut Log)) {
        f(&mut self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let Some(json) = py.detach(|| self.step()) else {
            return Ok(None);
        };
        if self.as_json {
            Ok(Some(PyString::new(py, &json).into_any().unbind()))
        } else {
            to_dict(py, &json).map(Some)
        }
    }

    /// The messages of the records skipped so far, as the CLI prints them.
    #[getter]
    fn errors(&self) -> Vec<String> {
        self.log(|l| l.errors.clone())
    }

    /// How many records were skipped so far.
    #[getter]
    fn skipped(&self) -> usize {
        self.log(|l| l.errors.len())
    }

    /// What was mended on the way (invalid UTF-8 decoded lossily, with its byte offset).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.log(|l| l.warnings.clone())
    }

    /// Once read to the end: what a WARC archive held besides pages, when anything.
    #[getter]
    fn summary(&self) -> Option<String> {
        self.log(|l| l.summary.clone())
    }
}

/// The module `newsgraph._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Pipeline>()?;
    m.add_class::<Records>()?;
    m.add("NewsgraphError", py.get_type::<NewsgraphError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("SCHEMA", SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
