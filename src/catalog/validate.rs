//! Cross-reference and sanity checks run on every catalog load.
//!
//! Each problem names the file, the entry and what is wrong, with the line of
//! the entry's `id` where it can be found, so a user editing prices in their
//! own catalog directory can go straight to the mistake.

use std::collections::BTreeMap;

use super::load::{CatalogError, CatalogFiles, SourceFile, line_of_id};
use super::price_sheet::{CpuRule, MemoryRule, PriceSheet, Subject, Term};
use super::source::{Anchor, line_of, shown_id};
use super::{Catalog, CatalogDate, LimitField, Platform};

struct Checker<'a> {
    catalog: &'a Catalog,
    problems: Vec<CatalogError>,
}

impl Checker<'_> {
    fn dangling(
        &mut self,
        file: &SourceFile,
        entry: &str,
        field: &str,
        missing: &str,
        expected_in: &str,
    ) {
        self.problems.push(CatalogError::Dangling {
            file: file.name.clone(),
            line: line_of_id(&file.text, entry),
            entry: entry.to_owned(),
            field: field.to_owned(),
            missing: missing.to_owned(),
            expected_in: expected_in.to_owned(),
        });
    }

    /// A problem at a known line (a field's, not the entry's).
    fn invalid_at(&mut self, file: &SourceFile, entry: &str, line: Option<usize>, message: String) {
        self.problems.push(CatalogError::Invalid {
            file: file.name.clone(),
            line: line.or_else(|| line_of_id(&file.text, entry)),
            entry: entry.to_owned(),
            message,
        });
    }

    fn invalid(&mut self, file: &SourceFile, entry: &str, message: String) {
        self.problems.push(CatalogError::Invalid {
            file: file.name.clone(),
            line: line_of_id(&file.text, entry),
            entry: entry.to_owned(),
            message,
        });
    }
}

/// A platform's limits: every value positive and sourced, defaults within
/// their maximums, and each disagreement about a value the entry holds.
fn check_limits(check: &mut Checker<'_>, file: &SourceFile, platform: &Platform) {
    let limits = &platform.limits;
    for field in LimitField::ALL {
        if let Some(value) = limits.number(field)
            && !(value.is_finite() && value > 0.0)
        {
            check.invalid(
                file,
                &platform.id,
                format!(
                    "limit {} must be above zero (got {value}); leave it out when unknown",
                    field.key()
                ),
            );
        }
    }
    for field in limits.unsourced() {
        check.invalid(
            file,
            &platform.id,
            format!("limit {} names no source in limits.sources", field.key()),
        );
    }
    for (default, max) in [
        (LimitField::DefaultTimeout, LimitField::MaxTimeout),
        (LimitField::DefaultConcurrency, LimitField::MaxConcurrency),
        (LimitField::DefaultInstances, LimitField::MaxInstances),
        (
            LimitField::DefaultInstanceConcurrency,
            LimitField::MaxInstanceConcurrency,
        ),
    ] {
        if let (Some(low), Some(high)) = (limits.number(default), limits.number(max))
            && low > high
        {
            check.invalid(
                file,
                &platform.id,
                format!("{} {low} is above {} {high}", default.key(), max.key()),
            );
        }
    }
    if let Some(pool) = &limits.shares_concurrency_with {
        match check.catalog.platform(pool) {
            None => check.dangling(
                file,
                &platform.id,
                "shares_concurrency_with",
                pool,
                "platforms.ron",
            ),
            // One step only, so a pool is always found without loops.
            Some(target) if target.limits.shares_concurrency_with.is_some() => check.invalid(
                file,
                &platform.id,
                format!(
                    "shares_concurrency_with `{pool}`, which itself shares another platform's pool"
                ),
            ),
            Some(_) => {}
        }
    }
    for timeout in &limits.timeouts {
        let bad_default = timeout
            .default_s
            .is_some_and(|d| !(d.is_finite() && d > 0.0 && d <= timeout.max_s));
        if !(timeout.max_s.is_finite() && timeout.max_s > 0.0) || bad_default {
            check.invalid(
                file,
                &platform.id,
                format!(
                    "timeout for {:?} needs a max_s above zero and a default_s within it",
                    timeout.invocation
                ),
            );
        }
    }
    for disagreement in &limits.disagreements {
        let about_a_kind = disagreement
            .invocation
            .as_ref()
            .map(|kind| limits.timeouts.iter().any(|t| &t.invocation == kind));
        let known = match about_a_kind {
            Some(found) => found,
            None => limits.is_set(disagreement.field),
        };
        if !known {
            check.invalid(
                file,
                &platform.id,
                format!(
                    "a disagreement about {}{} names a limit the entry does not set",
                    disagreement.field.key(),
                    disagreement
                        .invocation
                        .as_ref()
                        .map(|k| format!(" ({k})"))
                        .unwrap_or_default()
                ),
            );
        }
    }
}

/// A runtime's dates: deprecation no later than end of support, and a
/// source whenever there are dates.
fn check_runtimes(check: &mut Checker<'_>, file: &SourceFile, platform: &Platform) {
    for runtime in &platform.runtimes {
        if let (Some(deprecated), Some(end)) = (runtime.deprecated, runtime.end_of_support)
            && deprecated > end
        {
            check.invalid(
                file,
                &platform.id,
                format!(
                    "runtime {:?} is deprecated ({}) after its end of support ({})",
                    runtime.name,
                    deprecated.label(),
                    end.label()
                ),
            );
        }
        let dated = runtime.deprecated.is_some() || runtime.end_of_support.is_some();
        if dated && runtime.source.is_none() {
            check.invalid(
                file,
                &platform.id,
                format!("runtime {:?} has dates but no source", runtime.name),
            );
        }
    }
}

/// True for `lower-case-words-0-9`.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every problem in a parsed catalog; empty when it is sound.
pub fn validate(
    catalog: &Catalog,
    files: &CatalogFiles,
    sheet_files: &[&str],
) -> Vec<CatalogError> {
    let mut check = Checker {
        catalog,
        problems: Vec::new(),
    };
    check_ids(&mut check, files, sheet_files);

    for provider in &catalog.providers {
        let file = &files.providers;
        for (field, platform) in [
            ("function_platform", &provider.function_platform),
            ("edge_platform", &provider.edge_platform),
        ] {
            if let Some(id) = platform
                && catalog.platform(id).is_none()
            {
                check.dangling(file, &provider.id, field, id, "platforms.ron");
            }
        }
    }

    for trigger in &catalog.triggers {
        if trigger.delivery.is_empty() {
            check.invalid(
                &files.triggers,
                &trigger.id,
                "lists no delivery mode".into(),
            );
        }
    }

    for platform in &catalog.platforms {
        let file = &files.platforms;
        if catalog.provider(&platform.provider).is_none() {
            check.dangling(
                file,
                &platform.id,
                "provider",
                &platform.provider,
                "providers.ron",
            );
        }
        for (field, reference) in [
            ("successor", &platform.successor),
            ("variant_of", &platform.variant_of),
        ] {
            if let Some(id) = reference
                && catalog.platform(id).is_none()
            {
                check.dangling(file, &platform.id, field, id, "platforms.ron");
            }
        }
        for trigger in &platform.triggers {
            if catalog.trigger(&trigger.trigger).is_none() {
                check.dangling(
                    file,
                    &platform.id,
                    "trigger",
                    &trigger.trigger,
                    "triggers.ron",
                );
            }
            if let Some(service) = &trigger.service_id
                && catalog.service(service).is_none()
            {
                check.dangling(file, &platform.id, "service_id", service, "services.ron");
            }
        }
        for sheet in &platform.price_sheets {
            match catalog.price_sheet(sheet) {
                None => check.dangling(file, &platform.id, "price_sheets", sheet, "pricing/"),
                Some(found) if found.platform_id() != Some(platform.id.as_str()) => check.invalid(
                    file,
                    &platform.id,
                    format!("price sheet `{sheet}` prices something else"),
                ),
                Some(_) => {}
            }
        }
        let dates = &platform.dates;
        let ordered = [
            ("announced", dates.announced),
            ("preview", dates.preview),
            ("ga", dates.ga),
            ("deprecated", dates.deprecated),
            ("shutdown", dates.shutdown),
        ];
        check_date_order(&mut check, file, &platform.id, &ordered);
        if platform.sources.is_empty() {
            check.invalid(file, &platform.id, "cites no sources".into());
        }
        check_platform_numbers(&mut check, file, platform);
        if let (Some(min), Some(max)) =
            (platform.limits.min_memory_mb, platform.limits.max_memory_mb)
            && min > max
        {
            check.invalid(
                file,
                &platform.id,
                format!("min_memory_mb {min} is above max_memory_mb {max}"),
            );
        }
        check_limits(&mut check, file, platform);
        check_runtimes(&mut check, file, platform);
    }

    for service in &catalog.services {
        let file = &files.services;
        if catalog.provider(&service.provider).is_none() {
            check.dangling(
                file,
                &service.id,
                "provider",
                &service.provider,
                "providers.ron",
            );
        }
        for trigger in &service.emits {
            if catalog.trigger(trigger).is_none() {
                check.dangling(file, &service.id, "emits", trigger, "triggers.ron");
            }
        }
        if let Some(sheet) = &service.price_sheet {
            match catalog.price_sheet(sheet) {
                None => check.dangling(file, &service.id, "price_sheet", sheet, "pricing/"),
                Some(found) if found.service_id() != Some(service.id.as_str()) => check.invalid(
                    file,
                    &service.id,
                    format!("price sheet `{sheet}` prices something else"),
                ),
                Some(_) => {}
            }
        }
        if service.sources.is_empty() {
            check.invalid(file, &service.id, "cites no sources".into());
        }
    }

    for framework in &catalog.frameworks {
        let file = &files.frameworks;
        for support in &framework.providers {
            if catalog.provider(&support.provider).is_none() {
                check.dangling(
                    file,
                    &framework.id,
                    "providers",
                    &support.provider,
                    "providers.ron",
                );
            }
        }
        for platform in &framework.platforms {
            if catalog.platform(platform).is_none() {
                check.dangling(file, &framework.id, "platforms", platform, "platforms.ron");
            }
        }
        if let (Some(first), Some(last)) = (framework.first_release, framework.last_activity)
            && first > last
        {
            check.invalid(
                file,
                &framework.id,
                format!("first_release {first} is after last_activity {last}"),
            );
        }
        if framework.sources.is_empty() {
            check.invalid(file, &framework.id, "cites no sources".into());
        }
    }

    for (sheet, file_name) in catalog.price_sheets.iter().zip(sheet_files) {
        let file = files
            .pricing
            .iter()
            .find(|f| f.name == *file_name)
            .cloned()
            .unwrap_or_else(|| SourceFile {
                name: (*file_name).to_owned(),
                text: String::new(),
            });
        check_sheet(&mut check, &file, sheet);
        check_sheet_numbers(&mut check, &file, sheet);
    }

    check.problems
}

fn check_date_order(
    check: &mut Checker<'_>,
    file: &SourceFile,
    entry: &str,
    dates: &[(&str, Option<CatalogDate>)],
) {
    let known: Vec<(&str, CatalogDate)> = dates
        .iter()
        .filter_map(|(name, date)| date.map(|d| (*name, d)))
        .collect();
    for pair in known.windows(2) {
        let ((earlier_name, earlier), (later_name, later)) = (pair[0], pair[1]);
        // Compare at the coarser precision: "2016" is not after "2016-03".
        let precision = earlier.precision.min(later.precision);
        let truncate = |d: CatalogDate| match precision {
            super::Precision::Year => (d.date.format("%Y").to_string(), precision),
            super::Precision::Month => (d.date.format("%Y-%m").to_string(), precision),
            super::Precision::Day => (d.date.format("%Y-%m-%d").to_string(), precision),
        };
        if truncate(earlier) > truncate(later) {
            check.invalid(
                file,
                entry,
                format!("{earlier_name} date {earlier} is after {later_name} date {later}"),
            );
        }
    }
}

fn check_ids(check: &mut Checker<'_>, files: &CatalogFiles, sheet_files: &[&str]) {
    let catalog = check.catalog;
    // Catalog entries share one namespace so `catalog show ID` is unambiguous;
    // price sheets have their own (a sheet is usually named after its platform).
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let entries = catalog
        .providers
        .iter()
        .map(|p| (&files.providers, p.id.as_str()))
        .chain(
            catalog
                .triggers
                .iter()
                .map(|t| (&files.triggers, t.id.as_str())),
        )
        .chain(
            catalog
                .platforms
                .iter()
                .map(|p| (&files.platforms, p.id.as_str())),
        )
        .chain(
            catalog
                .services
                .iter()
                .map(|s| (&files.services, s.id.as_str())),
        )
        .chain(
            catalog
                .frameworks
                .iter()
                .map(|f| (&files.frameworks, f.id.as_str())),
        );
    let mut entry_problems = Vec::new();
    for (file, id) in entries {
        note_id(&mut seen, &mut entry_problems, file, id);
    }
    note_aliases(catalog, files, &mut seen, &mut entry_problems);
    let mut sheet_seen: BTreeMap<String, String> = BTreeMap::new();
    for (sheet, file_name) in catalog.price_sheets.iter().zip(sheet_files) {
        let file = files
            .pricing
            .iter()
            .find(|f| f.name == *file_name)
            .cloned()
            .unwrap_or_else(|| SourceFile {
                name: (*file_name).to_owned(),
                text: String::new(),
            });
        note_id(&mut sheet_seen, &mut entry_problems, &file, &sheet.id);
    }
    check.problems.extend(entry_problems);
}

/// Former ids share the namespace: an alias must not shadow a live entry
/// or another alias. Reported at the alias's own line, with its owner.
fn note_aliases(
    catalog: &Catalog,
    files: &CatalogFiles,
    seen: &mut BTreeMap<String, String>,
    problems: &mut Vec<CatalogError>,
) {
    let owners = catalog
        .platforms
        .iter()
        .map(|p| (&files.platforms, &p.id, &p.aliases))
        .chain(
            catalog
                .services
                .iter()
                .map(|s| (&files.services, &s.id, &s.aliases)),
        )
        .chain(
            catalog
                .triggers
                .iter()
                .map(|t| (&files.triggers, &t.id, &t.aliases)),
        );
    for (file, owner, aliases) in owners {
        for alias in aliases {
            let line = line_of(&file.text, &[Anchor::Id(owner), Anchor::Field("aliases")]);
            let shown = shown_id(alias);
            if !is_kebab_id(alias) {
                problems.push(CatalogError::Invalid {
                    file: file.name.clone(),
                    line,
                    entry: owner.clone(),
                    message: format!(
                        "alias `{shown}` must be kebab-case (lower-case letters, digits and single dashes)"
                    ),
                });
            }
            match seen.get(alias.as_str()) {
                Some(first_file) => {
                    let place = if *first_file == file.name {
                        "in this file".to_owned()
                    } else {
                        format!("in {first_file}")
                    };
                    problems.push(CatalogError::Invalid {
                        file: file.name.clone(),
                        line,
                        entry: owner.clone(),
                        message: format!(
                            "duplicate id `{shown}`: listed as a former id (alias) here, and already an id or alias {place}"
                        ),
                    });
                }
                None => {
                    seen.insert(alias.clone(), file.name.clone());
                }
            }
        }
    }
}

fn note_id(
    seen: &mut BTreeMap<String, String>,
    problems: &mut Vec<CatalogError>,
    file: &SourceFile,
    id: &str,
) {
    if !is_kebab_id(id) {
        problems.push(CatalogError::Invalid {
            file: file.name.clone(),
            line: line_of_id(&file.text, id),
            entry: id.to_owned(),
            message: "id must be kebab-case (lower-case letters, digits and single dashes)".into(),
        });
    }
    if let Some(first_file) = seen.get(id) {
        // Point at the second definition, the one to rename or remove.
        let line = file
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                let t = l.trim_start();
                t.starts_with("id:") && t.contains(&format!("\"{id}\""))
            })
            .nth(if *first_file == file.name { 1 } else { 0 })
            .map(|(i, _)| i + 1);
        problems.push(CatalogError::Duplicate {
            file: file.name.clone(),
            line,
            id: id.to_owned(),
            first_file: first_file.clone(),
        });
    } else {
        seen.insert(id.to_owned(), file.name.clone());
    }
}

fn check_sheet(check: &mut Checker<'_>, file: &SourceFile, sheet: &PriceSheet) {
    let catalog = check.catalog;
    match &sheet.subject {
        Subject::Platform(id) if catalog.platform(id).is_none() => {
            check.dangling(file, &sheet.id, "subject", id, "platforms.ron");
        }
        Subject::Service(id) if catalog.service(id).is_none() => {
            check.dangling(file, &sheet.id, "subject", id, "services.ron");
        }
        _ => {}
    }
    if sheet.currency != "USD" {
        check.invalid(
            file,
            &sheet.id,
            format!(
                "currency {:?} is not supported; sheets are priced in USD",
                sheet.currency
            ),
        );
    }
    if sheet.sources.is_empty() {
        check.invalid(file, &sheet.id, "cites no sources".into());
    }
    if sheet.meters.is_empty() {
        check.invalid(file, &sheet.id, "has no meters".into());
    }
    if sheet.meters.len() > super::price_sheet::MAX_METERS {
        check.invalid(
            file,
            &sheet.id,
            format!(
                "has {} meters; at most {} are supported",
                sheet.meters.len(),
                super::price_sheet::MAX_METERS
            ),
        );
    }
    let billing = &sheet.billing;
    if !(billing.duration_rounding_ms.is_finite() && billing.duration_rounding_ms > 0.0) {
        check.invalid(
            file,
            &sheet.id,
            "duration_rounding_ms must be above zero".into(),
        );
    }
    match &billing.memory {
        MemoryRule::Step { step_mb, .. } if !(step_mb.is_finite() && *step_mb > 0.0) => {
            check.invalid(file, &sheet.id, "memory step_mb must be above zero".into());
        }
        MemoryRule::Sizes(sizes) if sizes.is_empty() || !strictly_ascending(sizes) => {
            check.invalid(
                file,
                &sheet.id,
                "memory sizes must be a non-empty ascending list".into(),
            );
        }
        _ => {}
    }
    if let Some(CpuRule::Table { points, .. }) = &billing.cpu {
        let memories: Vec<f64> = points.iter().map(|p| p.memory_mb).collect();
        if memories.is_empty() || !strictly_ascending(&memories) {
            check.invalid(
                file,
                &sheet.id,
                "cpu table must list ascending memory sizes".into(),
            );
        }
    }
    let uses_cpu = sheet
        .meters
        .iter()
        .any(|m| m.quantity.iter().any(|t| matches!(t, Term::CpuSeconds(_))));
    if uses_cpu && billing.cpu.is_none() {
        check.invalid(
            file,
            &sheet.id,
            "a meter bills CpuSeconds but billing.cpu is not set".into(),
        );
    }
    let uses_instances = sheet.meters.iter().any(|m| {
        m.quantity
            .iter()
            .any(|t| matches!(t, Term::InstanceGbSeconds(_)))
    });
    if uses_instances && billing.per_instance.is_none() {
        check.invalid(
            file,
            &sheet.id,
            "a meter bills InstanceGbSeconds but billing.per_instance is not set".into(),
        );
    }
    let service_terms = sheet
        .meters
        .iter()
        .flat_map(|m| m.quantity.iter())
        .filter(|t| t.is_service_term())
        .count();
    match &sheet.subject {
        Subject::Platform(_) if service_terms > 0 => check.invalid(
            file,
            &sheet.id,
            "a platform's sheet bills a service term (Writes, Reads, StorageGbMonths...)".into(),
        ),
        Subject::Service(_) => {
            let function_only = sheet
                .meters
                .iter()
                .flat_map(|m| m.quantity.iter())
                .find(|t| {
                    matches!(
                        t,
                        Term::CpuSeconds(_)
                            | Term::CpuMs(_)
                            | Term::EphemeralGbSeconds(_)
                            | Term::ProvisionedGbSeconds(_)
                            | Term::ProvisionedDurationGbSeconds(_)
                            | Term::InstanceGbSeconds(_)
                    )
                });
            if let Some(term) = function_only {
                check.invalid(
                    file,
                    &sheet.id,
                    format!("a service's sheet bills the function term {term:?}"),
                );
            }
        }
        Subject::Platform(_) => {}
    }
    for (field, value) in [
        ("write_unit_kb", billing.write_unit_kb),
        ("read_unit_kb", billing.read_unit_kb),
        ("data_rounding_kb", billing.data_rounding_kb),
        (
            "request_size_increment_kb",
            billing.request_size_increment_kb,
        ),
    ] {
        if let Some(v) = value
            && !(v.is_finite() && v > 0.0)
        {
            check.invalid(file, &sheet.id, format!("{field} must be above zero"));
        }
    }
    if let Some(v) = billing.data_min_kb
        && !(v.is_finite() && v >= 0.0)
    {
        check.invalid(file, &sheet.id, "data_min_kb must be zero or more".into());
    }
    let defaults = &sheet.usage_defaults;
    for (field, value) in [
        ("storage_gb", defaults.storage_gb),
        ("payload_kb", defaults.payload_kb),
        ("duration_ms", defaults.duration_ms),
        ("memory_mb", defaults.memory_mb),
        ("steps", defaults.steps),
        ("connection_minutes", defaults.connection_minutes),
        ("instances", defaults.instances),
        ("egress_gb", defaults.egress_gb),
    ] {
        if let Some(v) = value
            && !(v.is_finite() && v >= 0.0)
        {
            check.invalid(
                file,
                &sheet.id,
                format!("usage_defaults.{field} must be a number, zero or more"),
            );
        }
    }
    if let Some(share) = defaults.read_share
        && !(0.0..=1.0).contains(&share)
    {
        check.invalid(
            file,
            &sheet.id,
            "usage_defaults.read_share must be between 0 and 1".into(),
        );
    }
    if sheet.free_pools.len() > 8 {
        check.invalid(file, &sheet.id, "has more than 8 free pools".into());
    }
    for pool in &sheet.free_pools {
        if !(pool.quantity.is_finite() && pool.quantity >= 0.0) {
            check.invalid(
                file,
                &sheet.id,
                format!("free pool `{}` has a bad quantity", pool.id),
            );
        }
    }
    for meter in &sheet.meters {
        let name = format!("meter `{}`", meter.id);
        if let Some(pool) = &meter.free_pool
            && sheet.pool(pool).is_none()
        {
            check.dangling(
                file,
                &sheet.id,
                &format!("{name} free_pool"),
                pool,
                "its sheet's free_pools",
            );
        }
        if !(meter.unit_size.is_finite() && meter.unit_size > 0.0) {
            check.invalid(
                file,
                &sheet.id,
                format!("{name}: unit_size must be above zero"),
            );
        }
        if meter.quantity.is_empty() {
            check.invalid(file, &sheet.id, format!("{name}: quantity lists no terms"));
        }
        if meter.tiers.is_empty() {
            check.invalid(file, &sheet.id, format!("{name}: has no price tiers"));
            continue;
        }
        let (last, bounded) = meter.tiers.split_last().unwrap_or((&meter.tiers[0], &[]));
        let bounds: Vec<f64> = bounded.iter().filter_map(|t| t.up_to).collect();
        if bounds.len() != bounded.len() || last.up_to.is_some() {
            check.invalid(
                file,
                &sheet.id,
                format!("{name}: every tier but the last needs up_to, and the last none"),
            );
        } else if !strictly_ascending(&bounds) || bounds.first().is_some_and(|b| *b <= 0.0) {
            check.invalid(
                file,
                &sheet.id,
                format!("{name}: tier bounds must ascend from above zero"),
            );
        }
        if meter
            .tiers
            .iter()
            .any(|t| !(t.usd.is_finite() && t.usd >= 0.0))
        {
            check.invalid(
                file,
                &sheet.id,
                format!("{name}: a price is negative or not a number"),
            );
        }
    }
}

/// The values a catalog number may take: anything else would make prices
/// infinite, not a number, or silently zero.
#[derive(Clone, Copy)]
struct Range {
    low: f64,
    /// Whether `low` itself is allowed (zero often is not).
    low_allowed: bool,
    high: f64,
}

impl Range {
    fn contains(self, value: f64) -> bool {
        value.is_finite()
            && value <= self.high
            && if self.low_allowed {
                value >= self.low
            } else {
                value > self.low
            }
    }

    fn describe(self) -> String {
        let low = crate::format::input(self.low);
        let high = crate::format::input(self.high);
        if self.low_allowed {
            format!("a number from {low} to {high}")
        } else {
            format!("a number above {low}, at most {high}")
        }
    }
}

const fn range(low: f64, low_allowed: bool, high: f64) -> Range {
    Range {
        low,
        low_allowed,
        high,
    }
}

use crate::bounds::{MAX_DURATION_MS, MAX_EPHEMERAL_MB, MAX_MEMORY_MB, MAX_PAYLOAD_KB};

/// Memory sizes, as workloads may have them.
const MEMORY_MB: Range = range(0.0, false, MAX_MEMORY_MB);
/// A memory floor, which may be zero.
const MEMORY_FLOOR_MB: Range = range(0.0, true, MAX_MEMORY_MB);
const DURATION_MS: Range = range(0.0, false, MAX_DURATION_MS);
const DURATION_FLOOR_MS: Range = range(0.0, true, MAX_DURATION_MS);
const EPHEMERAL_MB: Range = range(0.0, true, MAX_EPHEMERAL_MB);
/// Steps usage is divided by and rounded up to: a denormal step (5e-324)
/// turns any usage into infinitely many steps.
const ROUNDING_MS: Range = range(1e-3, true, MAX_DURATION_MS);
const STEP_MB: Range = range(1e-3, true, MAX_MEMORY_MB);
const PAYLOAD_KB: Range = range(1e-6, true, MAX_PAYLOAD_KB);
const PAYLOAD_FLOOR_KB: Range = range(0.0, true, MAX_PAYLOAD_KB);
/// Multipliers (meter weights, CPU per GB, CPU per size): a denormal such
/// as 5e-324 or a huge factor is a typo, never a price.
const FACTOR: Range = range(1e-9, true, 1e9);
/// Quantities in a meter's base unit (tier bounds, free pools, unit sizes).
const QUANTITY: Range = range(0.0, true, 1e18);
/// A unit price in USD.
const PRICE_USD: Range = range(0.0, true, 1e9);

fn check_number(
    check: &mut Checker<'_>,
    file: &SourceFile,
    entry: &str,
    (field, value, allowed): (&str, f64, Range),
    anchors: &[Anchor<'_>],
) {
    if !allowed.contains(value) {
        check.invalid_at(
            file,
            entry,
            line_of(&file.text, anchors),
            format!(
                "{field} must be {} (got {})",
                allowed.describe(),
                crate::format::input(value)
            ),
        );
    }
}

/// Platform limits that prices and validation compare workloads with.
fn check_platform_numbers(check: &mut Checker<'_>, file: &SourceFile, platform: &super::Platform) {
    let limits = &platform.limits;
    let fields = [
        (
            "max_timeout_s",
            limits.max_timeout_s,
            range(0.0, false, MAX_DURATION_MS / 1000.0),
        ),
        (
            "default_timeout_s",
            limits.default_timeout_s,
            range(0.0, false, MAX_DURATION_MS / 1000.0),
        ),
        ("min_memory_mb", limits.min_memory_mb, MEMORY_FLOOR_MB),
        ("max_memory_mb", limits.max_memory_mb, MEMORY_MB),
    ];
    for (field, value, allowed) in fields {
        if let Some(value) = value {
            let anchors = [
                Anchor::Id(&platform.id),
                Anchor::Field("limits"),
                Anchor::Field(field),
            ];
            let name = format!("limits.{field}");
            check_number(check, file, &platform.id, (&name, value, allowed), &anchors);
        }
    }
}

/// Every number in a price sheet that a price is computed from.
fn check_sheet_numbers(check: &mut Checker<'_>, file: &SourceFile, sheet: &PriceSheet) {
    let id = sheet.id.as_str();
    let number = |check: &mut Checker<'_>, path: &[&str], value: f64, allowed: Range| {
        let anchors: Vec<Anchor<'_>> = path.iter().map(|f| Anchor::Field(f)).collect();
        let name = path.join(".");
        check_number(check, file, id, (&name, value, allowed), &anchors);
    };
    let limits = &sheet.limits;
    for (field, value, allowed) in [
        ("min_memory_mb", limits.min_memory_mb, MEMORY_FLOOR_MB),
        ("max_memory_mb", limits.max_memory_mb, MEMORY_MB),
        ("max_duration_ms", limits.max_duration_ms, DURATION_MS),
        ("max_cpu_ms", limits.max_cpu_ms, DURATION_MS),
        (
            "max_ephemeral_mb",
            limits.max_ephemeral_mb,
            range(0.0, false, MAX_EPHEMERAL_MB),
        ),
    ] {
        if let Some(value) = value {
            number(check, &["limits", field], value, allowed);
        }
    }
    let billing = &sheet.billing;
    // Fields `check_sheet` already refuses when not above zero are only
    // checked here for the values it lets through (no message twice).
    let positive = |v: f64| v.is_finite() && v > 0.0;
    if positive(billing.duration_rounding_ms) {
        number(
            check,
            &["billing", "duration_rounding_ms"],
            billing.duration_rounding_ms,
            ROUNDING_MS,
        );
    }
    number(
        check,
        &["billing", "min_duration_ms"],
        billing.min_duration_ms,
        DURATION_FLOOR_MS,
    );
    match &billing.memory {
        MemoryRule::Step {
            step_mb,
            min_mb,
            cap_mb,
        } => {
            if positive(*step_mb) {
                number(check, &["billing", "memory", "step_mb"], *step_mb, STEP_MB);
            }
            number(
                check,
                &["billing", "memory", "min_mb"],
                *min_mb,
                MEMORY_FLOOR_MB,
            );
            if let Some(cap) = cap_mb {
                number(check, &["billing", "memory", "cap_mb"], *cap, MEMORY_MB);
            }
        }
        MemoryRule::Sizes(sizes) => {
            for size in sizes.iter().filter(|s| s.is_finite()) {
                number(check, &["billing", "memory", "Sizes"], *size, MEMORY_MB);
            }
        }
    }
    match &billing.cpu {
        Some(CpuRule::PerGb { cpu_per_gb, .. }) => {
            number(
                check,
                &["billing", "cpu", "cpu_per_gb"],
                *cpu_per_gb,
                FACTOR,
            );
        }
        Some(CpuRule::Table { points, .. }) => {
            for (row, point) in points.iter().enumerate() {
                let at = |field| {
                    [
                        Anchor::Field("billing"),
                        Anchor::Field("points"),
                        Anchor::Nth("memory_mb", row),
                        Anchor::Field(field),
                    ]
                };
                if point.memory_mb.is_finite() {
                    let name = "billing.cpu.points.memory_mb";
                    let value = (name, point.memory_mb, MEMORY_MB);
                    check_number(check, file, id, value, &at("memory_mb"));
                }
                let value = ("billing.cpu.points.cpu", point.cpu, FACTOR);
                check_number(check, file, id, value, &at("cpu"));
            }
        }
        None => {}
    }
    for (field, value, allowed) in [
        (
            "request_size_increment_kb",
            billing.request_size_increment_kb,
            PAYLOAD_KB,
        ),
        ("write_unit_kb", billing.write_unit_kb, PAYLOAD_KB),
        ("read_unit_kb", billing.read_unit_kb, PAYLOAD_KB),
        ("data_rounding_kb", billing.data_rounding_kb, PAYLOAD_KB),
    ] {
        if let Some(value) = value.filter(|v| positive(*v)) {
            number(check, &["billing", field], value, allowed);
        }
    }
    if let Some(value) = billing.data_min_kb.filter(|v| v.is_finite() && *v >= 0.0) {
        number(check, &["billing", "data_min_kb"], value, PAYLOAD_FLOOR_KB);
    }
    if let Some(value) = billing.ephemeral_free_mb {
        number(
            check,
            &["billing", "ephemeral_free_mb"],
            value,
            EPHEMERAL_MB,
        );
    }
    if let Some(value) = billing.provisioned_rounding_minutes {
        number(
            check,
            &["billing", "provisioned_rounding_minutes"],
            value,
            range(1e-3, true, MAX_DURATION_MS / 60_000.0),
        );
    }
    if let Some(per_instance) = &billing.per_instance {
        number(
            check,
            &["billing", "per_instance", "min_active_period_ms"],
            per_instance.min_active_period_ms,
            DURATION_FLOOR_MS,
        );
    }
    for pool in &sheet.free_pools {
        // Bad quantities below zero are `check_sheet`'s.
        if pool.quantity.is_finite() && pool.quantity >= 0.0 {
            let anchors = [
                Anchor::Field("free_pools"),
                Anchor::Id(&pool.id),
                Anchor::Field("quantity"),
            ];
            let name = format!("free pool `{}` quantity", shown_id(&pool.id));
            check_number(check, file, id, (&name, pool.quantity, QUANTITY), &anchors);
        }
    }
    for meter in &sheet.meters {
        let meter_id = shown_id(&meter.id);
        let at = |field| {
            [
                Anchor::Field("meters"),
                Anchor::Id(&meter.id),
                Anchor::Field(field),
            ]
        };
        for term in &meter.quantity {
            let name = format!("meter `{meter_id}` quantity weight {term:?}");
            let variant = format!("{term:?}");
            let variant = variant.split('(').next().unwrap_or_default();
            let anchors = [
                Anchor::Field("meters"),
                Anchor::Id(&meter.id),
                Anchor::Field("quantity"),
                Anchor::Variant(variant),
            ];
            let name = name.split('(').next().unwrap_or_default().to_owned();
            check_number(check, file, id, (&name, term.weight(), FACTOR), &anchors);
        }
        if positive(meter.unit_size) {
            let name = format!("meter `{meter_id}` unit_size");
            check_number(
                check,
                file,
                id,
                (&name, meter.unit_size, range(1e-9, true, 1e18)),
                &at("unit_size"),
            );
        }
        for (row, tier) in meter.tiers.iter().enumerate() {
            let at = |field| {
                [
                    Anchor::Field("meters"),
                    Anchor::Id(&meter.id),
                    Anchor::Field("tiers"),
                    Anchor::Nth("usd", row),
                    Anchor::Field(field),
                ]
            };
            if let Some(up_to) = tier.up_to.filter(|v| v.is_finite()) {
                let name = format!("meter `{meter_id}` tier up_to");
                check_number(check, file, id, (&name, up_to, QUANTITY), &at("up_to"));
            }
            // Negative and non-finite prices are `check_sheet`'s.
            if tier.usd.is_finite() && tier.usd >= 0.0 {
                let name = format!("meter `{meter_id}` tier usd");
                check_number(check, file, id, (&name, tier.usd, PRICE_USD), &at("usd"));
            }
        }
    }
}

fn strictly_ascending(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite()) && values.windows(2).all(|w| w[0] < w[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("aws-lambda"));
        assert!(is_kebab_id("gcf-1st-gen"));
        for bad in ["", "AWS", "aws_lambda", "-a", "a-", "a--b", "a b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }
}
