//! Bytes to text, in the encodings address-book exports are written in: UTF-8 with or
//! without a byte-order mark, UTF-16 (Excel's "Unicode text") when it has its BOM, and
//! Windows-1252, what Outlook and Excel write in the West, when the bytes are not UTF-8.
//! `encoding_rs` (the decoder Firefox uses) does the decoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text and the name of the encoding it was read in ("UTF-8", "UTF-16LE", ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a file. `None` for what is no text at all (neither UTF-8 nor UTF-16, and
/// holding NUL bytes: an image, an archive), which no guess should turn into a contact
/// list.
pub fn decode(bytes: &[u8]) -> Option<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Some(with(encoding, &bytes[bom..]));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        });
    }
    // Windows-1252 gives every byte a character, so it would "read" an image too.
    if bytes.contains(&0) {
        return None;
    }
    Some(with(WINDOWS_1252, bytes))
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf8_and_the_windows_fallback() {
        let d = decode(b"\xef\xbb\xbfname\nZo\xc3\xab\n").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("name\nZoë\n", "UTF-8"));
        let d = decode(b"name\nZo\xeb\n").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("name\nZoë\n", "windows-1252")
        );
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Zoë");
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), None);
        // A stray NUL in a UTF-8 file is no reason to refuse the file.
        assert_eq!(decode(b"name\nAda\0\n").unwrap().encoding, "UTF-8");
    }
}
