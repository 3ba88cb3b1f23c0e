//! A seeded, stable-toolchain fuzz harness: mutations of the example
//! architectures, the catalog files and workload inputs, run in a loop.
//!
//! Each case must not panic, must finish within a second, must report a
//! bad input as one line, and must print no non-finite figure. The default
//! run is small enough for CI; a longer run is for local use:
//!
//! ```text
//! ATLAS_FUZZ_CASES=200000 ATLAS_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A failure names its seed and case, so `ATLAS_FUZZ_SEED` and the case
//! number reproduce it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use serverless_atlas::architecture::{self, examples::example_texts};
use serverless_atlas::catalog::{Arch, Catalog, CatalogFiles};
use serverless_atlas::cost::{self, PricingOptions, Workload};
use serverless_atlas::export::{self, Format, architecture::render_ports};

/// The issue's bound for one run: a case that takes longer is a hang in
/// the making (the `cost` spin this harness was written to keep found).
/// Typical cases take milliseconds, so a slow machine does not trip it.
const CASE_BUDGET: Duration = Duration::from_secs(1);

/// SplitMix64: tiny, seedable, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    env_number("ATLAS_FUZZ_SEED", 0x5eed)
}

/// Cases per harness: the default keeps CI within its minute.
fn cases(default: u64) -> u64 {
    env_number("ATLAS_FUZZ_CASES", default)
}

/// Numbers that have broken parsers and prices before.
const NUMBERS: &[&str] = &[
    "0",
    "-0.0",
    "-1",
    "1",
    "2",
    "0.5",
    "60",
    "1e15",
    "1e16",
    "1e23",
    "1.25e306",
    "1e308",
    "-1e308",
    "5e-324",
    "NaN",
    "inf",
    "-inf",
    "18446744073709551616",
    "4294967296",
    "1e-9",
];

/// Fragments that have broken files before.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\n",
    "\u{feff}",
    "\0",
    "\u{1b}",
    "é",
    "//",
    "Some(",
    "version: 2,",
    "fan_out: 2.0,",
];

/// Run one case: no panic, within budget, with context on failure.
fn run_case(harness: &str, seed: u64, case: u64, input: &str, body: impl FnOnce()) {
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(body));
    let elapsed = started.elapsed();
    let shown: String = input.chars().take(2000).collect();
    if let Err(panic) = result {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!("{harness}: seed {seed} case {case} failed: {message}\ninput:\n{shown}");
    }
    assert!(
        elapsed < CASE_BUDGET,
        "{harness}: seed {seed} case {case} took {elapsed:?}\ninput:\n{shown}"
    );
}

/// True when a rendered figure is not finite.
fn has_non_finite(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| {
            matches!(
                word.to_ascii_lowercase().as_str(),
                "inf" | "nan" | "infinity"
            )
        })
}

/// Whether a byte offset is inside a string literal on its line (an odd
/// number of unescaped quotes before it). Numbers in strings are text:
/// turning `"1M requests"` into `"-inf requests"` is no figure.
fn in_string(text: &str, index: usize) -> bool {
    let line_start = text[..index].rfind('\n').map_or(0, |n| n + 1);
    let mut quotes = 0;
    let mut escaped = false;
    for c in text[line_start..index].chars() {
        if c == '"' && !escaped {
            quotes += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    quotes % 2 == 1
}

/// Replace one number in the text (outside strings) with an interesting one.
fn mutate_number(rng: &mut Rng, text: &str) -> String {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_digit()
                && !in_string(text, i)
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !(p.is_ascii_alphanumeric() || p == '.' || p == '-'))
        })
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() {
        return text.to_owned();
    }
    let start = *rng.pick(&starts);
    let end = text[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '+'))
        .map_or(text.len(), |n| start + n);
    format!("{}{}{}", &text[..start], rng.pick(NUMBERS), &text[end..])
}

/// A char boundary at or before `index`.
fn boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// One random mutation of a text file.
fn mutate(rng: &mut Rng, text: &str) -> String {
    match rng.below(7) {
        0 | 1 => mutate_number(rng, text),
        2 => text[..boundary(text, rng.below(text.len()))].to_owned(),
        3 => {
            let at = boundary(text, rng.below(text.len()));
            format!("{}{}{}", &text[..at], rng.pick(FRAGMENTS), &text[at..])
        }
        4 => {
            let from = boundary(text, rng.below(text.len()));
            let to = boundary(text, from + rng.below(40));
            format!("{}{}", &text[..from], &text[to..])
        }
        5 => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_owned();
            }
            let line = rng.below(lines.len());
            let mut out: Vec<&str> = lines.clone();
            out.insert(line, lines[line]);
            out.join("\n")
        }
        _ => {
            // Several numbers at once: huge loads meet fan-outs.
            let mut out = text.to_owned();
            for _ in 0..1 + rng.below(4) {
                out = mutate_number(rng, &out);
            }
            out
        }
    }
}

/// A chain of functions with a fan-out on every edge: the shape that once
/// made `cost` spin.
fn fan_out_chain(length: usize, fan_out: &str, load: &str) -> String {
    let mut nodes = format!(
        "(id: 1, name: \"Source\", position: (0.0, 0.0), kind: EventSource(trigger: \"http-request\", load: RequestsPerMonth({load}))),\n"
    );
    let mut edges =
        String::from("(id: 1, from: 1, to: 2, kind: Trigger, trigger: \"http-request\"),\n");
    for i in 2..=length + 1 {
        nodes.push_str(&format!(
            "(id: {i}, name: \"F{i}\", position: (0.0, 0.0), kind: Function(memory_mb: 128.0, duration_ms: 10.0, arch: x86_64)),\n"
        ));
        if i > 2 {
            edges.push_str(&format!(
                "(id: {i}, from: {}, to: {i}, kind: Trigger, trigger: \"direct\", fan_out: {fan_out}),\n",
                i - 1
            ));
        }
    }
    format!(
        "(version: 1, name: \"chain\", target_platform: \"aws-lambda\", nodes: [\n{nodes}], edges: [\n{edges}])\n"
    )
}

/// Load, validate and (when it validates) price one architecture text.
fn exercise_architecture(catalog: &Catalog, text: &str) {
    let doc = match architecture::load_str(catalog, "fuzz.ron", text) {
        Ok(doc) => doc,
        Err(error) => {
            let line = error.to_string();
            assert!(!line.contains('\n'), "error is not one line: {line}");
            assert!(
                line.starts_with("fuzz.ron"),
                "error does not name the file: {line}"
            );
            return;
        }
    };
    let problems = architecture::validate(catalog, &doc);
    for problem in &problems {
        let line = problem.to_string();
        assert!(!line.contains('\n'), "problem is not one line: {line}");
        assert!(!has_non_finite(&line) || line.contains("(got "), "{line}");
    }
    // `cost` prices files `check` accepts; those must give finite figures.
    if problems.iter().any(|p| p.is_error()) {
        return;
    }
    for free_tier in [true, false] {
        let options = PricingOptions {
            free_tier,
            first_year_free_tier: false,
        };
        let ports = architecture::portability(catalog, &doc, options);
        for port in &ports {
            assert!(
                port.price.total_usd.is_none_or(f64::is_finite),
                "{}: total {:?}",
                port.platform,
                port.price.total_usd
            );
        }
        for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
            let out = render_ports(format, &doc, &ports).expect("renders");
            assert!(
                !has_non_finite(&out),
                "{format:?} output has inf or NaN:\n{out}"
            );
        }
    }
}

#[test]
fn mutated_architectures_never_panic_hang_or_print_non_finite_figures() {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let examples = example_texts();
    let seed = seed();
    let mut rng = Rng(seed);
    for case in 0..cases(3000) {
        let (_, original) = *rng.pick(examples);
        let text = if case % 25 == 0 {
            let length = 1 + rng.below(80);
            let fan_out = *rng.pick(&["1", "2", "10", "1e3"]);
            let load = *rng.pick(NUMBERS);
            fan_out_chain(length, fan_out, load)
        } else {
            let mut text = original.to_owned();
            for _ in 0..1 + rng.below(3) {
                text = mutate(&mut rng, &text);
            }
            text
        };
        run_case("architecture", seed, case, &text, || {
            exercise_architecture(&catalog, &text)
        });
    }
}

/// One catalog file, by index, for mutation.
fn file_mut(files: &mut CatalogFiles, index: usize) -> &mut String {
    match index {
        0 => &mut files.providers.text,
        1 => &mut files.triggers.text,
        2 => &mut files.platforms.text,
        3 => &mut files.services.text,
        4 => &mut files.frameworks.text,
        n => {
            let count = files.pricing.len();
            &mut files.pricing[(n - 5) % count].text
        }
    }
}

#[test]
fn mutated_catalogs_never_panic_and_price_finitely_when_they_load() {
    let pristine = CatalogFiles::embedded();
    let seed = seed() ^ 0xca7a;
    let mut rng = Rng(seed);
    let workloads = [
        Workload::default(),
        Workload {
            requests_per_month: 1e15,
            duration_ms: 2_628_000_000.0,
            memory_mb: 1_048_576.0,
            egress_gb: 1e9,
            ..Workload::default()
        },
    ];
    for case in 0..cases(200) {
        let mut files = pristine.clone();
        // Price sheets carry the numbers prices are made of: mutate them most.
        let index = if rng.below(3) == 0 {
            rng.below(5)
        } else {
            5 + rng.below(files.pricing.len())
        };
        let text = file_mut(&mut files, index);
        for _ in 0..1 + rng.below(3) {
            *text = if rng.below(4) == 0 {
                mutate(&mut rng, text)
            } else {
                mutate_number(&mut rng, text)
            };
        }
        // Show what changed: the file is long and mostly as shipped.
        let original = file_mut(&mut pristine.clone(), index).clone();
        let shown: String = text
            .lines()
            .zip(original.lines())
            .enumerate()
            .filter(|(_, (now, was))| now != was)
            .take(10)
            .map(|(n, (now, was))| format!("line {}: {was}\n   now: {now}\n", n + 1))
            .collect();
        run_case("catalog", seed, case, &shown, || match files.parse() {
            Err(errors) => {
                for error in &errors.0 {
                    let line = error.to_string();
                    assert!(!line.contains('\n'), "error is not one line: {line}");
                }
            }
            Ok(catalog) => {
                for workload in &workloads {
                    for sheet in catalog.active_platform_sheets() {
                        let quote = cost::quote(sheet, workload, PricingOptions::default());
                        if let Some(total) = quote.total_usd {
                            assert!(total.is_finite(), "{}: total {total}", sheet.id);
                        }
                        let table = export::quotes_table(&[quote]);
                        assert!(!has_non_finite(&table), "{table}");
                    }
                }
            }
        });
    }
}

#[test]
fn random_workloads_are_refused_or_priced_finitely() {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let sheets = catalog.active_platform_sheets();
    let seed = seed() ^ 0x0a0d;
    let mut rng = Rng(seed);
    let number = |rng: &mut Rng| -> f64 {
        match rng.below(3) {
            0 => rng.pick(NUMBERS).parse().unwrap_or(f64::NAN),
            1 => (rng.below(10_000) as f64) * 10f64.powi(rng.below(12) as i32 - 3),
            _ => 10f64.powi(rng.below(40) as i32 - 10),
        }
    };
    for case in 0..cases(2000) {
        let workload = Workload {
            requests_per_month: number(&mut rng),
            duration_ms: number(&mut rng),
            memory_mb: number(&mut rng),
            arch: *rng.pick(&[Arch::X86_64, Arch::Arm64]),
            cpu_ms: (rng.below(2) == 0).then(|| number(&mut rng)),
            egress_gb: number(&mut rng),
            ephemeral_mb: number(&mut rng),
            payload_kb: number(&mut rng),
            instance_concurrency: number(&mut rng),
            provisioned: None,
        };
        let input = format!("{workload:?}");
        run_case("workload", seed, case, &input, || {
            if let Err(error) = workload.validate() {
                let line = error.to_string();
                assert!(!line.contains('\n'), "{line}");
                return;
            }
            let options = PricingOptions {
                free_tier: rng.below(2) == 0,
                first_year_free_tier: rng.below(2) == 0,
            };
            let quotes = cost::compare(&sheets, &workload, options);
            for quote in &quotes {
                if let Some(total) = quote.total_usd {
                    assert!(total.is_finite(), "{}: total {total}", quote.sheet.id);
                }
            }
            for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
                let out =
                    export::render_quotes(format, &quotes, &workload, options).expect("renders");
                assert!(!has_non_finite(&out), "{format:?} output:\n{out}");
            }
        });
    }
}
