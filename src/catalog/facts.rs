//! Reading the catalog's facts for people: each limit with its source, the
//! state of each runtime on a given day, and how old each source is.
//! Plain functions, so the CLI and the window say the same thing and tests
//! can fix the clock.

use chrono::NaiveDate;

use super::{
    Catalog, CatalogDate, LimitField, Limits, Platform, Runtime, RuntimeState, Source, Status,
};

/// Sources older than this on an active platform draw a warning.
pub const STALE_AFTER_DAYS: i64 = 2 * 365;

/// One limit as shown to a person, with the source it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitLine<'a> {
    pub label: String,
    pub value: String,
    pub source: Option<&'a Source>,
}

/// A whole number with thousands separators: `30,000`.
pub fn grouped(value: f64) -> String {
    if !value.is_finite() {
        return "unknown".to_owned();
    }
    let rounded = (value * 1000.0).round() / 1000.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let fraction = rounded.abs().fract();
    if fraction > 0.0 {
        let text = format!("{fraction:.3}");
        out.push_str(text.trim_start_matches('0').trim_end_matches('0'));
    }
    if rounded < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Seconds: `900 s`.
pub fn seconds_label(value: f64) -> String {
    format!("{} s", grouped(value))
}

fn memory_range(limits: &Limits) -> Option<String> {
    match (limits.min_memory_mb, limits.max_memory_mb) {
        (Some(a), Some(b)) => Some(format!("{} – {} MB", grouped(a), grouped(b))),
        (None, Some(b)) => Some(format!("up to {} MB", grouped(b))),
        (Some(a), None) => Some(format!("from {} MB", grouped(a))),
        (None, None) => None,
    }
}

fn scoped(count: Option<u32>, scope: Option<super::LimitScope>) -> Option<String> {
    count.map(|c| match scope {
        Some(scope) => format!("{} {}", grouped(f64::from(c)), scope.label()),
        None => grouped(f64::from(c)),
    })
}

/// Every known limit of `platform`, in reading order; unknown limits are
/// left out (the caller says "not in the sources" where it lists fixed rows).
pub fn limit_lines<'a>(catalog: &Catalog, platform: &'a Platform) -> Vec<LimitLine<'a>> {
    let limits = &platform.limits;
    let mut lines = Vec::new();
    let mut push = |label: &str, value: Option<String>, field: LimitField| {
        if let Some(value) = value {
            lines.push(LimitLine {
                label: label.to_owned(),
                value,
                source: limits.source_of(field),
            });
        }
    };
    push(
        "Max timeout",
        limits.max_timeout_s.map(seconds_label),
        LimitField::MaxTimeout,
    );
    push(
        "Default timeout",
        limits.default_timeout_s.map(seconds_label),
        LimitField::DefaultTimeout,
    );
    let memory_field = if limits.max_memory_mb.is_some() {
        LimitField::MaxMemory
    } else {
        LimitField::MinMemory
    };
    push("Memory", memory_range(limits), memory_field);
    push(
        "Default concurrency",
        scoped(limits.default_concurrency, limits.concurrency_scope),
        LimitField::DefaultConcurrency,
    );
    push(
        "Max concurrency",
        scoped(limits.max_concurrency, limits.concurrency_scope),
        LimitField::MaxConcurrency,
    );
    push(
        "Shares concurrency with",
        limits.shares_concurrency_with.as_ref().map(|id| {
            catalog
                .platform(id)
                .map_or_else(|| id.clone(), |p| p.name.clone())
        }),
        LimitField::SharesConcurrency,
    );
    push(
        "Default instances",
        scoped(limits.default_instances, limits.instances_scope),
        LimitField::DefaultInstances,
    );
    push(
        "Max instances",
        scoped(limits.max_instances, limits.instances_scope),
        LimitField::MaxInstances,
    );
    push(
        "Requests per instance (default)",
        limits
            .default_instance_concurrency
            .map(|c| grouped(f64::from(c))),
        LimitField::DefaultInstanceConcurrency,
    );
    push(
        "Requests per instance (max)",
        limits
            .max_instance_concurrency
            .map(|c| grouped(f64::from(c))),
        LimitField::MaxInstanceConcurrency,
    );
    push(
        "Free plan cap",
        limits.free_plan_requests.as_ref().map(|cap| {
            format!(
                "{} requests per {} ({})",
                grouped(cap.requests as f64),
                cap.per.label(),
                cap.plan
            )
        }),
        LimitField::FreePlanRequests,
    );
    for timeout in &limits.timeouts {
        let mut value = seconds_label(timeout.max_s);
        if let Some(default) = timeout.default_s {
            value.push_str(&format!(", {} by default", seconds_label(default)));
        }
        lines.push(LimitLine {
            label: format!("Timeout, {}", timeout.invocation),
            value,
            source: Some(&timeout.source),
        });
    }
    for other in &limits.disagreements {
        let value = match other.field {
            LimitField::MaxTimeout | LimitField::DefaultTimeout => seconds_label(other.value),
            LimitField::MinMemory | LimitField::MaxMemory => {
                format!("{} MB", grouped(other.value))
            }
            _ => grouped(other.value),
        };
        let about = match &other.invocation {
            Some(kind) => format!("{} ({kind})", other.field.label()),
            None => other.field.label().to_owned(),
        };
        lines.push(LimitLine {
            label: format!("{about}, another page"),
            value: format!("{value}; not used: {}", other.not_used_because),
            source: Some(&other.source),
        });
    }
    lines
}

/// The platform whose concurrency `platform` draws on: itself, or the one
/// named by `shares_concurrency_with` (Lambda@Edge draws on the Region's
/// Lambda pool). Loading refuses chains, so one step is enough.
pub fn concurrency_pool<'a>(catalog: &'a Catalog, platform: &'a Platform) -> &'a Platform {
    platform
        .limits
        .shares_concurrency_with
        .as_deref()
        .and_then(|id| catalog.platform(id))
        .unwrap_or(platform)
}

/// A runtime's name with its state on `today` when it is not plainly supported:
/// `Python 3.10 (deprecated since 2026-10-31)`.
pub fn runtime_label(runtime: &Runtime, today: NaiveDate) -> String {
    match runtime.state_on(today) {
        RuntimeState::Supported => match runtime.deprecated.or(runtime.end_of_support) {
            Some(date) => format!("{} (supported until {})", runtime.name, date.label()),
            None => runtime.name.clone(),
        },
        RuntimeState::Deprecated => match runtime.deprecated {
            Some(date) => format!("{} (deprecated since {})", runtime.name, date.label()),
            None => format!("{} (deprecated)", runtime.name),
        },
        RuntimeState::EndOfSupport => match runtime.end_of_support {
            Some(date) => format!("{} (end of support {})", runtime.name, date.label()),
            None => format!("{} (end of support)", runtime.name),
        },
    }
}

/// How old a source is, in words: `3 months`, `2 years`. `None` when the
/// source has no date.
pub fn age_label(source: &Source, today: NaiveDate) -> Option<String> {
    let days = source.age_days(today)?;
    Some(if days < 0 {
        "dated in the future".to_owned()
    } else if days < 31 {
        plural(days, "day")
    } else if days < 365 {
        plural(days / 30, "month")
    } else {
        plural(days / 365, "year")
    })
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The oldest and newest `as_of` across the catalog's sources and price sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOfRange {
    pub oldest: CatalogDate,
    pub newest: CatalogDate,
    /// Sources (and price sheets) that carry a date.
    pub dated: usize,
    /// Sources without one.
    pub undated: usize,
}

/// Every source in the catalog, with the entry id that cites it.
pub fn all_sources(catalog: &Catalog) -> Vec<(&str, &Source)> {
    let mut out: Vec<(&str, &Source)> = Vec::new();
    for p in &catalog.platforms {
        out.extend(p.all_sources().map(|s| (p.id.as_str(), s)));
    }
    for f in &catalog.frameworks {
        out.extend(f.sources.iter().map(|s| (f.id.as_str(), s)));
    }
    for s in &catalog.services {
        out.extend(s.sources.iter().map(|x| (s.id.as_str(), x)));
    }
    for t in &catalog.triggers {
        out.extend(t.sources.iter().map(|s| (t.id.as_str(), s)));
    }
    for sheet in &catalog.price_sheets {
        out.extend(sheet.sources.iter().map(|s| (sheet.id.as_str(), s)));
    }
    out
}

/// The catalog's oldest and newest `as_of`, from dated sources and every
/// price sheet; `None` when nothing is dated.
pub fn as_of_range(catalog: &Catalog) -> Option<AsOfRange> {
    let sources = all_sources(catalog);
    let dates: Vec<CatalogDate> = sources
        .iter()
        .filter_map(|(_, s)| s.as_of)
        .chain(catalog.price_sheets.iter().map(|sheet| sheet.as_of))
        .collect();
    let undated = sources.iter().filter(|(_, s)| s.as_of.is_none()).count();
    Some(AsOfRange {
        oldest: *dates.iter().min()?,
        newest: *dates.iter().max()?,
        dated: dates.len(),
        undated,
    })
}

/// A source on an active platform older than [`STALE_AFTER_DAYS`].
#[derive(Debug, Clone, PartialEq)]
pub struct StaleSource<'a> {
    pub platform: &'a Platform,
    pub source: &'a Source,
    pub age_days: i64,
}

/// Sources the app relies on for active platforms that are more than two
/// years old on `today`, oldest first, each once per platform. Pages kept
/// only as a disagreeing value are left out: nothing rests on them.
pub fn stale_sources(catalog: &Catalog, today: NaiveDate) -> Vec<StaleSource<'_>> {
    let mut stale: Vec<StaleSource<'_>> = Vec::new();
    for p in catalog
        .platforms
        .iter()
        .filter(|p| p.status == Status::Active)
    {
        let mut seen = std::collections::BTreeSet::new();
        for source in p.relied_on_sources() {
            let Some(age_days) = source.age_days(today) else {
                continue;
            };
            if age_days > STALE_AFTER_DAYS && seen.insert((&source.title, source.as_of)) {
                stale.push(StaleSource {
                    platform: p,
                    source,
                    age_days,
                });
            }
        }
    }
    stale.sort_by(|a, b| {
        b.age_days
            .cmp(&a.age_days)
            .then_with(|| a.platform.id.cmp(&b.platform.id))
    });
    stale
}

/// Today's date on this machine, for the edges (CLI, window); the rules above
/// take the date as an argument so tests can fix it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
