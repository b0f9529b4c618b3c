/*!
The one options struct shared by the library, the CLI and the JavaScript edge.

JavaScript passes a plain object in camelCase (`{ sentences: 5, maxChars: 200 }`), which is
deserialised into this same struct; an unknown key is an error rather than silently ignored, so a
typo such as `{ sentence: 5 }` does not quietly give the default.
*/

use serde::Deserialize;

use crate::error::Error;

/// How long the summary is and what else is computed.
///
/// Length: `sentences`, `ratio` and `max_chars` are caps; every one that is set applies and the
/// tightest wins. When none is set the summary has [`Options::DEFAULT_SENTENCES`] sentences.
///
/// ```
/// use tiyao::Options;
/// assert_eq!(Options::default(), Options::builder().build());
/// let o = Options::builder().sentences(5).max_chars(300).keywords(8).build();
/// assert_eq!((o.sentences, o.max_chars, o.keywords), (Some(5), Some(300), 8));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// At most this many summary sentences. Defaults to `None` (3 when no other cap is set).
    pub sentences: Option<usize>,
    /// At most this share (0 < ratio ≤ 1) of the document's sentences, rounded up.
    /// Defaults to `None`.
    pub ratio: Option<f32>,
    /// At most this many characters (Unicode scalar values) in all summary sentences together.
    /// The best sentences that fit are taken; a sentence is never cut. Defaults to `None`.
    pub max_chars: Option<usize>,
    /// How many keywords to return. Defaults to 10.
    pub keywords: usize,
    /// Whether to compute keyphrases (adjacent keywords that recur as one unit) and let them
    /// stand in the keyword list. Defaults to `true`.
    pub keyphrases: bool,
    /// Inputs larger than this many bytes are refused with
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge). Defaults to 64 MiB.
    pub max_bytes: usize,
}

impl Options {
    /// The summary length when no cap is given: three sentences, the usual length of a news
    /// lead and what the evaluation's "top-3" setting measures.
    pub const DEFAULT_SENTENCES: usize = 3;

    /// A builder starting from the defaults.
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder {
            options: Options::default(),
        }
    }

    /// Checks that every value is in range.
    pub fn validate(&self) -> Result<(), Error> {
        if self.sentences == Some(0) {
            return Err(Error::invalid_option("sentences", "must be at least 1"));
        }
        if let Some(r) = self.ratio {
            if !(r > 0.0 && r <= 1.0) {
                return Err(Error::invalid_option(
                    "ratio",
                    format!("must be in (0, 1], got {r}"),
                ));
            }
        }
        if self.max_chars == Some(0) {
            return Err(Error::invalid_option("maxChars", "must be at least 1"));
        }
        if self.keywords > 200 {
            return Err(Error::invalid_option("keywords", "must be at most 200"));
        }
        if self.max_bytes == 0 {
            return Err(Error::invalid_option("maxBytes", "must be at least 1"));
        }
        Ok(())
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sentences: None,
            ratio: None,
            max_chars: None,
            keywords: 10,
            keyphrases: true,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Builds [`Options`]; every method sets one field, see the field docs for meaning and default.
#[derive(Clone, Debug)]
pub struct OptionsBuilder {
    options: Options,
}

impl OptionsBuilder {
    /// See [`Options::sentences`].
    pub fn sentences(mut self, n: usize) -> Self {
        self.options.sentences = Some(n);
        self
    }
    /// See [`Options::ratio`].
    pub fn ratio(mut self, r: f32) -> Self {
        self.options.ratio = Some(r);
        self
    }
    /// See [`Options::max_chars`].
    pub fn max_chars(mut self, n: usize) -> Self {
        self.options.max_chars = Some(n);
        self
    }
    /// See [`Options::keywords`].
    pub fn keywords(mut self, n: usize) -> Self {
        self.options.keywords = n;
        self
    }
    /// See [`Options::keyphrases`].
    pub fn keyphrases(mut self, on: bool) -> Self {
        self.options.keyphrases = on;
        self
    }
    /// See [`Options::max_bytes`].
    pub fn max_bytes(mut self, n: usize) -> Self {
        self.options.max_bytes = n;
        self
    }
    /// The finished options (not yet validated; [`crate::summarize`] validates).
    pub fn build(self) -> Options {
        self.options
    }
}
