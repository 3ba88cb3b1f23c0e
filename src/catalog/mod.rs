//! The serverless catalog: providers, the trigger taxonomy, FaaS platforms,
//! managed services, frameworks and price sheets.
//!
//! The default catalog is compiled in from `catalogs/`; `--catalog DIR` reads
//! another directory with the same layout. Loading parses every file and
//! checks every cross-reference (see [`validate`]), so code holding a
//! `Catalog` may rely on ids resolving.

pub mod date;
pub mod facts;
pub mod load;
pub mod price_sheet;
pub mod query;
pub mod source;
pub mod types;
pub mod validate;

use std::collections::BTreeMap;
use std::path::Path;

pub use date::{CatalogDate, Precision};
pub use load::{CatalogError, CatalogErrors, CatalogFiles};
pub use price_sheet::{Arch, PriceSheet, SheetStatus, Subject};
pub use types::*;

/// A loaded, validated catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub providers: Vec<Provider>,
    pub triggers: Vec<TriggerKind>,
    pub platforms: Vec<Platform>,
    pub services: Vec<Service>,
    pub frameworks: Vec<Framework>,
    pub price_sheets: Vec<PriceSheet>,
    index: Index,
}

/// Positions by id, so lookups stay cheap when pricing large architectures.
#[derive(Debug, Clone, Default)]
struct Index {
    providers: BTreeMap<String, usize>,
    triggers: BTreeMap<String, usize>,
    platforms: BTreeMap<String, usize>,
    services: BTreeMap<String, usize>,
    frameworks: BTreeMap<String, usize>,
    price_sheets: BTreeMap<String, usize>,
    /// Former id -> current id, for platforms, services and triggers.
    aliases: BTreeMap<String, String>,
}

fn index_of<T>(items: &[T], id: impl Fn(&T) -> &str) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (position, item) in items.iter().enumerate() {
        // The first definition wins; validation reports the duplicate.
        map.entry(id(item).to_owned()).or_insert(position);
    }
    map
}

/// What kind of entry an id names.
#[derive(Debug, Clone, Copy)]
pub enum EntryRef<'a> {
    Provider(&'a Provider),
    Trigger(&'a TriggerKind),
    Platform(&'a Platform),
    Service(&'a Service),
    Framework(&'a Framework),
    PriceSheet(&'a PriceSheet),
}

impl Catalog {
    pub fn new(
        providers: Vec<Provider>,
        triggers: Vec<TriggerKind>,
        platforms: Vec<Platform>,
        services: Vec<Service>,
        frameworks: Vec<Framework>,
        price_sheets: Vec<PriceSheet>,
    ) -> Self {
        let index = Index {
            providers: index_of(&providers, |p| &p.id),
            triggers: index_of(&triggers, |t| &t.id),
            platforms: index_of(&platforms, |p| &p.id),
            services: index_of(&services, |s| &s.id),
            frameworks: index_of(&frameworks, |f| &f.id),
            price_sheets: index_of(&price_sheets, |s| &s.id),
            aliases: platforms
                .iter()
                .flat_map(|p| p.aliases.iter().map(move |a| (a.clone(), p.id.clone())))
                .chain(
                    services
                        .iter()
                        .flat_map(|s| s.aliases.iter().map(move |a| (a.clone(), s.id.clone()))),
                )
                .chain(
                    triggers
                        .iter()
                        .flat_map(|t| t.aliases.iter().map(move |a| (a.clone(), t.id.clone()))),
                )
                .collect(),
        };
        Catalog {
            providers,
            triggers,
            platforms,
            services,
            frameworks,
            price_sheets,
            index,
        }
    }

    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Catalog, CatalogErrors> {
        CatalogFiles::embedded().parse()
    }

    /// Load a catalog directory (same layout as `catalogs/`).
    pub fn from_dir(dir: &Path) -> Result<Catalog, CatalogErrors> {
        CatalogFiles::read_dir(dir)?.parse()
    }

    /// The current id of a platform, service or trigger that was renamed.
    pub fn renamed(&self, former_id: &str) -> Option<&str> {
        self.index.aliases.get(former_id).map(String::as_str)
    }

    /// The id of the price sheet a user means by a platform id, on the
    /// command line or in a file: surrounding spaces are ignored and a
    /// former id (alias) resolves to the current one. One rule for `price`,
    /// `compare`, `breakeven` and architecture files.
    pub fn resolve_platform_id(&self, id: &str) -> Option<&str> {
        let id = id.trim();
        let priced = |id: &str| {
            self.price_sheet(id)
                .filter(|s| s.platform_id().is_some())
                .map(|s| s.id.as_str())
        };
        priced(id).or_else(|| self.renamed(id).and_then(priced))
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.index.providers.get(id).map(|&i| &self.providers[i])
    }

    pub fn trigger(&self, id: &str) -> Option<&TriggerKind> {
        self.index.triggers.get(id).map(|&i| &self.triggers[i])
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.index.platforms.get(id).map(|&i| &self.platforms[i])
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.index.services.get(id).map(|&i| &self.services[i])
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.index.frameworks.get(id).map(|&i| &self.frameworks[i])
    }

    pub fn price_sheet(&self, id: &str) -> Option<&PriceSheet> {
        self.index
            .price_sheets
            .get(id)
            .map(|&i| &self.price_sheets[i])
    }

    /// Find any entry by id. Catalog entries come before price sheets, whose
    /// ids may repeat a platform's id (`aws-lambda`).
    pub fn entry(&self, id: &str) -> Option<EntryRef<'_>> {
        self.platform(id)
            .map(EntryRef::Platform)
            .or_else(|| self.trigger(id).map(EntryRef::Trigger))
            .or_else(|| self.service(id).map(EntryRef::Service))
            .or_else(|| self.framework(id).map(EntryRef::Framework))
            .or_else(|| self.provider(id).map(EntryRef::Provider))
            .or_else(|| self.price_sheet(id).map(EntryRef::PriceSheet))
    }

    /// Frameworks that deploy to a platform, directly or through its provider.
    pub fn frameworks_for_platform(&self, platform: &Platform) -> Vec<&Framework> {
        self.frameworks
            .iter()
            .filter(|f| f.platforms.contains(&platform.id))
            .collect()
    }

    /// Services of a provider that fill a role.
    pub fn services_with_role(&self, provider: &str, role: ServiceRole) -> Vec<&Service> {
        self.services
            .iter()
            .filter(|s| s.provider == provider && s.role == role)
            .collect()
    }

    /// Providers that have at least one managed service: the targets of portability.
    pub fn service_providers(&self) -> Vec<&Provider> {
        self.providers
            .iter()
            .filter(|p| self.services.iter().any(|s| s.provider == p.id))
            .collect()
    }

    /// Price sheets of platforms that are still sold, in catalog order.
    pub fn active_platform_sheets(&self) -> Vec<&PriceSheet> {
        self.price_sheets
            .iter()
            .filter(|s| s.status == SheetStatus::Active && s.platform_id().is_some())
            .collect()
    }

    /// Ids of every price sheet that prices a platform (for error messages).
    pub fn platform_sheet_ids(&self) -> Vec<&str> {
        self.price_sheets
            .iter()
            .filter(|s| s.platform_id().is_some())
            .map(|s| s.id.as_str())
            .collect()
    }
}
