//! The open enums of the entities: a value the docs list is never
//! `Undocumented`, so equality, hashing and `match` see it one way only.

use std::collections::HashSet;

use mastodon_error::entities::{NotificationType, StatusVisibility};

#[test]
fn a_listed_value_always_reads_as_its_variant() {
    for visibility in StatusVisibility::DOCUMENTED {
        let read = StatusVisibility::from(visibility.as_str());
        assert_eq!(&read, visibility);
        assert!(!matches!(read, StatusVisibility::Undocumented(_)));
        let json = serde_json::to_string(visibility).expect("serializes");
        let back: StatusVisibility = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(&back, visibility);
    }
    for kind in NotificationType::DOCUMENTED {
        assert_eq!(&NotificationType::from(kind.as_str()), kind);
    }
}

#[test]
fn an_unlisted_value_is_kept_and_equal_only_to_itself() {
    let local: StatusVisibility = serde_json::from_str("\"local\"").expect("deserializes");
    let StatusVisibility::Undocumented(value) = &local else {
        panic!("`local` is no listed value: {local:?}");
    };
    assert_eq!(value.as_str(), "local");
    assert_eq!(
        serde_json::to_string(&local).expect("serializes"),
        "\"local\""
    );
    assert_ne!(local, StatusVisibility::Public);
    // One value, one entry: a listed value cannot hide as `Undocumented`.
    let set: HashSet<StatusVisibility> = ["public", "local", "public", "local"]
        .into_iter()
        .map(StatusVisibility::from)
        .collect();
    assert_eq!(set.len(), 2);
}
