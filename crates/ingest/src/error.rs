//! Input errors and warnings. Each names the input (file, and line for JSONL) and what is wrong.

use std::fmt;
use std::io;

use thiserror::Error;

/// Where an article came from, for messages: a path, `path:line`, or `<stdin>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file, or `<stdin>`.
    pub name: String,
    /// 1-based line for JSONL records.
    pub line: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// An input that cannot be read, or a record that must be skipped.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The path.
        path: String,
    },
    /// The path is a directory.
    #[error("{path}: is a directory (extract reads files; pass the files inside it)")]
    IsDirectory {
        /// The path.
        path: String,
    },
    /// Reading failed.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// The input.
        origin: Origin,
        /// The cause.
        source: io::Error,
    },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("{origin}: malformed JSONL record: {message}")]
    Json {
        /// The file and line.
        origin: Origin,
        /// What serde_json said.
        message: String,
    },
    /// A JSONL record has no text.
    #[error("{origin}: the record has no \"text\" field{hint}")]
    NoText {
        /// The file and line.
        origin: Origin,
        /// A hint when an "html" field is there instead.
        hint: &'static str,
    },
    /// The article has no text at all.
    #[error("{origin}: empty article (no text besides whitespace)")]
    Empty {
        /// The input.
        origin: Origin,
    },
    /// The article is larger than the engine takes.
    #[error("{origin}: article of {len} bytes is larger than the {max}-byte limit")]
    TooLarge {
        /// The input.
        origin: Origin,
        /// Its size.
        len: u64,
        /// The limit.
        max: u64,
    },
    /// A web page holds no article.
    #[error("{origin}: {message}")]
    NoArticle {
        /// The page (`archive.warc@offset` for a WARC record).
        origin: Origin,
        /// Why.
        message: String,
    },
    /// A WARC record is truncated or corrupt; the reader goes on to the next.
    #[error("{origin}: {message}")]
    Warc {
        /// The archive.
        origin: Origin,
        /// What is wrong, with the record's byte offset.
        message: String,
    },
    /// The input holds binary data, not text.
    #[error("{origin}: binary data, not text (NUL byte at offset {offset})")]
    Binary {
        /// The input.
        origin: Origin,
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

impl InputError {
    /// Where the problem is: the path, or the file with its line or byte offset.
    pub fn location(&self) -> String {
        match self {
            InputError::NotFound { path } | InputError::IsDirectory { path } => path.clone(),
            InputError::Io { origin, .. }
            | InputError::Json { origin, .. }
            | InputError::NoText { origin, .. }
            | InputError::Empty { origin }
            | InputError::TooLarge { origin, .. }
            | InputError::NoArticle { origin, .. }
            | InputError::Warc { origin, .. }
            | InputError::Binary { origin, .. } => origin.to_string(),
        }
    }

    /// What is wrong, without the location.
    pub fn reason(&self) -> String {
        let whole = self.to_string();
        let location = self.location();
        whole
            .strip_prefix(location.as_str())
            .and_then(|r| r.strip_prefix(": "))
            .map(str::to_string)
            .unwrap_or(whole)
    }

    /// True when the whole input could not be opened (as opposed to one bad record in it).
    pub fn is_whole_input(&self) -> bool {
        matches!(
            self,
            InputError::NotFound { .. } | InputError::IsDirectory { .. }
        )
    }
}

/// Something wrong with an input that did not stop it from being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The input.
    pub origin: Origin,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}
