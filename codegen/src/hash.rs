//! The spec's content hash for the generated header. It is git's blob id,
//! so `git hash-object` reproduces it and `git log --find-object=<id>` finds
//! the docs revision that holds the same text.

/// Line endings are folded first, as every other stage does, so a CRLF
/// checkout gives the same id (and output) as an LF one.
pub(crate) fn git_blob_id(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(format!("blob {}\0", text.len()).as_bytes());
    hasher.update(text.as_bytes());
    hasher.digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::git_blob_id;

    #[test]
    fn matches_git_hash_object() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            git_blob_id("hello\n"),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
        assert_eq!(git_blob_id("a\r\nb\r\n"), git_blob_id("a\nb\n"));
    }
}
