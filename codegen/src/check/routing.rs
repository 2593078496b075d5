//! What routes a request to its endpoint: a documented path's segments.

/// The documented path without its query: `/api/v1/timelines/link?url=:url` → `/api/v1/timelines/link`.
pub(crate) fn route_path(path: &str) -> &str {
    path.split('?').next().unwrap_or(path)
}

/// The segments of a documented path without its query, as the router
/// matches them (an empty one is a docs defect the caller reports).
pub(crate) fn path_segments(path: &str) -> Vec<&str> {
    let path = route_path(path);
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

/// What routes a path: its segments, `None` for a `:parameter`.
pub(crate) fn route<'p>(segments: &[&'p str]) -> Vec<Option<&'p str>> {
    segments
        .iter()
        .map(|s| (!s.starts_with(':')).then_some(*s))
        .collect()
}
