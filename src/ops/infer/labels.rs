//! Group labels as ties: a Google contact label or a vCard category (both become tags on
//! import) that a handful of people share is a club, a team, a family; one that says how
//! the owner knows someone ("friends", "clients") or that hundreds share is not.

/// Labels that sort contacts by their tie to the owner, not by a group they are in
/// together: two of the owner's clients need not have met. Compared after the tag's own
/// normalisation (lower case, single spaces).
const NOT_GROUPS: &[&str] = &[
    "friends",
    "friend",
    "close friends",
    "close-friends",
    "best friends",
    "acquaintances",
    "acquaintance",
    "network",
    "networking",
    "contacts",
    "my contacts",
    "mycontacts",
    "other",
    "others",
    "other contacts",
    "imported",
    "starred",
    "favorites",
    "favourites",
    "important",
    "vip",
    "business",
    "work",
    "clients",
    "customers",
    "leads",
    "prospects",
    "vendors",
    "suppliers",
    "recruiters",
    "linkedin",
    "google",
    "icloud",
    "outlook",
    "phone",
    "sim",
];

/// Whether a tag can be read as a group whose members know each other.
pub fn is_group(tag: &str) -> bool {
    !NOT_GROUPS.contains(&tag) && !tag.starts_with("imported ")
}
