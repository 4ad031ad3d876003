//! The index as a file (`search-index.bin`): compact, and read without a
//! parser library. Little-endian:
//!
//! ```text
//! "PYPLAYSI" 1                       magic, format version
//! u16 docs,  per doc:  str topic id, str snippet id ("" for the intro)
//! u32 terms, per term: str word, u16 postings, per posting: u16 doc, u8 title, u8 prose, u8 code
//! ```
//! where `str` is a u8 byte length and UTF-8.

use std::fmt;

use crate::{Doc, Index};

const MAGIC: &[u8] = b"PYPLAYSI\x01";

/// The bytes are not an index this build can read (truncated, another
/// format version, not UTF-8).
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged(&'static str);

impl fmt::Display for Damaged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "damaged search index: {}", self.0)
    }
}

impl std::error::Error for Damaged {}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.push(u8::try_from(s.len()).expect("ids and words are shorter than 256 bytes"));
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        if self.0.len() < n {
            return Err(Damaged("it ends early"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, Damaged> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, Damaged> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, Damaged> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn str(&mut self) -> Result<&'a str, Damaged> {
        let n = self.u8()?;
        std::str::from_utf8(self.take(n.into())?).map_err(|_| Damaged("a word is not UTF-8"))
    }
}

impl Index {
    /// The index as the file the app fetches.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let docs = u16::try_from(self.docs.len()).expect("fewer than 65536 documents");
        out.extend_from_slice(&docs.to_le_bytes());
        for doc in &self.docs {
            let (topic, snippet) = doc.and_then(Doc::get).expect("a built index names documents that exist");
            put_str(&mut out, topic.id);
            put_str(&mut out, snippet.map_or("", |s| s.id));
        }
        let terms = u32::try_from(self.terms.len()).expect("fewer than 2^32 words");
        out.extend_from_slice(&terms.to_le_bytes());
        for (word, postings) in &self.terms {
            put_str(&mut out, word);
            let n = u16::try_from(postings.len()).expect("a word is in fewer than 65536 documents");
            out.extend_from_slice(&n.to_le_bytes());
            for &(doc, title, prose, code) in postings {
                out.extend_from_slice(&doc.to_le_bytes());
                out.extend_from_slice(&[title, prose, code]);
            }
        }
        out
    }

    /// Reads [`Index::to_bytes`]' file. A document this build's lessons no
    /// longer have (an index from another build, cached) is kept as a gap
    /// that no search returns.
    ///
    /// # Errors
    /// [`Damaged`] if the bytes are not such a file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Damaged> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(Damaged("not a search index of this format"));
        }
        let docs = (0..r.u16()?)
            .map(|_| {
                let (topic_id, snippet_id) = (r.str()?, r.str()?);
                let found = pyplay_content::topics().enumerate().find(|(_, (_, t))| t.id == topic_id);
                Ok(found.and_then(|(ti, (_, topic))| {
                    if snippet_id.is_empty() {
                        return Some(Doc { topic: ti, snippet: None });
                    }
                    let si = topic.snippets.iter().position(|s| s.id == snippet_id)?;
                    Some(Doc { topic: ti, snippet: Some(si) })
                }))
            })
            .collect::<Result<Vec<_>, Damaged>>()?;
        let n_terms = r.u32()?;
        // Each term takes at least 3 bytes: a huge count is damage, not a reason to allocate.
        let mut terms = Vec::with_capacity((n_terms as usize).min(r.0.len() / 3));
        for _ in 0..n_terms {
            let word: Box<str> = r.str()?.into();
            let postings = (0..r.u16()?)
                .map(|_| {
                    let doc = r.u16()?;
                    if usize::from(doc) >= docs.len() {
                        return Err(Damaged("a posting names no document"));
                    }
                    Ok((doc, r.u8()?, r.u8()?, r.u8()?))
                })
                .collect::<Result<Vec<_>, Damaged>>()?;
            terms.push((word, postings));
        }
        if !r.0.is_empty() {
            return Err(Damaged("bytes after the last word"));
        }
        if !terms.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(Damaged("the words are not sorted"));
        }
        Ok(Self { docs, terms })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_as_the_index_it_was_written_from() {
        let index = Index::build();
        let bytes = index.to_bytes();
        let read = Index::from_bytes(&bytes).unwrap();
        assert_eq!(read, index);
        assert_eq!(
            read.search_in("生成器", pyplay_content::Lang::Zh),
            index.search_in("生成器", pyplay_content::Lang::Zh)
        );
    }

    #[test]
    fn damaged_bytes_are_refused_not_trusted() {
        let bytes = Index::build().to_bytes();
        assert!(Index::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Index::from_bytes(b"").is_err());
        assert!(Index::from_bytes(b"PYPLAYSI\x02").is_err(), "another format version");
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(Index::from_bytes(&extra), Err(Damaged("bytes after the last word")));
        // A count far beyond the data allocates nothing and fails.
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&[0, 0, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(Index::from_bytes(&huge), Err(Damaged("it ends early")));
    }

    #[test]
    fn documents_another_build_removed_are_gaps_that_no_search_returns() {
        // One document renamed, as an index cached from an older build would have it.
        let mut index = Index::build();
        let bytes = index.to_bytes();
        let mut r = Reader(&bytes[MAGIC.len()..]);
        for _ in 0..r.u16().unwrap() {
            r.str().unwrap(); // topic id
            r.str().unwrap(); // snippet id
        }
        let table = MAGIC.len()..bytes.len() - r.0.len();
        let mut old = bytes.clone();
        for at in table.filter(|&at| bytes[at..].starts_with(b"metaclasses")) {
            old[at] = b'X';
        }
        let read = Index::from_bytes(&old).unwrap();
        assert!(read.search("metaclasses").iter().all(|h| h.topic != "metaclasses"));
        assert!(!read.search("generator").is_empty());
        index.docs.iter_mut().for_each(|d| *d = None);
        assert!(index.search("generator").is_empty());
    }
}
