//! Searching, filtering and sorting platforms, as the explorer does it.
//! Plain functions so the rules are tested without a window.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Catalog, Platform, PlatformKind, Status};

/// The explorer's filters; `None` or empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlatformFilter {
    /// Words that must all appear in the name, id, vendor or description.
    pub search: String,
    pub kind: Option<PlatformKind>,
    /// Statuses to show; empty shows every status.
    pub statuses: BTreeSet<Status>,
    pub vendor: Option<String>,
    /// A trigger taxonomy id the platform must support.
    pub trigger: Option<String>,
    /// Text a runtime entry must contain ("python", "go").
    pub runtime: Option<String>,
}

impl PlatformFilter {
    pub fn is_empty(&self) -> bool {
        self.search.trim().is_empty()
            && self.kind.is_none()
            && self.statuses.is_empty()
            && self.vendor.is_none()
            && self.trigger.is_none()
            && self.runtime.is_none()
    }

    pub fn matches(&self, platform: &Platform) -> bool {
        if self.kind.is_some_and(|kind| platform.kind != kind) {
            return false;
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&platform.status) {
            return false;
        }
        if self
            .vendor
            .as_ref()
            .is_some_and(|vendor| &platform.vendor != vendor)
        {
            return false;
        }
        if self
            .trigger
            .as_ref()
            .is_some_and(|trigger| !platform.supports_trigger(trigger))
        {
            return false;
        }
        if let Some(runtime) = &self.runtime {
            let wanted = runtime.to_lowercase();
            if !platform
                .runtimes
                .iter()
                .any(|r| r.name.to_lowercase().contains(&wanted))
            {
                return false;
            }
        }
        let haystack = format!(
            "{} {} {} {} {}",
            platform.name, platform.id, platform.vendor, platform.provider, platform.description
        )
        .to_lowercase();
        self.search
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }
}

/// Columns the platform list sorts by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortColumn {
    #[default]
    Name,
    Vendor,
    Kind,
    Status,
    FirstSeen,
    Triggers,
}

impl SortColumn {
    pub const ALL: [SortColumn; 6] = [
        SortColumn::Name,
        SortColumn::Vendor,
        SortColumn::Kind,
        SortColumn::Status,
        SortColumn::FirstSeen,
        SortColumn::Triggers,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Name => "Name",
            SortColumn::Vendor => "Vendor",
            SortColumn::Kind => "Kind",
            SortColumn::Status => "Status",
            SortColumn::FirstSeen => "Since",
            SortColumn::Triggers => "Triggers",
        }
    }
}

fn compare(a: &Platform, b: &Platform, column: SortColumn) -> Ordering {
    let by_name = || a.name.to_lowercase().cmp(&b.name.to_lowercase());
    match column {
        SortColumn::Name => by_name(),
        SortColumn::Vendor => a.vendor.to_lowercase().cmp(&b.vendor.to_lowercase()),
        SortColumn::Kind => a.kind.cmp(&b.kind),
        SortColumn::Status => a.status.cmp(&b.status),
        // Unknown dates sort last.
        SortColumn::FirstSeen => match (a.dates.first(), b.dates.first()) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortColumn::Triggers => distinct_triggers(a).cmp(&distinct_triggers(b)),
    }
    .then_with(by_name)
}

/// How many taxonomy kinds a platform supports.
pub fn distinct_triggers(platform: &Platform) -> usize {
    platform
        .triggers
        .iter()
        .map(|t| t.trigger.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

/// The platforms that pass `filter`, sorted.
pub fn platforms<'a>(
    catalog: &'a Catalog,
    filter: &PlatformFilter,
    column: SortColumn,
    ascending: bool,
) -> Vec<&'a Platform> {
    let mut list: Vec<&Platform> = catalog
        .platforms
        .iter()
        .filter(|p| filter.matches(p))
        .collect();
    list.sort_by(|a, b| {
        let order = compare(a, b, column);
        if ascending { order } else { order.reverse() }
    });
    list
}

/// Distinct vendors, sorted, for the vendor filter.
pub fn vendors(catalog: &Catalog) -> Vec<&str> {
    let set: BTreeSet<&str> = catalog
        .platforms
        .iter()
        .map(|p| p.vendor.as_str())
        .collect();
    set.into_iter().collect()
}

/// Language names that appear in runtimes, for the runtime filter.
pub const RUNTIME_LANGUAGES: [&str; 12] = [
    "Node",
    "Python",
    "Java",
    "Go",
    ".NET",
    "Ruby",
    "PHP",
    "Rust",
    "Swift",
    "PowerShell",
    "WebAssembly",
    "Container",
];
