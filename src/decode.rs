/*!
Bytes to text: the first stage.

Order of decisions, most certain first:
1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides;
2. valid UTF-8 is UTF-8;
3. UTF-8 with a handful of broken sequences (a truncated download) stays UTF-8, with a warning;
4. a charset declared in an HTML `<meta>` is used;
5. otherwise chardetng guesses. Chinese legacy text is GBK/GB18030 or Big5; when the guess is
   some other legacy encoding (windows-1252 for very short inputs, say), GB18030 is used instead
   if it decodes cleanly, because an undeclared legacy file given to a Chinese summariser is far
   more likely mainland Chinese than Western European.

GBK is decoded with the GB18030 decoder (a superset, and what encoding_rs does for the `gbk`
label anyway). Binary input (NUL bytes, many control bytes) is refused before decoding.
*/

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_8};

use crate::error::Error;

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `"UTF-8"`, `"GB18030"`, `"Big5"`.
    pub encoding: &'static str,
    /// True when the encoding was guessed from the bytes (no BOM, not valid UTF-8, no
    /// declaration), so a warning can say so.
    pub guessed: bool,
    /// How many byte sequences could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// Above this share of replacement characters the decoded text is garbage, and we say so
/// instead of summarising it.
const MAX_BAD_RATIO: f32 = 0.05;

/// Decodes `bytes` as described in the module docs.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], false);
    }
    check_binary(bytes)?;
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: UTF_8.name(),
            guessed: false,
            replaced: 0,
        });
    }
    // Mostly valid UTF-8: a cut-off multi-byte sequence or a stray byte must not send an
    // otherwise fine UTF-8 file down the legacy path (where every character would be wrong).
    let (lossy, _) = UTF_8.decode_without_bom_handling(bytes);
    let bad = count_replacements(&lossy);
    if bad * 1000 <= lossy.chars().count().max(1000) && utf8_multibyte_share(bytes) > 0.9 {
        return Ok(Decoded {
            text: lossy.into_owned(),
            encoding: UTF_8.name(),
            guessed: true,
            replaced: bad,
        });
    }
    if let Some(enc) = declared_charset(bytes) {
        if enc != UTF_8 {
            return finish(enc, bytes, false);
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let enc = if guess == GBK || guess == GB18030 {
        GB18030
    } else if guess == BIG5 {
        BIG5
    } else {
        let (_, had_errors) = GB18030.decode_without_bom_handling(bytes);
        if had_errors {
            guess
        } else {
            GB18030
        }
    };
    finish(enc, bytes, true)
}

fn finish(enc: &'static Encoding, bytes: &[u8], guessed: bool) -> Result<Decoded, Error> {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let replaced = count_replacements(&text);
    let chars = text.chars().count();
    if chars == 0 {
        return Err(Error::Empty);
    }
    let ratio = replaced as f32 / chars as f32;
    if ratio > MAX_BAD_RATIO {
        return Err(Error::Decode {
            encoding: enc.name(),
            bad_ratio: ratio,
        });
    }
    let text = text.into_owned();
    if enc != UTF_8 {
        // UTF-16 input may still hold NULs or other binary junk once decoded.
        if let Some(offset) = text.find('\0') {
            return Err(Error::Binary { offset });
        }
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        guessed,
        replaced,
    })
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// Share of bytes ≥ 0x80 that sit in well-formed UTF-8 sequences.
fn utf8_multibyte_share(bytes: &[u8]) -> f32 {
    let mut good = 0usize;
    let mut high = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0x80).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                good += valid.iter().filter(|b| **b >= 0x80).count();
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                high += after[..skip.min(after.len())]
                    .iter()
                    .filter(|b| **b >= 0x80)
                    .count();
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    let total = good + high;
    if total == 0 {
        1.0
    } else {
        good as f32 / total as f32
    }
}

/// Refuses bytes that are not text: any NUL byte, or more than 1 % C0 control bytes (other
/// than tab, newline, carriage return, form feed and escape) in the first 64 KiB.
fn check_binary(bytes: &[u8]) -> Result<(), Error> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { offset });
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let mut first = None;
    let mut n = 0usize;
    for (i, &b) in head.iter().enumerate() {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B) {
            n += 1;
            first.get_or_insert(i);
        }
    }
    match first {
        Some(offset) if n * 100 > head.len() => Err(Error::Binary { offset }),
        _ => Ok(()),
    }
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv … content="…charset=…">` in the
/// first 4 KiB, when it is a label encoding_rs knows.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            return Some(enc);
        }
        from = i.max(from + pos + 1);
    }
    None
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    // "中文摘要" in several encodings, as inline bytes next to the expected text.
    const GBK: &[u8] = b"\xd6\xd0\xce\xc4\xd5\xaa\xd2\xaa";
    const BIG5: &[u8] = b"\xa4\xa4\xa4\xe5\xba\x4b\xad\x6e";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("中文摘要".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            ("中文摘要", "UTF-8", false)
        );
        let d = decode(b"\xef\xbb\xbf\xe4\xb8\xad").unwrap();
        assert_eq!(d.text, "中");
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode(b"\xff\xfe\x2d\x4e\x87\x65").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中文", "UTF-16LE"));
        let d = decode(b"\xfe\xff\x4e\x2d\x65\x87").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中文", "UTF-16BE"));
    }

    #[test]
    fn short_gbk_falls_back_to_gb18030() {
        let d = decode(GBK).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            ("中文摘要", "gb18030", true)
        );
    }

    #[test]
    fn big5_is_detected_on_real_text() {
        let text = "本報訊：臺北市政府今日公布新的防疫措施，要求所有民眾在公共場所配戴口罩。\
                    市長表示，這些措施將持續到月底，並視疫情發展調整。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "Big5"));
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let mut html = b"<html><head><meta charset=\"big5\"></head><body>".to_vec();
        html.extend_from_slice(BIG5);
        let d = decode(&html).unwrap();
        assert!(d.text.ends_with("中文摘要"), "help: got {:?}", d.text);
        assert!(!d.guessed);
    }

    #[test]
    fn mostly_utf8_stays_utf8() {
        let mut b = "新区生产生活加快恢复正常运行。".repeat(10).into_bytes();
        b.push(0xe4); // a cut-off character at the end
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced, 1);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), Error::Empty);
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            Error::Binary { offset: 4 }
        );
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8]).unwrap_err(),
            Error::Binary { .. }
        ));
    }
}
