//! The spec's content hash for the generated header. It is git's blob id,
//! so `git hash-object` reproduces it and `git log --find-object=<id>` finds
//! the docs revision that holds the same text.

use crate::Source;

/// `Source` has already folded CRLF to LF, so a CRLF checkout gives the same
/// id (and output) as an LF one.
pub(crate) fn spec_blob_id(source: &Source) -> String {
    git_blob_id(source.text().as_bytes())
}

/// What `git hash-object` prints for these bytes: git's id for a file with
/// this content. The corpus pins files by it too.
pub fn git_blob_id(bytes: &[u8]) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
    hasher.update(bytes);
    hasher.digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::spec_blob_id;
    use crate::Source;

    fn id(text: &str) -> String {
        spec_blob_id(&Source::new("x.md", text))
    }

    #[test]
    fn matches_git_hash_object() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(id("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
        assert_eq!(id("a\r\nb\r\n"), id("a\nb\n"));
    }
}
