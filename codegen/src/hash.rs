//! The spec's content hash for the generated header. It is git's blob id,
//! so `git hash-object` reproduces it and `git log --find-object=<id>` finds
//! the docs revision that holds the same text.

use crate::source::Source;

/// `Source` has already folded CRLF to LF, so a CRLF checkout gives the same
/// id (and output) as an LF one.
pub(crate) fn spec_blob_id(source: &Source) -> String {
    git_blob_id(source.text().as_bytes())
}

/// What `git hash-object` prints for these bytes: git's id for a file with
/// this content. The corpus pins files by it too.
pub fn git_blob_id(bytes: &[u8]) -> String {
    hex(&object_digest("blob", bytes))
}

#[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
/// Git's tree id for `files` (paths relative to the tree, `/`-separated, with
/// their bytes), as `git rev-parse <commit>:<dir>` prints it when they are an
/// exact checkout (regular, non-executable files).
pub(crate) fn git_tree_id(files: &[(String, Vec<u8>)]) -> String {
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    hex(&tree_digest(&files))
}

#[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
fn tree_digest(files: &[(&str, &[u8])]) -> [u8; 20] {
    let mut folders: std::collections::BTreeMap<&str, Vec<(&str, &[u8])>> = Default::default();
    // (sort key, mode, name, id): git orders a tree as if each folder's name ended in `/`.
    let mut entries: Vec<(String, &str, &str, [u8; 20])> = Vec::new();
    for &(path, bytes) in files {
        match path.split_once('/') {
            Some((folder, rest)) => folders.entry(folder).or_default().push((rest, bytes)),
            None => entries.push((
                path.to_owned(),
                "100644",
                path,
                object_digest("blob", bytes),
            )),
        }
    }
    for (folder, files) in &folders {
        entries.push((format!("{folder}/"), "40000", folder, tree_digest(files)));
    }
    entries.sort();
    let mut body = Vec::new();
    for (_, mode, name, id) in &entries {
        body.extend_from_slice(format!("{mode} {name}\0").as_bytes());
        body.extend_from_slice(id);
    }
    object_digest("tree", &body)
}

fn hex(digest: &[u8; 20]) -> String {
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Git's object id: SHA-1 over `<kind> <length>\0<content>`.
fn object_digest(kind: &str, content: &[u8]) -> [u8; 20] {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(format!("{kind} {}\0", content.len()).as_bytes());
    hasher.update(content);
    hasher.digest().bytes()
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

    #[test]
    #[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
    fn tree_ids_match_git() {
        // A repository of these four files: `git rev-parse HEAD:` prints this id.
        // `sub.md/` sorts between `sub-x.md` and `sub/` only if folders sort with their `/`.
        let files = [
            ("a.md", "hello\n"),
            ("sub-x.md", "z\n"),
            ("sub.md/c", "y\n"),
            ("sub/b.md", "x\n"),
        ]
        .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()));
        assert_eq!(
            super::git_tree_id(&files),
            "8c5b2443ea3a4ec176d2c622799ba5f1ac62e0ce"
        );
    }
}
