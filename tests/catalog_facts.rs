//! The catalog's facts as of today: structured, sourced limits that pricing
//! and the throttling check can trust, runtimes that turn deprecated on
//! their dates, and limits that agree with the price sheets.

mod common;
use common::{builtin, copy_catalog, edit};

use chrono::NaiveDate;

use serverless_atlas::catalog::{
    Catalog, CatalogDate, LimitField, LimitScope, Platform, Runtime, RuntimeState, Status, facts,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn platform<'a>(catalog: &'a Catalog, id: &str) -> &'a Platform {
    catalog
        .platform(id)
        .unwrap_or_else(|| panic!("{id} is in the catalog"))
}

fn load_error(dir: &std::path::Path) -> String {
    match Catalog::from_dir(dir) {
        Ok(_) => panic!("the broken catalog loaded"),
        Err(errors) => errors.to_string(),
    }
}

/// A source note carries the catalog's confidence marks.
fn has_confidence(note: Option<&str>) -> bool {
    note.is_some_and(|n| {
        [
            "[V]",
            "[V2]",
            "[U]",
            "secondary",
            "[official]",
            "unverified",
        ]
        .iter()
        .any(|mark| n.contains(mark))
    })
}

// ---------------------------------------------------------------- limits

/// The fields the cost engine and the throttling check read.
const READ_BY_ENGINES: [LimitField; 10] = [
    LimitField::MaxTimeout,
    LimitField::MinMemory,
    LimitField::MaxMemory,
    LimitField::DefaultConcurrency,
    LimitField::MaxConcurrency,
    LimitField::SharesConcurrency,
    LimitField::DefaultInstances,
    LimitField::MaxInstances,
    LimitField::DefaultInstanceConcurrency,
    LimitField::MaxInstanceConcurrency,
];

#[test]
fn every_limit_the_engines_read_has_a_source_with_its_confidence() {
    let catalog = builtin();
    let mut checked = 0;
    for p in &catalog.platforms {
        for field in READ_BY_ENGINES {
            if !p.limits.is_set(field) {
                continue;
            }
            let source = p
                .limits
                .source_of(field)
                .unwrap_or_else(|| panic!("{}: {} has no source", p.id, field.key()));
            assert!(!source.title.trim().is_empty(), "{}: {}", p.id, field.key());
            assert!(
                has_confidence(source.note.as_deref()),
                "{}: the source of {} marks no confidence: {:?}",
                p.id,
                field.key(),
                source.note
            );
            checked += 1;
        }
        for timeout in &p.limits.timeouts {
            assert!(
                has_confidence(timeout.source.note.as_deref()),
                "{}: timeout {:?}",
                p.id,
                timeout.invocation
            );
        }
        for disagreement in &p.limits.disagreements {
            assert!(
                !disagreement.not_used_because.trim().is_empty(),
                "{}: a disagreement must say why its value is not used",
                p.id
            );
        }
    }
    assert!(checked >= 40, "only {checked} sourced limit values");
}

#[test]
fn throttling_inputs_are_defaults_not_ceilings() {
    let catalog = builtin();
    // Google: 1 per instance through the Functions API, up to 1,000; 100
    // instances per revision by default (facts audit G3–G5).
    let run = &platform(&catalog, "google-cloud-run-functions").limits;
    assert_eq!(run.default_instance_concurrency, Some(1));
    assert_eq!(run.max_instance_concurrency, Some(1000));
    assert_eq!(run.default_instances, Some(100));
    assert_eq!(run.instances_scope, Some(LimitScope::Revision));
    assert_eq!(run.max_memory_mb, Some(32768.0));
    // The Cloud Run default of 80 is kept, with its source, as the value not used.
    assert!(
        run.disagreements
            .iter()
            .any(|d| { d.field == LimitField::DefaultInstanceConcurrency && d.value == 80.0 })
    );
    let event = run
        .timeouts
        .iter()
        .find(|t| t.invocation == "event-driven")
        .expect("an event-driven timeout");
    assert_eq!(event.max_s, 540.0);

    let lambda = &platform(&catalog, "aws-lambda").limits;
    assert_eq!(lambda.default_concurrency, Some(1000));
    assert_eq!(lambda.concurrency_scope, Some(LimitScope::AccountRegion));
    // AWS states no ceiling: unknown, not zero.
    assert_eq!(lambda.max_concurrency, None);

    let edge = &platform(&catalog, "aws-lambda-edge").limits;
    assert_eq!(edge.shares_concurrency_with.as_deref(), Some("aws-lambda"));
    assert_eq!(edge.default_concurrency, None, "it has no pool of its own");

    let azure = &platform(&catalog, "azure-functions").limits;
    assert_eq!(azure.max_instances, Some(200));
    let alibaba = &platform(&catalog, "alibaba-function-compute").limits;
    assert_eq!(alibaba.default_instances, Some(300));
    assert!(
        alibaba
            .disagreements
            .iter()
            .any(|d| d.field == LimitField::DefaultInstances && d.value == 100.0),
        "the older page's 100 is kept with its source"
    );
    let vercel = &platform(&catalog, "vercel-functions").limits;
    assert_eq!(vercel.default_concurrency, Some(30000));
    assert_eq!(vercel.max_concurrency, Some(100000));
}

#[test]
fn a_limit_without_a_source_is_refused() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "default_concurrency: 1000,",
        "default_concurrency: 1000,\n            max_instances: 5,",
    );
    let errors = load_error(dir.path());
    assert!(
        errors.contains("aws-lambda") && errors.contains("max_instances names no source"),
        "{errors}"
    );
}

#[test]
fn a_zero_limit_is_refused_because_unknown_is_left_out() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "default_concurrency: 1000,",
        "default_concurrency: 0,",
    );
    let errors = load_error(dir.path());
    assert!(
        errors.contains("default_concurrency must be above zero"),
        "{errors}"
    );
}

#[test]
fn a_default_above_its_maximum_is_refused() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "default_instance_concurrency: 1,\n            max_instance_concurrency: 1000,",
        "default_instance_concurrency: 2000,\n            max_instance_concurrency: 1000,",
    );
    let errors = load_error(dir.path());
    assert!(
        errors.contains("default_instance_concurrency 2000 is above max_instance_concurrency 1000"),
        "{errors}"
    );
}

#[test]
fn lambda_at_edge_draws_on_the_regions_lambda_pool() {
    let catalog = builtin();
    let edge = platform(&catalog, "aws-lambda-edge");
    let pool = facts::concurrency_pool(&catalog, edge);
    assert_eq!(pool.id, "aws-lambda");
    assert_eq!(pool.limits.default_concurrency, Some(1000));
    let lambda = platform(&catalog, "aws-lambda");
    assert_eq!(facts::concurrency_pool(&catalog, lambda).id, "aws-lambda");
}

#[test]
fn a_shared_pool_may_not_share_another() {
    // Lambda@Edge shares Lambda's pool; making Lambda share Azure's builds a chain.
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "default_concurrency: 1000,",
        "default_concurrency: 1000,\n            shares_concurrency_with: \"azure-functions\",",
    );
    let errors = load_error(dir.path());
    assert!(
        errors.contains("itself shares another platform's pool"),
        "{errors}"
    );
}

#[test]
fn a_shared_pool_must_name_a_platform() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "shares_concurrency_with: \"aws-lambda\"",
        "shares_concurrency_with: \"aws-lambada\"",
    );
    let errors = load_error(dir.path());
    assert!(errors.contains("aws-lambada"), "{errors}");
}

// ---------------------------------------------------------------- runtimes

fn dated(name: &str, deprecated: Option<&str>, end: Option<&str>) -> Runtime {
    let mut runtime = Runtime::named(name);
    runtime.deprecated = deprecated.map(|d| CatalogDate::parse(d).unwrap());
    runtime.end_of_support = end.map(|d| CatalogDate::parse(d).unwrap());
    runtime
}

#[test]
fn a_runtime_turns_deprecated_on_its_date_not_by_an_edit() {
    let runtime = dated("Python 3.10", Some("2026-10-31"), Some("2027-03-31"));
    assert_eq!(runtime.state_on(day("2026-10-30")), RuntimeState::Supported);
    assert_eq!(
        runtime.state_on(day("2026-10-31")),
        RuntimeState::Deprecated
    );
    assert_eq!(
        runtime.state_on(day("2027-03-30")),
        RuntimeState::Deprecated
    );
    assert_eq!(
        runtime.state_on(day("2027-03-31")),
        RuntimeState::EndOfSupport
    );
    // A date known only to the month counts from the month's first day.
    let by_month = dated("Node.js 20", None, Some("2026-04"));
    assert_eq!(
        by_month.state_on(day("2026-03-31")),
        RuntimeState::Supported
    );
    assert_eq!(
        by_month.state_on(day("2026-04-01")),
        RuntimeState::EndOfSupport
    );
    // No dates: supported whatever the day.
    assert_eq!(
        Runtime::named("Container images").state_on(day("2099-01-01")),
        RuntimeState::Supported
    );
}

#[test]
fn a_dated_runtime_needs_a_source_and_ordered_dates() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "\"Container images\",",
        "(name: \"Ruby 2.7\", deprecated: \"2023-12-07\"),",
    );
    let errors = load_error(dir.path());
    assert!(
        errors.contains("runtime \"Ruby 2.7\" has dates but no source"),
        "{errors}"
    );

    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "\"Container images\",",
        "(name: \"Ruby 2.7\", deprecated: \"2024-12-07\", end_of_support: \"2023-01-09\", source: (title: \"t\", note: \"[V]\")),",
    );
    let errors = load_error(dir.path());
    assert!(errors.contains("after its end of support"), "{errors}");
}

// ---------------------------------------------------------------- price sheets

/// (platform, field, platform value, sheet value) for every field both the
/// platform and its own-named price sheet set, where they differ.
fn sheet_disagreements(catalog: &Catalog) -> Vec<(String, &'static str, f64, f64)> {
    let mut found = Vec::new();
    for p in &catalog.platforms {
        // The sheet named like the platform prices the plan the platform's
        // limits describe; other sheets (Azure Flex) price other plans.
        let Some(sheet) = catalog.price_sheet(&p.id) else {
            continue;
        };
        let sheet_timeout_s = sheet.limits.max_duration_ms.map(|ms| ms / 1000.0);
        for (field, ours, theirs) in [
            (
                "max_memory_mb",
                p.limits.max_memory_mb,
                sheet.limits.max_memory_mb,
            ),
            (
                "min_memory_mb",
                p.limits.min_memory_mb,
                sheet.limits.min_memory_mb,
            ),
            ("max_timeout_s", p.limits.max_timeout_s, sheet_timeout_s),
        ] {
            if let (Some(a), Some(b)) = (ours, theirs)
                && a != b
            {
                found.push((p.id.clone(), field, a, b));
            }
        }
    }
    found
}

#[test]
fn platform_limits_agree_with_their_price_sheets_apart_from_the_known_gap() {
    let catalog = builtin();
    let mut compared = 0;
    for p in &catalog.platforms {
        if catalog.price_sheet(&p.id).is_some() {
            compared += 1;
        }
    }
    assert!(
        compared >= 6,
        "{compared} platforms have a sheet of their own"
    );
    assert_eq!(
        sheet_disagreements(&catalog),
        vec![(
            "google-cloud-run-functions".to_owned(),
            "max_memory_mb",
            32768.0,
            16384.0
        )],
        "a new disagreement between a platform and its price sheet, or the known one was fixed \
         (then drop it here and un-ignore the test below)"
    );
}

#[test]
#[ignore = "the Cloud Run functions price sheet still caps memory at 16,384 MB; the platform \
            limit is 32 GiB with 8 vCPU (facts audit G2). The sheet belongs to the pricing work"]
fn cloud_run_functions_sheet_memory_matches_the_platform() {
    let catalog = builtin();
    assert!(sheet_disagreements(&catalog).is_empty());
}

// ---------------------------------------------------------------- corrections

fn state_of(catalog: &Catalog, platform_id: &str, runtime: &str, today: &str) -> RuntimeState {
    platform(catalog, platform_id)
        .runtimes
        .iter()
        .find(|r| r.name == runtime)
        .unwrap_or_else(|| panic!("{platform_id} lists {runtime}"))
        .state_on(day(today))
}

#[test]
fn the_audited_runtimes_turn_deprecated_on_their_vendor_dates() {
    let catalog = builtin();
    // Lambda (facts audit A3): deprecated on the day, not before.
    for (runtime, date, day_before) in [
        ("Python 3.10", "2026-10-31", "2026-10-30"),
        (".NET 8", "2026-11-10", "2026-11-09"),
        ("OS-only provided.al2", "2026-07-31", "2026-07-30"),
    ] {
        assert_eq!(
            state_of(&catalog, "aws-lambda", runtime, day_before),
            RuntimeState::Supported,
            "{runtime}"
        );
        assert_eq!(
            state_of(&catalog, "aws-lambda", runtime, date),
            RuntimeState::Deprecated,
            "{runtime}"
        );
    }
    let lambda = platform(&catalog, "aws-lambda");
    assert!(lambda.runtimes.iter().any(|r| r.name.contains("4.0")));
    assert!(
        lambda
            .runtimes
            .iter()
            .any(|r| r.name.contains("Java 8, 11, 17 on Amazon Linux 2023"))
    );
    // Azure (Z2): .NET 8, .NET 9 and the in-process model ended 2026-11-10.
    for runtime in [
        "C# on the .NET isolated worker: .NET 8",
        "C# on the .NET isolated worker: .NET 9",
        "C# in-process model",
    ] {
        assert_eq!(
            state_of(&catalog, "azure-functions", runtime, "2026-11-10"),
            RuntimeState::EndOfSupport
        );
    }
    // IBM Code Engine (I2): Python 3.11 ended 2026-10-31; Node.js 20 is gone.
    assert_eq!(
        state_of(&catalog, "ibm-code-engine", "Python 3.11", "2026-12-01"),
        RuntimeState::EndOfSupport
    );
    assert!(
        !platform(&catalog, "ibm-code-engine")
            .runtimes
            .iter()
            .any(|r| r.name.contains("20"))
    );
}

#[test]
fn the_audited_statuses_and_tools_are_current() {
    let catalog = builtin();
    assert_eq!(
        platform(&catalog, "openfunction").status,
        Status::Archived,
        "dormant since 2023-09-22"
    );
    let sst = catalog.framework("sst").unwrap();
    assert_eq!(
        sst.repository.as_deref(),
        Some("https://github.com/anomalyco/sst")
    );
    assert!(sst.description.contains("version 4"));
    let serverless = catalog.framework("serverless-framework").unwrap();
    for support in serverless.providers.iter().filter(|p| p.provider != "aws") {
        let note = support.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("V3 only") && note.contains("unmaintained"),
            "{}: {note}",
            support.provider
        );
    }
    let osls = catalog.framework("osls").expect("osls is in the catalog");
    assert!(osls.platforms.contains(&"aws-lambda".to_owned()));
    assert!(catalog.framework("cdk-terrain").is_some());
}

// ---------------------------------------------------------------- coverage

/// The hosted and installable platforms of the CNCF landscape's Serverless
/// category, as read from `cncf/landscape` `landscape.yml` (snapshot 153d699,
/// 2026-08-07; research notes ecosystem.md §1.3), each with the catalog id
/// expected to hold it.
///
/// Left out on purpose: Virtual Kubelet and Interlink, which `second_path`
/// also places under Serverless, are kubelet implementations that run pods
/// elsewhere, not platforms that run functions.
const CNCF_SERVERLESS_PLATFORMS: [(&str, &str); 38] = [
    // Serverless / Hosted Platform (23 items; Alibaba FC and SAE are one entry here)
    ("AWS Lambda", "aws-lambda"),
    ("Azure Functions", "azure-functions"),
    ("Google Cloud Run", "google-cloud-run-functions"),
    ("Cloudflare Workers", "cloudflare-workers"),
    ("IBM Cloud Functions", "ibm-cloud-functions"),
    ("IBM Cloud Code Engine", "ibm-code-engine"),
    ("Oracle Functions", "oracle-functions"),
    (
        "Alibaba Function Compute and SAE",
        "alibaba-function-compute",
    ),
    // Not claimed: whether FunctionStage is FunctionGraph's former name is
    // unresolved in the sources, so this one counts as missing.
    ("Huawei FunctionStage", "huawei-functionstage"),
    ("Tencent SCF", "tencent-scf"),
    ("Baidu Cloud Function Compute", "baidu-cfc"),
    ("Netlify Functions", "netlify-functions"),
    ("Vercel", "vercel-functions"),
    ("Twilio Functions", "twilio-functions"),
    ("PubNub Functions", "pubnub-functions"),
    ("Nimbella", "nimbella"),
    ("Koyeb", "koyeb"),
    ("Nuweba", "nuweba"),
    ("Algorithmia", "algorithmia"),
    ("Second State Functions", "second-state-functions"),
    ("Catalyst (Zoho)", "zoho-catalyst"),
    ("Standard Library (Autocode)", "autocode"),
    // Serverless / Installable Platform (12 items)
    ("Apache OpenWhisk", "apache-openwhisk"),
    ("Apache OpenServerless", "apache-openserverless"),
    ("Fission", "fission"),
    ("OpenFaaS", "openfaas"),
    ("Nuclio", "nuclio"),
    ("Knix", "knix"),
    ("Direktiv", "direktiv"),
    ("Apache Camel K", "apache-camel-k"),
    ("AppScale", "appscale"),
    ("PipelineAI", "pipelineai"),
    ("KubeElasti", "kubeelasti"),
    ("SlimFaaS", "slimfaas"),
    // Placed under Serverless through second_path
    ("Knative", "knative"),
    ("KEDA", "keda"),
    ("OpenFunction", "openfunction"),
    ("wasmCloud", "wasmcloud"),
];

#[test]
fn at_least_95_percent_of_the_cncf_serverless_platforms_are_in_the_catalog() {
    let catalog = builtin();
    let found = |id: &str| {
        catalog
            .platforms
            .iter()
            .any(|p| p.id == id || p.aliases.iter().any(|a| a == id))
    };
    let missing: Vec<&str> = CNCF_SERVERLESS_PLATFORMS
        .iter()
        .filter(|(_, id)| !found(id))
        .map(|(name, _)| *name)
        .collect();
    let present = CNCF_SERVERLESS_PLATFORMS.len() - missing.len();
    assert!(
        present * 100 >= CNCF_SERVERLESS_PLATFORMS.len() * 95,
        "{present} of {} present; missing: {missing:?}",
        CNCF_SERVERLESS_PLATFORMS.len()
    );
}

#[test]
fn the_platforms_a_2026_reader_expects_are_there_with_sources_and_triggers() {
    let catalog = builtin();
    for id in [
        "aws-lambda-web-functions",
        "aws-cloudfront-functions",
        "deno-deploy",
        "supabase-edge-functions",
        "netlify-edge-functions",
        "fastly-compute",
        "spin",
        "spinkube",
        "wasmcloud",
        "digitalocean-functions",
        "baidu-cfc",
        "koyeb",
        "nimbella",
        "zoho-catalyst",
    ] {
        let p = platform(&catalog, id);
        assert!(!p.sources.is_empty(), "{id} cites sources");
        assert!(!p.triggers.is_empty(), "{id} lists its triggers");
        assert!(
            p.sources.iter().all(|s| has_confidence(s.note.as_deref())),
            "{id}: every source marks its confidence"
        );
    }
    // Nimbella lives on as DigitalOcean Functions.
    assert_eq!(
        platform(&catalog, "nimbella").successor.as_deref(),
        Some("digitalocean-functions")
    );
    // Sourced limits on the new entries.
    let digitalocean = &platform(&catalog, "digitalocean-functions").limits;
    assert_eq!(digitalocean.default_concurrency, Some(120));
    assert_eq!(digitalocean.concurrency_scope, Some(LimitScope::Namespace));
    let baidu = &platform(&catalog, "baidu-cfc").limits;
    assert_eq!(baidu.max_timeout_s, Some(300.0));
    assert_eq!(baidu.default_concurrency, Some(100));
    assert_eq!(
        platform(&catalog, "aws-lambda-web-functions")
            .limits
            .max_timeout_s,
        Some(900.0)
    );
}

// ---------------------------------------------------------------- freshness

#[test]
fn the_catalog_knows_its_oldest_and_newest_as_of() {
    let catalog = builtin();
    let range = facts::as_of_range(&catalog).expect("sources carry dates");
    assert!(range.oldest < range.newest);
    assert!(
        range.newest >= CatalogDate::parse("2026-12-01").unwrap(),
        "the facts audit's checks are dated"
    );
    assert!(range.dated >= 200, "{} dated sources", range.dated);
    // Every platform source on an active platform either has a date or is a
    // bare homepage or general-knowledge note.
    for p in catalog
        .platforms
        .iter()
        .filter(|p| p.status == Status::Active)
    {
        for source in p.sources.iter().filter(|s| s.as_of.is_none()) {
            let note = source.note.as_deref().unwrap_or_default();
            assert!(
                note.contains("unverified") || note.contains("[U]") || source.url.is_none(),
                "{}: {:?} has no as_of but claims more than general knowledge",
                p.id,
                source.title
            );
        }
    }
}

#[test]
fn sources_older_than_two_years_on_active_platforms_are_flagged_by_date() {
    let catalog = builtin();
    let flagged = |today: &str| -> Vec<(String, String)> {
        facts::stale_sources(&catalog, day(today))
            .into_iter()
            .map(|s| (s.platform.id.clone(), s.source.title.clone()))
            .collect()
    };
    let blog = (
        "cloudflare-workers".to_owned(),
        "Cloudflare blog: Cloudflare Workers Unleashed (2018-03-13)".to_owned(),
    );
    // Two years after 2018-03-13 is 2020-03-12 (730 days); the day after it is stale.
    assert!(!flagged("2020-03-12").contains(&blog));
    assert!(flagged("2020-03-14").contains(&blog));
    let today = flagged("2026-12-01");
    assert!(today.contains(&blog));
    // Retired or archived platforms are history: no warnings for them.
    for (id, _) in &today {
        assert_eq!(platform(&catalog, id).status, Status::Active, "{id}");
    }
    // A page kept only for the value the app does not use is not a warning.
    assert!(
        !today
            .iter()
            .any(|(_, title)| title.contains("May 2024 edition")),
        "{today:?}"
    );
    // Each source once per platform, even when it backs several fields.
    let mut unique = today.clone();
    unique.dedup();
    assert_eq!(unique.len(), today.len());
}

#[test]
fn ages_and_runtime_states_read_from_a_fixed_clock() {
    let catalog = builtin();
    let blog = platform(&catalog, "cloudflare-workers")
        .sources
        .iter()
        .find(|s| s.title.contains("Unleashed"))
        .unwrap();
    assert_eq!(
        facts::age_label(blog, day("2026-12-01")).as_deref(),
        Some("8 years")
    );
    assert_eq!(
        facts::age_label(blog, day("2018-04-13")).as_deref(),
        Some("1 month")
    );
    let python = platform(&catalog, "aws-lambda")
        .runtimes
        .iter()
        .find(|r| r.name == "Python 3.10")
        .unwrap();
    assert_eq!(
        facts::runtime_label(python, day("2026-12-01")),
        "Python 3.10 (deprecated since 2026-10-31)"
    );
    assert_eq!(
        facts::runtime_label(python, day("2026-06-01")),
        "Python 3.10 (supported until 2026-10-31)"
    );
}

#[test]
fn catalog_check_warns_about_stale_sources_but_passes() {
    let text = common::ok(&["catalog", "check"]);
    assert!(text.starts_with("catalog ok:"), "{text}");
    assert!(text.contains("sources as of: oldest "), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("warning: cloudflare-workers:") && l.contains("Unleashed")),
        "{text}"
    );

    // A source dated long ago on an active platform draws a warning, and the
    // check still exits 0.
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "as_of: \"2025-07-09\",",
        "as_of: \"2001-01-01\",",
    );
    let text = common::ok(&["catalog", "check", dir.path().to_str().unwrap()]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("warning: huawei-functiongraph:") && l.contains("2001-01-01")),
        "{text}"
    );
}
