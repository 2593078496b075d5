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

/// Git's tree id for the files below `dir`, as `git rev-parse <commit>:<dir>`
/// prints it when the folder is an exact checkout (files as regular, non-executable blobs).
pub(crate) fn git_tree_id(dir: &std::path::Path) -> std::io::Result<String> {
    let mut entries: Vec<(Vec<u8>, bool, [u8; 20])> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry
            .file_name()
            .to_string_lossy()
            .into_owned()
            .into_bytes();
        let is_dir = path.is_dir();
        let id = if is_dir {
            git_tree_id(&path)?
        } else {
            git_blob_id(&std::fs::read(&path)?)
        };
        entries.push((name, is_dir, hex_to_bytes(&id)));
    }
    // Git orders a tree as if each folder's name ended in `/`.
    entries.sort_by(|a, b| {
        let key = |(name, is_dir, _): &(Vec<u8>, bool, [u8; 20])| {
            let mut key = name.clone();
            if *is_dir {
                key.push(b'/');
            }
            key
        };
        key(a).cmp(&key(b))
    });
    let mut body = Vec::new();
    for (name, is_dir, id) in &entries {
        body.extend_from_slice(if *is_dir { b"40000 " } else { b"100644 " });
        body.extend_from_slice(name);
        body.push(0);
        body.extend_from_slice(id);
    }
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(format!("tree {}\0", body.len()).as_bytes());
    hasher.update(&body);
    Ok(hasher.digest().to_string())
}

fn hex_to_bytes(hex: &str) -> [u8; 20] {
    let mut bytes = [0; 20];
    for (index, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[index * 2..index * 2 + 2], 16).unwrap_or(0);
    }
    bytes
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
