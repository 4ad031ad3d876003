//! Share links: a snippet's code, deflated (raw, no zlib header) and
//! base64url-encoded, travels in the URL fragment as `?code=…`, so nothing
//! reaches a server and the link works on any static host.

use pyplay_content::ui::Ui;

/// A decoded link larger than this is refused: a tiny fragment can inflate
/// to gigabytes, and no lesson-sized snippet comes near it.
pub const MAX_CODE_BYTES: usize = 1 << 20;

/// Why a `code=` value could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    NotBase64,
    NotDeflate,
    TooLarge,
    NotUtf8,
}

impl ShareError {
    /// What went wrong, for the reader.
    #[must_use]
    pub fn message(&self, ui: &'static Ui) -> &'static str {
        match self {
            Self::NotBase64 | Self::NotDeflate => ui.share_damaged,
            Self::TooLarge => ui.share_too_large,
            Self::NotUtf8 => ui.share_not_text,
        }
    }
}

/// The `code=` value for `code`.
#[must_use]
pub fn encode(code: &str) -> String {
    base64url(&miniz_oxide::deflate::compress_to_vec(code.as_bytes(), 9))
}

/// The code a `code=` value carries.
pub fn decode(value: &str) -> Result<String, ShareError> {
    let bytes = unbase64url(value.trim()).ok_or(ShareError::NotBase64)?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_CODE_BYTES).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::NotDeflate
        }
    })?;
    String::from_utf8(raw).map_err(|_| ShareError::NotUtf8)
}

/// The fragment of a share link to `path` (`scratch`, `topic/snippet`).
#[must_use]
pub fn fragment(path: &str, code: &str) -> String {
    format!("#/{path}?code={}", encode(code))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a fragment as is.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    // Padding or the standard alphabet may come from a hand-edited link.
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            // A `+` arrives as a space after form decoding.
            b'-' | b'+' | b' ' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A single leftover character cannot encode a byte.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(code: &str) {
        let value = encode(code);
        assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{value}");
        assert_eq!(decode(&value).as_deref(), Ok(code));
    }

    #[test]
    fn code_survives_a_round_trip() {
        round_trip("print('hello')\n");
        round_trip("");
        round_trip("s = 'héllo wörld ✓ 日本語 🐍'\nprint(s[::-1])\n");
        round_trip("\t\r\n  \0");
        for n in 0..10 {
            round_trip(&"x".repeat(n));
        }
    }

    #[test]
    fn a_20_kb_snippet_round_trips_and_shrinks() {
        let code: String = (0..700).map(|i| format!("value_{i} = {i} * {i}  # square\n")).collect();
        assert!(code.len() > 20_000);
        let value = encode(&code);
        assert!(value.len() < code.len() / 3, "{} bytes", value.len());
        round_trip(&code);
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(plain.as_bytes()), coded);
            assert_eq!(unbase64url(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(unbase64url("+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
    }

    #[test]
    fn corrupt_links_give_a_message_not_a_panic() {
        assert_eq!(decode("not base64!"), Err(ShareError::NotBase64));
        assert_eq!(decode("A"), Err(ShareError::NotBase64));
        let good = encode("print('a fairly long line so the stream has some body to it')");
        assert_eq!(decode(&good[..good.len() / 2]), Err(ShareError::NotDeflate));
        assert_eq!(decode("____"), Err(ShareError::NotDeflate));
        // Deflate of bytes that are not UTF-8.
        assert_eq!(
            decode(&base64url(&miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 6))),
            Err(ShareError::NotUtf8)
        );
        for e in [ShareError::NotBase64, ShareError::NotDeflate, ShareError::TooLarge, ShareError::NotUtf8] {
            assert!(e.message(&pyplay_content::ui::EN).starts_with("This share link"));
            assert!(e.message(&pyplay_content::ui::ZH).starts_with("这个分享链接"));
        }
    }

    #[test]
    fn a_bomb_is_refused() {
        let huge = "a".repeat(MAX_CODE_BYTES + 1);
        assert_eq!(decode(&encode(&huge)), Err(ShareError::TooLarge));
    }

    #[test]
    fn fragments_and_params() {
        let f = fragment("scratch", "print(1)");
        assert!(f.starts_with("#/scratch?code="));
        let code = crate::route::Fragment::parse(&f).param("code").map(str::to_string);
        assert_eq!(decode(&code.unwrap()).as_deref(), Ok("print(1)"));
    }
}
