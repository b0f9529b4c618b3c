/*!
Errors for everything that can be wrong with an input document or with the options.

Every error has a stable [`ErrorKind`] whose [`ErrorKind::as_str`] is what the JavaScript edge puts
in `error.code` and what scripts can match on; the `Display` text is a sentence for people that
says what was wrong and what to do about it.
*/

use std::fmt;

/// A stable, machine-readable error category. The strings never change once released.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input has no bytes, or only white space.
    Empty,
    /// The input looks like a binary file (NUL bytes or control characters), not text.
    Binary,
    /// The input is larger than [`crate::Options::max_bytes`].
    TooLarge,
    /// The input is a format tiyao does not read (yet), such as PDF or DOCX.
    UnsupportedFormat,
    /// The bytes could not be decoded as text in any encoding tiyao knows.
    Decode,
    /// The document was read, but no Chinese sentences were left to summarise.
    NoText,
    /// An option has a value out of range, or an unknown option was given.
    InvalidOption,
}

impl ErrorKind {
    /// The stable name of this kind, e.g. `"too_large"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::Decode => "decode",
            ErrorKind::NoText => "no_text",
            ErrorKind::InvalidOption => "invalid_option",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a document could not be summarised.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// No bytes, or only white space.
    Empty,
    /// A NUL byte or too many control characters: a binary file.
    Binary {
        /// Byte offset of the first NUL or control byte found.
        offset: usize,
    },
    /// Larger than the configured limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes ([`crate::Options::max_bytes`]).
        limit: usize,
    },
    /// A format that is recognised but not read.
    UnsupportedFormat {
        /// What the bytes look like, e.g. `"PDF"`.
        format: &'static str,
    },
    /// Too much of the input failed to decode in the chosen encoding.
    Decode {
        /// The encoding that was tried last.
        encoding: &'static str,
        /// Share of the decoded characters that were replacement characters, 0..1.
        bad_ratio: f32,
    },
    /// Nothing summarisable was left after extraction and cleaning.
    NoText,
    /// An option value is out of range or unknown.
    InvalidOption {
        /// The option's name as the caller spelled it.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// The stable category of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Empty => ErrorKind::Empty,
            Error::Binary { .. } => ErrorKind::Binary,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::UnsupportedFormat { .. } => ErrorKind::UnsupportedFormat,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::NoText => ErrorKind::NoText,
            Error::InvalidOption { .. } => ErrorKind::InvalidOption,
        }
    }

    pub(crate) fn invalid_option(name: &str, reason: impl Into<String>) -> Error {
        Error::InvalidOption {
            name: name.to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "the document is empty: there is no text to summarise"),
            Error::Binary { offset } => write!(
                f,
                "this looks like a binary file, not text (control byte at offset {offset}); \
                 open it in its program and save it as .txt or .html"
            ),
            Error::TooLarge { size, limit } => write!(
                f,
                "the document is {} MB, more than the limit of {} MB; split it into parts",
                mb(*size),
                mb(*limit)
            ),
            Error::UnsupportedFormat { format } => write!(
                f,
                "{format} files are not supported yet; save or export the document as .txt or .html"
            ),
            Error::Decode {
                encoding,
                bad_ratio,
            } => write!(
                f,
                "the text could not be decoded ({:.0}% of characters invalid as {encoding}); \
                 save the file as UTF-8 and try again",
                bad_ratio * 100.0
            ),
            Error::NoText => write!(
                f,
                "no Chinese sentences were found to summarise (only navigation, \
                 boilerplate or very short lines); check that this is the right file"
            ),
            Error::InvalidOption { name, reason } => write!(f, "invalid option `{name}`: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

fn mb(bytes: usize) -> String {
    let v = bytes as f64 / (1024.0 * 1024.0);
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stable_strings() {
        assert_eq!(Error::Empty.kind().as_str(), "empty");
        assert_eq!(
            Error::TooLarge { size: 1, limit: 0 }.kind().as_str(),
            "too_large"
        );
        assert_eq!(
            Error::UnsupportedFormat { format: "PDF" }
                .kind()
                .to_string(),
            "unsupported_format"
        );
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = Error::TooLarge {
            size: 80 * 1024 * 1024,
            limit: 64 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "the document is 80 MB, more than the limit of 64 MB; split it into parts"
        );
        assert!(Error::Binary { offset: 3 }
            .to_string()
            .contains("save it as .txt"));
    }
}
