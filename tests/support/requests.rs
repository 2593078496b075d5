//! Concrete requests for documented paths, shared by the allocation test and
//! the router bench.

/// The documented path with its parameters filled with a status id and its
/// query dropped: `/api/v1/statuses/:id` → `/api/v1/statuses/109404970108594430`.
pub fn concrete_path(documented: &str) -> String {
    let path = documented.split('?').next().unwrap_or_default();
    let segments: Vec<&str> = path
        .split('/')
        .map(|segment| {
            if segment.starts_with(':') {
                "109404970108594430"
            } else {
                segment
            }
        })
        .collect();
    segments.join("/")
}
