//! The built-in catalog: what it covers, and what loading a broken catalog
//! directory reports. Every broken input is a copy of `catalogs/` in a
//! temporary directory with one mistake put in on purpose.

mod common;
use common::{builtin, copy_catalog, edit};

use std::path::Path;

use chrono::Datelike;

use serverless_atlas::catalog::{
    Catalog, CatalogError, CatalogErrors, CatalogFiles, SheetStatus, Status, Subject,
};

/// The 1-based line of the first line containing `needle`, and the 1-based
/// column where it starts.
fn position_of(dir: &Path, file: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    text.lines()
        .enumerate()
        .find_map(|(i, line)| line.find(needle).map(|col| (i + 1, col + 1)))
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"))
}

fn load_err(dir: &Path) -> CatalogErrors {
    match Catalog::from_dir(dir) {
        Ok(_) => panic!("the broken catalog in {} loaded", dir.display()),
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an Err carries at least one error");
            errors
        }
    }
}

/// The path a directory catalog names a file by in its errors.
fn shown(dir: &Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

// ---------------------------------------------------------------- coverage

#[test]
fn builtin_catalog_loads_with_the_expected_counts() {
    let c = builtin();
    assert!(c.platforms.len() >= 25, "{} platforms", c.platforms.len());
    assert!(
        (17..=22).contains(&c.triggers.len()),
        "about 19 triggers, got {}",
        c.triggers.len()
    );
    assert!(
        c.price_sheets.len() >= 10,
        "{} sheets",
        c.price_sheets.len()
    );
    assert!(
        c.frameworks.len() >= 17,
        "{} frameworks",
        c.frameworks.len()
    );
    for provider in ["aws", "azure", "gcp", "ibm", "cloudflare", "self-hosted"] {
        assert!(c.provider(provider).is_some(), "provider {provider}");
        let services = c.services.iter().filter(|s| s.provider == provider).count();
        assert!(services >= 5, "{provider} has only {services} services");
    }
    // Every id resolves through the index to the entry that carries it.
    for p in &c.platforms {
        assert_eq!(c.platform(&p.id).map(|x| &x.id), Some(&p.id));
    }
    for s in &c.price_sheets {
        assert_eq!(c.price_sheet(&s.id).map(|x| &x.id), Some(&s.id));
    }
    assert!(c.platform("no-such-platform").is_none());
}

#[test]
fn every_founding_platform_is_present() {
    let c = builtin();
    for id in [
        "aws-lambda",
        "aws-lambda-edge",
        "aws-greengrass",
        "azure-functions",
        "google-cloud-functions",
        "google-cloud-run-functions",
        "ibm-cloud-functions",
        "apache-openwhisk",
        "iron-io-ironworker",
        "pubnub-functions",
        "auth0-webtask",
        "hook-io",
        "funktion",
        "fission",
        "kubeless",
        "funcatron",
        "openfaas",
        "galactic-fog-gestalt",
        "iron-functions",
        "cloudflare-workers",
        "knative",
        "fn-project",
        "oracle-functions",
        "alibaba-function-compute",
        "ibm-code-engine",
        "vercel-functions",
        "netlify-functions",
        "nuclio",
    ] {
        assert!(c.platform(id).is_some(), "platform {id} is missing");
    }
}

#[test]
fn every_founding_tool_is_present() {
    let c = builtin();
    for id in [
        "serverless-framework",
        "chalice",
        "zappa",
        "claudia-js",
        "dawson",
        "shep",
        "sparta",
        "lambada-framework",
        "aws-sam",
        "terraform",
        "aws-cloudformation",
        "apex",
        "gordon",
        "kappa",
        "pulumi",
        "architect",
        "sst",
    ] {
        assert!(c.framework(id).is_some(), "framework {id} is missing");
    }
}

#[test]
fn variants_and_successors_point_where_the_data_says() {
    let c = builtin();
    let ibm = c.platform("ibm-cloud-functions").unwrap();
    assert_eq!(ibm.status, Status::Retired);
    assert_eq!(ibm.successor.as_deref(), Some("ibm-code-engine"));
    assert_eq!(
        c.platform("google-cloud-functions")
            .unwrap()
            .successor
            .as_deref(),
        Some("google-cloud-run-functions")
    );
    assert_eq!(
        c.platform("iron-functions").unwrap().successor.as_deref(),
        Some("fn-project")
    );
    assert_eq!(
        c.platform("aws-lambda-edge").unwrap().variant_of.as_deref(),
        Some("aws-lambda")
    );
    assert_eq!(c.platform("auth0-webtask").unwrap().status, Status::Retired);
    // A successor is never the platform itself and is itself alive or has
    // a successor of its own.
    for p in &c.platforms {
        if let Some(next) = &p.successor {
            assert_ne!(next, &p.id);
            let next = c.platform(next).expect("successor resolves");
            assert!(
                next.is_live() || next.successor.is_some(),
                "{} -> {} leads nowhere",
                p.id,
                next.id
            );
        }
    }
}

#[test]
fn every_entry_cites_a_source() {
    let c = builtin();
    for p in &c.platforms {
        assert!(!p.sources.is_empty(), "platform {}", p.id);
        assert!(p.sources.iter().all(|s| !s.title.trim().is_empty()));
    }
    for s in &c.services {
        assert!(!s.sources.is_empty(), "service {}", s.id);
    }
    for f in &c.frameworks {
        assert!(!f.sources.is_empty(), "framework {}", f.id);
    }
    for s in &c.price_sheets {
        assert!(!s.sources.is_empty(), "price sheet {}", s.id);
    }
}

#[test]
fn every_price_sheet_has_as_of_region_and_usd() {
    let c = builtin();
    let today = chrono::Local::now().date_naive();
    for s in &c.price_sheets {
        assert_eq!(s.currency, "USD", "{}", s.id);
        assert!(!s.region.trim().is_empty(), "{} has no region", s.id);
        assert!(s.as_of.date.year() >= 2010, "{}", s.id);
        assert!(s.as_of.date <= today, "{} as_of is in the future", s.id);
        assert!(!s.meters.is_empty(), "{} has no meters", s.id);
    }
}

#[test]
fn the_issue_price_sheet_ids_exist_and_price_their_platforms() {
    let c = builtin();
    for (sheet, platform) in [
        ("aws-lambda", "aws-lambda"),
        ("aws-lambda-edge", "aws-lambda-edge"),
        ("azure-functions", "azure-functions"),
        ("azure-functions-flex", "azure-functions"),
        ("google-cloud-functions", "google-cloud-functions"),
        ("google-cloud-run-functions", "google-cloud-run-functions"),
        ("cloudflare-workers", "cloudflare-workers"),
        ("oracle-functions", "oracle-functions"),
        ("alibaba-function-compute", "alibaba-function-compute"),
        ("ibm-cloud-functions", "ibm-cloud-functions"),
    ] {
        let s = c
            .price_sheet(sheet)
            .unwrap_or_else(|| panic!("sheet {sheet}"));
        assert_eq!(s.subject, Subject::Platform(platform.into()), "{sheet}");
        // The platform points back at its sheet.
        assert!(
            c.platform(platform)
                .unwrap()
                .price_sheets
                .iter()
                .any(|id| id == sheet),
            "{platform} does not list {sheet}"
        );
    }
    assert_eq!(
        c.price_sheet("ibm-cloud-functions").unwrap().status,
        SheetStatus::Retired
    );
    let active: Vec<&str> = c
        .active_platform_sheets()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert!(!active.contains(&"ibm-cloud-functions"));
    assert!(active.contains(&"aws-lambda") && active.contains(&"azure-functions-flex"));
    // The API Gateway service sheets exist and price services, not platforms.
    for id in ["aws-api-gateway-rest", "aws-api-gateway-http"] {
        assert_eq!(
            c.price_sheet(id).unwrap().subject,
            Subject::Service(id.into())
        );
    }
}

#[test]
fn an_unmodified_copy_loads_like_the_builtin_catalog() {
    let dir = copy_catalog();
    let from_dir = Catalog::from_dir(dir.path()).expect("the copy loads");
    let builtin = builtin();
    assert_eq!(from_dir.platforms, builtin.platforms);
    assert_eq!(from_dir.price_sheets, builtin.price_sheets);
    assert_eq!(from_dir.frameworks.len(), builtin.frameworks.len());
}

// ----------------------------------------------------------- broken inputs

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let dir = copy_catalog();
    // Line 13 of platforms.ron is aws-lambda's `kind: Hosted,`.
    edit(
        dir.path(),
        "platforms.ron",
        "        kind: Hosted,",
        "        kind: @Hosted,",
    );
    let (line, column) = position_of(dir.path(), "platforms.ron", "@Hosted");
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    let CatalogError::Syntax {
        file,
        line: got_line,
        column: got_column,
        ..
    } = &errors.0[0]
    else {
        panic!("expected a syntax error, got {errors}");
    };
    assert_eq!(file, &shown(dir.path(), "platforms.ron"));
    assert_eq!(*got_line, line, "{errors}");
    assert!(
        (column..=column + 1).contains(got_column),
        "column {got_column} should point at the `@` at column {column}: {errors}"
    );
    let message = errors.to_string();
    assert!(
        message.starts_with(&format!(
            "{}:{line}:{got_column}: ",
            shown(dir.path(), "platforms.ron")
        )),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn a_syntax_error_in_a_price_sheet_points_at_the_broken_line() {
    let dir = copy_catalog();
    // Drop the comma after a tier price: the next tier starts without one.
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "(up_to: 6000000000, usd: 0.0000166667),",
        "(up_to: 6000000000, usd: 0.0000166667)",
    );
    let (line, _) = position_of(
        dir.path(),
        "pricing/aws-lambda.ron",
        "(up_to: 6000000000, usd: 0.0000166667)",
    );
    let errors = load_err(dir.path());
    let CatalogError::Syntax {
        file, line: got, ..
    } = &errors.0[0]
    else {
        panic!("expected a syntax error, got {errors}");
    };
    assert_eq!(file, &shown(dir.path(), "pricing/aws-lambda.ron"));
    // The parser notices at the start of the next tier.
    assert!(
        *got == line || *got == line + 1,
        "line {got}, broken at {line}: {errors}"
    );
}

#[test]
fn a_dangling_trigger_names_file_entry_and_missing_id() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "(trigger: \"queue\", service: \"Amazon SQS (event source mapping)\"",
        "(trigger: \"no-such-trigger\", service: \"Amazon SQS (event source mapping)\"",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Dangling {
            file,
            line,
            entry,
            field,
            missing,
            ..
        } => {
            assert_eq!(file, &shown(dir.path(), "platforms.ron"));
            assert_eq!(entry, "aws-lambda");
            assert_eq!(field, "trigger");
            assert_eq!(missing, "no-such-trigger");
            // The line of the entry's id.
            assert_eq!(*line, Some(9));
        }
        other => panic!("expected a dangling reference, got {other}"),
    }
    let message = errors.to_string();
    assert!(message.contains("platforms.ron:9"), "{message}");
    assert!(message.contains("aws-lambda"), "{message}");
    assert!(message.contains("no-such-trigger"), "{message}");
    assert!(message.contains("triggers.ron"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn a_dangling_successor_and_provider_are_reported_too() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "successor: \"ibm-code-engine\"",
        "successor: \"ibm-code-engine-2\"",
    );
    edit(
        dir.path(),
        "providers.ron",
        "function_platform: \"knative\"",
        "function_platform: \"knative-x\"",
    );
    let errors = load_err(dir.path());
    let dangling: Vec<(&str, &str, &str)> = errors
        .0
        .iter()
        .filter_map(|e| match e {
            CatalogError::Dangling {
                entry,
                field,
                missing,
                ..
            } => Some((entry.as_str(), field.as_str(), missing.as_str())),
            _ => None,
        })
        .collect();
    assert!(
        dangling.contains(&("ibm-cloud-functions", "successor", "ibm-code-engine-2")),
        "{errors}"
    );
    assert!(
        dangling.contains(&("self-hosted", "function_platform", "knative-x")),
        "{errors}"
    );
    assert_eq!(errors.0.len(), 2, "{errors}");
}

#[test]
fn a_duplicate_id_across_files_is_reported_at_the_second_definition() {
    let dir = copy_catalog();
    // A framework reusing a platform's id: catalog entries share one namespace.
    edit(
        dir.path(),
        "frameworks.ron",
        "id: \"kappa\"",
        "id: \"aws-lambda\"",
    );
    let (line, _) = position_of(dir.path(), "frameworks.ron", "id: \"aws-lambda\"");
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Duplicate {
            file,
            line: got,
            id,
            first_file,
        } => {
            assert_eq!(file, &shown(dir.path(), "frameworks.ron"));
            assert_eq!(*got, Some(line));
            assert_eq!(id, "aws-lambda");
            assert_eq!(first_file, &shown(dir.path(), "platforms.ron"));
        }
        other => panic!("expected a duplicate, got {other}"),
    }
    let message = errors.to_string();
    assert!(message.contains("duplicate id `aws-lambda`"), "{message}");
    assert!(message.contains("frameworks.ron"), "{message}");
}

#[test]
fn a_duplicate_id_in_the_same_file_points_at_the_second_one() {
    let dir = copy_catalog();
    // knix is referenced by nothing, so renaming it only duplicates.
    edit(
        dir.path(),
        "platforms.ron",
        "id: \"knix\"",
        "id: \"knative\"",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    let CatalogError::Duplicate { file, line, id, .. } = &errors.0[0] else {
        panic!("expected a duplicate, got {errors}");
    };
    assert_eq!(id, "knative");
    assert_eq!(file, &shown(dir.path(), "platforms.ron"));
    let text = std::fs::read_to_string(dir.path().join("platforms.ron")).unwrap();
    let definitions: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "id: \"knative\",")
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(definitions.len(), 2);
    assert_eq!(*line, Some(definitions[1]), "{errors}");
}

#[test]
fn a_duplicate_price_sheet_id_is_reported() {
    let dir = copy_catalog();
    std::fs::copy(
        dir.path().join("pricing/oracle-functions.ron"),
        dir.path().join("pricing/zz-oracle-copy.ron"),
    )
    .unwrap();
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Duplicate {
            file,
            line,
            id,
            first_file,
        } => {
            assert_eq!(id, "oracle-functions");
            assert_eq!(file, &shown(dir.path(), "pricing/zz-oracle-copy.ron"));
            assert_eq!(
                first_file,
                &shown(dir.path(), "pricing/oracle-functions.ron")
            );
            assert_eq!(*line, Some(3));
        }
        other => panic!("expected a duplicate, got {other}"),
    }
}

#[test]
fn an_impossible_month_names_the_date() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "announced: \"2014-11\"",
        "announced: \"2016-13\"",
    );
    let (line, column) = position_of(dir.path(), "platforms.ron", "\"2016-13\"");
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    let CatalogError::Syntax {
        file,
        line: got,
        column: got_column,
        message,
    } = &errors.0[0]
    else {
        panic!("expected a syntax error, got {errors}");
    };
    assert_eq!(file, &shown(dir.path(), "platforms.ron"));
    assert_eq!(*got, line, "{errors}");
    // Somewhere on the quoted date, not elsewhere on the line.
    assert!(
        (column..=column + "\"2016-13\"".len()).contains(got_column),
        "column {got_column}, date at {column}: {errors}"
    );
    assert!(message.contains("2016-13"), "{message}");
    let shown_message = errors.to_string();
    assert!(
        shown_message.starts_with(&format!("{}:{line}:", shown(dir.path(), "platforms.ron"))),
        "{shown_message}"
    );
    assert!(shown_message.contains("2016-13"), "{shown_message}");
}

#[test]
fn a_slash_date_names_the_date() {
    let dir = copy_catalog();
    // Replace the first framework's first_release, whatever it is.
    let text = std::fs::read_to_string(dir.path().join("frameworks.ron")).unwrap();
    let start = text.find("first_release: \"").unwrap() + "first_release: \"".len();
    let end = start + text[start..].find('"').unwrap();
    let original = text[start..end].to_owned();
    let mut broken = text.clone();
    broken.replace_range(start..end, "2016/03");
    std::fs::write(dir.path().join("frameworks.ron"), &broken).unwrap();
    let line = broken[..start].lines().count();

    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    let CatalogError::Syntax {
        file,
        line: got,
        message,
        ..
    } = &errors.0[0]
    else {
        panic!("expected a syntax error, got {errors}");
    };
    assert_eq!(file, &shown(dir.path(), "frameworks.ron"));
    assert_eq!(*got, line, "replaced {original:?}: {errors}");
    assert!(message.contains("2016/03"), "{message}");
}

#[test]
fn ga_before_announced_is_reported_with_both_dates() {
    let dir = copy_catalog();
    // aws-lambda: announced 2014-11, ga 2015-04.
    edit(
        dir.path(),
        "platforms.ron",
        "ga: \"2015-04\"",
        "ga: \"2013-01\"",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Invalid {
            file,
            line,
            entry,
            message,
        } => {
            assert_eq!(file, &shown(dir.path(), "platforms.ron"));
            assert_eq!(entry, "aws-lambda");
            assert_eq!(*line, Some(9));
            assert!(message.contains("announced"), "{message}");
            assert!(message.contains("2014-11"), "{message}");
            assert!(message.contains("2013-01"), "{message}");
        }
        other => panic!("expected an invalid entry, got {other}"),
    }
}

#[test]
fn same_period_dates_at_different_precision_are_not_out_of_order() {
    let dir = copy_catalog();
    // "2015" is not after "2015-04": compared at the coarser precision.
    edit(
        dir.path(),
        "platforms.ron",
        "announced: \"2014-11\"",
        "announced: \"2015\"",
    );
    Catalog::from_dir(dir.path()).expect("2015 then 2015-04 is in order");
    edit(
        dir.path(),
        "platforms.ron",
        "ga: \"2015-04\"",
        "ga: \"2014-12\"",
    );
    let errors = load_err(dir.path());
    assert!(
        errors.to_string().contains("2015") && errors.to_string().contains("2014-12"),
        "{errors}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_the_path() {
    let dir = copy_catalog();
    std::fs::remove_file(dir.path().join("providers.ron")).unwrap();
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Io { path, message } => {
            assert_eq!(path, &shown(dir.path(), "providers.ron"));
            assert!(!message.is_empty());
        }
        other => panic!("expected an I/O error, got {other}"),
    }
    let message = errors.to_string();
    assert!(
        message.starts_with(&shown(dir.path(), "providers.ron")),
        "{message}"
    );
}

#[test]
fn a_missing_pricing_directory_and_a_missing_directory_are_io_errors() {
    let dir = copy_catalog();
    std::fs::remove_dir_all(dir.path().join("pricing")).unwrap();
    let errors = load_err(dir.path());
    assert!(
        errors.0.iter().any(
            |e| matches!(e, CatalogError::Io { path, .. } if path == &shown(dir.path(), "pricing"))
        ),
        "{errors}"
    );

    let nowhere = dir.path().join("does-not-exist");
    let errors = load_err(&nowhere);
    // Every file is reported, each as an I/O error.
    assert_eq!(errors.0.len(), 6, "{errors}");
    assert!(
        errors
            .0
            .iter()
            .all(|e| matches!(e, CatalogError::Io { .. }))
    );
}

#[test]
fn tier_bounds_out_of_order_are_reported_for_the_meter() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "(up_to: 6000000000, usd: 0.0000166667),\n                (up_to: 15000000000, usd: 0.000015),",
        "(up_to: 15000000000, usd: 0.0000166667),\n                (up_to: 6000000000, usd: 0.000015),",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Invalid {
            file,
            line,
            entry,
            message,
        } => {
            assert_eq!(file, &shown(dir.path(), "pricing/aws-lambda.ron"));
            assert_eq!(entry, "aws-lambda");
            assert_eq!(*line, Some(3));
            assert!(message.contains("duration-x86"), "{message}");
            assert!(message.contains("ascend"), "{message}");
        }
        other => panic!("expected an invalid sheet, got {other}"),
    }
}

#[test]
fn a_bounded_last_tier_is_reported() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "(usd: 0.0000133334),\n            ],\n            free_pool: \"compute\",",
        "(up_to: 99000000000, usd: 0.0000133334),\n            ],\n            free_pool: \"compute\",",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert!(
        matches!(&errors.0[0], CatalogError::Invalid { message, .. } if message.contains("duration-x86") && message.contains("the last none")),
        "{errors}"
    );
}

#[test]
fn a_meter_naming_a_missing_free_pool_is_a_dangling_reference() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "free_pool: \"compute\",",
        "free_pool: \"no-such-pool\",",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 1, "{errors}");
    match &errors.0[0] {
        CatalogError::Dangling {
            file,
            entry,
            field,
            missing,
            ..
        } => {
            assert_eq!(file, &shown(dir.path(), "pricing/aws-lambda.ron"));
            assert_eq!(entry, "aws-lambda");
            assert!(field.contains("duration-x86"), "{field}");
            assert_eq!(missing, "no-such-pool");
        }
        other => panic!("expected a dangling reference, got {other}"),
    }
    let message = errors.to_string();
    assert!(message.contains("no-such-pool"), "{message}");
    assert!(message.contains("aws-lambda.ron"), "{message}");
}

#[test]
fn a_sheet_in_another_currency_or_for_a_missing_platform_is_reported() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "pricing/oracle-functions.ron",
        "currency: \"USD\"",
        "currency: \"EUR\"",
    );
    edit(
        dir.path(),
        "pricing/alibaba-function-compute.ron",
        "subject: Platform(\"alibaba-function-compute\")",
        "subject: Platform(\"alibaba-fc-9\")",
    );
    let errors = load_err(dir.path());
    let text = errors.to_string();
    assert!(text.contains("EUR"), "{text}");
    assert!(
        errors.0.iter().any(
            |e| matches!(e, CatalogError::Dangling { missing, .. } if missing == "alibaba-fc-9")
        ),
        "{text}"
    );
}

#[test]
fn several_problems_are_all_reported_one_per_line() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "(trigger: \"queue\",",
        "(trigger: \"queue-x\",",
    );
    edit(
        dir.path(),
        "platforms.ron",
        "ga: \"2015-04\"",
        "ga: \"2013-01\"",
    );
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "free_pool: \"compute\",",
        "free_pool: \"no-such-pool\",",
    );
    let errors = load_err(dir.path());
    assert_eq!(errors.0.len(), 3, "{errors}");
    assert_eq!(errors.to_string().lines().count(), 3);
}

// ------------------------------------------------------------ no panics

fn with_platforms(text: &str) -> Result<Catalog, CatalogErrors> {
    let mut files = CatalogFiles::embedded();
    files.platforms.text = text.to_owned();
    files.parse()
}

#[test]
fn truncated_platform_files_are_errors_not_panics() {
    let text = CatalogFiles::embedded().platforms.text;
    let closing = text.rfind(']').expect("a list");
    for percent in [0, 1, 5, 13, 25, 37, 50, 63, 75, 88, 99] {
        let mut cut = closing * percent / 100;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let result = std::panic::catch_unwind(|| with_platforms(&text[..cut]));
        let result = result.unwrap_or_else(|_| panic!("panicked at a cut of {percent}%"));
        let errors = result.err().unwrap_or_else(|| panic!("{percent}% loaded"));
        assert!(
            errors.0.iter().any(|e| matches!(e, CatalogError::Syntax { file, .. } if file == "catalogs/platforms.ron")),
            "{percent}%: {errors}"
        );
    }
    // Cut just before the closing bracket.
    assert!(with_platforms(&text[..closing]).is_err());
}

#[test]
fn mangled_platform_files_are_errors_not_panics() {
    let text = CatalogFiles::embedded().platforms.text;
    let mangled = [
        text.replace(',', ""),
        text.replace('"', ""),
        text.replacen(')', "]", 3),
        text.replace("kind: Hosted", "kind: Hostile"),
        text.replace("max_timeout_s: 900,", "max_timeout_s: \"900\","),
        text.replace("default_concurrency: 1000,", "default_concurrency: -1,"),
        text.replacen("id: \"aws-lambda\",", "", 1),
        text.replacen(
            "name: \"AWS Lambda\",",
            "name: \"AWS Lambda\", colour: \"orange\",",
            1,
        ),
        String::from_utf8_lossy(&[0xff, 0xfe, 0x00, 0x5b, 0x28]).into_owned(),
        "[(]".to_owned(),
        "()".to_owned(),
        String::new(),
    ];
    for (i, broken) in mangled.iter().enumerate() {
        assert_ne!(broken, &text, "mangling {i} changed nothing");
        let result = std::panic::catch_unwind(|| with_platforms(broken))
            .unwrap_or_else(|_| panic!("mangling {i} panicked"));
        let errors = result
            .err()
            .unwrap_or_else(|| panic!("mangling {i} loaded"));
        for error in &errors.0 {
            assert_eq!(error.to_string().lines().count(), 1, "{error}");
        }
    }
    // An empty list is valid RON but leaves every reference to a platform dangling.
    let errors = with_platforms("[]").expect_err("an empty platform list");
    assert!(
        errors
            .0
            .iter()
            .all(|e| !matches!(e, CatalogError::Syntax { .. })),
        "{errors}"
    );
}

#[test]
fn an_alias_may_not_shadow_a_live_id() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "aliases: [\"zeit-now\"]",
        "aliases: [\"zeit-now\", \"aws-lambda\"]",
    );
    let errors = load_err(dir.path()).to_string();
    assert!(errors.contains("duplicate id `aws-lambda`"), "{errors}");
}
