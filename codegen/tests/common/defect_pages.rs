//! The fixture method pages, optionally with one docs defect, and where and
//! how its lint reports it: shared by the lint tests of the library and of
//! the command line.

use std::path::PathBuf;

/// The 2024 defect of `admin/domain_blocks.md`, made in `statuses.md`: no
/// comma after the `"error"` line of a 422 example.
const BROKEN_FROM: &str =
    "  \"error\": \"Validation failed: Someone else's post cannot be pinned\"\n";
const BROKEN_TO: &str =
    "  \"error\": \"Validation failed: Someone else's post cannot be pinned\"\n  \"details\": {}\n";

/// Where the defect is, as the lint reports it from the folder `methods`.
pub const AT: &str = "methods/statuses.md:84:3";
pub const MESSAGE: &str =
    "the JSON example of a 422 response is not valid JSON: expected `,` or `}` at line 3 column 3";
pub const OUTCOME: &str = "read its `error` from the broken example: `422 Validation failed: Someone else's post cannot be pinned`";

/// A fresh folder `lints/NAME` holding `error.md` and `methods/` (two
/// pages), with the defect if `broken`.
pub fn pages(name: &str, broken: bool) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("lints")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for page in ["statuses.md", "admin/filters.md"] {
        let mut text = super::fixture(&format!("methods/{page}")).text().to_owned();
        if broken && page == "statuses.md" {
            assert_eq!(text.matches(BROKEN_FROM).count(), 1);
            text = text.replace(BROKEN_FROM, BROKEN_TO);
        }
        let path = dir.join("methods").join(page);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write page");
    }
    std::fs::write(
        dir.join("error.md"),
        super::fixture("seed-000-current.md").text(),
    )
    .expect("write the Error page");
    dir
}
