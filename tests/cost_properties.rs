//! Properties of the cost engine over every price sheet in the built-in
//! catalog: monotonicity, the free tier, exact tier boundaries, sweeps,
//! comparisons, edges (zero, huge, infeasible) and the break-even.
//!
//! Inputs come from fixed grids that sit on and around the sheets' limits
//! and tier bounds, plus a small deterministic generator (SplitMix64), so
//! every run checks the same points.

use serverless_atlas::catalog::{Arch, Catalog, PriceSheet};
use serverless_atlas::cost::{
    self, AlwaysOn, Infeasible, PricingOptions, Provisioned, Quote, Workload,
};

const FREE_TIER: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: false,
};
const NO_FREE_TIER: PricingOptions = PricingOptions {
    free_tier: false,
    first_year_free_tier: false,
};
const BOTH: [PricingOptions; 2] = [FREE_TIER, NO_FREE_TIER];

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

fn sheet<'a>(catalog: &'a Catalog, id: &str) -> &'a PriceSheet {
    catalog
        .price_sheet(id)
        .unwrap_or_else(|| panic!("price sheet {id} exists"))
}

fn workload(requests: f64, duration_ms: f64, memory_mb: f64) -> Workload {
    Workload {
        requests_per_month: requests,
        duration_ms,
        memory_mb,
        ..Workload::default()
    }
}

/// SplitMix64: tiny, deterministic, good enough to spread test inputs.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Log-uniform in [lo, hi), rounded to whole units when `whole`.
    fn log_range(&mut self, lo: f64, hi: f64, whole: bool) -> f64 {
        let v = (lo.ln() + (hi.ln() - lo.ln()) * self.unit()).exp();
        if whole { v.round() } else { v }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// A workload anywhere in the space users type in, including the edges.
fn random_workload(rng: &mut Rng) -> Workload {
    Workload {
        requests_per_month: if rng.chance(0.05) {
            0.0
        } else {
            rng.log_range(1.0, 1e11, true)
        },
        duration_ms: if rng.chance(0.3) {
            rng.pick(&DURATIONS)
        } else {
            rng.log_range(0.5, 4e6, false)
        },
        memory_mb: if rng.chance(0.3) {
            rng.pick(&MEMORIES)
        } else {
            rng.log_range(16.0, 20_000.0, true)
        },
        arch: rng.pick(&[Arch::X86_64, Arch::Arm64]),
        cpu_ms: if rng.chance(0.5) {
            None
        } else {
            Some(rng.log_range(0.1, 400_000.0, false))
        },
        egress_gb: if rng.chance(0.5) {
            0.0
        } else {
            rng.log_range(0.01, 200_000.0, false)
        },
        ephemeral_mb: rng.pick(&[0.0, 512.0, 513.0, 2048.0, 10240.0]),
        payload_kb: rng.pick(&[0.0, 1.0, 512.0, 513.0, 2000.0]),
        instance_concurrency: rng.pick(&[1.0, 4.0, 16.0]),
        provisioned: None,
    }
}

const REQUESTS: [f64; 15] = [
    0.0,
    1.0,
    999_999.0,
    1e6,
    1_000_001.0,
    2e6,
    3e6,
    1e7,
    1e8,
    333e6,
    1e9,
    6e9,
    6e9 + 1.0,
    1e10,
    1e11,
];

const DURATIONS: [f64; 20] = [
    0.0,
    1.0,
    99.0,
    100.0,
    101.0,
    120.0,
    250.0,
    999.0,
    1000.0,
    1001.0,
    60_000.0,
    300_000.0,
    300_001.0,
    540_000.0,
    540_001.0,
    600_000.0,
    900_000.0,
    900_001.0,
    3_600_000.0,
    3_600_001.0,
];

const MEMORIES: [f64; 22] = [
    1.0, 64.0, 127.0, 128.0, 129.0, 256.0, 500.0, 512.0, 513.0, 1024.0, 1536.0, 1537.0, 2048.0,
    4096.0, 4097.0, 8192.0, 8193.0, 10240.0, 10241.0, 16384.0, 16385.0, 32768.0,
];

const ARCHS: [Arch; 2] = [Arch::X86_64, Arch::Arm64];

fn describe(sheet: &PriceSheet, w: &Workload, options: PricingOptions) -> String {
    format!("{} with {:?}, free tier {}", sheet.id, w, options.free_tier)
}

/// Walk a sequence of workloads that only grow in one input: feasibility
/// never comes back once lost, and the total never falls while feasible.
fn assert_monotone_walk(sheet: &PriceSheet, walk: &[Workload], options: PricingOptions) {
    let mut previous: Option<(Workload, Quote<'_>)> = None;
    for w in walk {
        let q = cost::quote(sheet, w, options);
        if let Some((pw, pq)) = &previous {
            assert!(
                pq.feasible() || !q.feasible(),
                "feasible again after infeasible: {} after {}",
                describe(sheet, w, options),
                describe(sheet, pw, options)
            );
            if let (Some(before), Some(after)) = (pq.total_usd, q.total_usd) {
                assert!(
                    after >= before,
                    "total fell from {before} to {after}: {} then {}",
                    describe(sheet, pw, options),
                    describe(sheet, w, options)
                );
            }
        }
        previous = Some((*w, q));
    }
}

// ---------------------------------------------------------- monotonicity

#[test]
fn total_never_decreases_with_requests() {
    let catalog = catalog();
    for sheet in &catalog.price_sheets {
        for options in BOTH {
            for &duration in &DURATIONS {
                for &memory in &MEMORIES {
                    for arch in ARCHS {
                        let walk: Vec<Workload> = REQUESTS
                            .iter()
                            .map(|&r| Workload {
                                arch,
                                ..workload(r, duration, memory)
                            })
                            .collect();
                        // The volume never changes whether a workload fits.
                        let feasible = cost::quote(sheet, &walk[0], options).feasible();
                        for w in &walk {
                            assert_eq!(cost::quote(sheet, w, options).feasible(), feasible);
                        }
                        assert_monotone_walk(sheet, &walk, options);
                    }
                }
            }
        }
    }
}

#[test]
fn total_never_decreases_with_duration() {
    let catalog = catalog();
    for sheet in &catalog.price_sheets {
        for options in BOTH {
            for &requests in &REQUESTS {
                for &memory in &MEMORIES {
                    for arch in ARCHS {
                        let walk: Vec<Workload> = DURATIONS
                            .iter()
                            .map(|&d| Workload {
                                arch,
                                ..workload(requests, d, memory)
                            })
                            .collect();
                        assert_monotone_walk(sheet, &walk, options);
                    }
                }
            }
        }
    }
}

#[test]
fn total_never_decreases_with_memory() {
    let catalog = catalog();
    for sheet in &catalog.price_sheets {
        for options in BOTH {
            for &requests in &REQUESTS {
                for &duration in &DURATIONS {
                    for arch in ARCHS {
                        let walk: Vec<Workload> = MEMORIES
                            .iter()
                            .map(|&m| Workload {
                                arch,
                                ..workload(requests, duration, m)
                            })
                            .collect();
                        assert_monotone_walk(sheet, &walk, options);
                    }
                }
            }
        }
    }
}

#[test]
fn random_increases_never_lower_a_total() {
    let catalog = catalog();
    let mut rng = Rng(0x5EED_0001);
    for _ in 0..4000 {
        let base = random_workload(&mut rng);
        let factor = 1.0 + rng.log_range(1e-6, 10.0, false);
        let grown = [
            Workload {
                requests_per_month: (base.requests_per_month * factor).ceil() + 1.0,
                ..base
            },
            Workload {
                duration_ms: base.duration_ms * factor,
                ..base
            },
            Workload {
                memory_mb: base.memory_mb * factor,
                ..base
            },
            Workload {
                egress_gb: base.egress_gb * factor + 1.0,
                ..base
            },
            Workload {
                cpu_ms: Some(base.cpu_ms() * factor),
                ..base
            },
        ];
        let sheet = rng.pick(&catalog.price_sheets.iter().collect::<Vec<_>>());
        let options = rng.pick(&BOTH);
        for w in grown {
            assert_monotone_walk(sheet, &[base, w], options);
        }
    }
}

#[test]
fn the_free_tier_never_raises_a_cost() {
    let catalog = catalog();
    let check = |sheet: &PriceSheet, w: &Workload| {
        let on = cost::quote(sheet, w, FREE_TIER);
        let off = cost::quote(sheet, w, NO_FREE_TIER);
        assert_eq!(on.feasible(), off.feasible());
        if let (Some(on), Some(off)) = (on.total_usd, off.total_usd) {
            assert!(on <= off, "{on} > {off}: {}", describe(sheet, w, FREE_TIER));
        }
    };
    for sheet in &catalog.price_sheets {
        for &requests in &REQUESTS {
            for &duration in &DURATIONS {
                for &memory in &MEMORIES {
                    check(sheet, &workload(requests, duration, memory));
                }
            }
        }
    }
    let mut rng = Rng(0x5EED_0002);
    for _ in 0..3000 {
        let w = random_workload(&mut rng);
        for sheet in &catalog.price_sheets {
            check(sheet, &w);
        }
    }
    // And it does lower it where there is one: WE-01 without the free tier.
    let lambda = sheet(&catalog, "aws-lambda");
    let w = workload(3e6, 120.0, 1536.0);
    assert_eq!(cost::quote(lambda, &w, FREE_TIER).total_usd, Some(2.73));
    assert_eq!(cost::quote(lambda, &w, NO_FREE_TIER).total_usd, Some(9.60));
}

// -------------------------------------------------------- tier boundaries

/// (quantity, unit price, usd) of every line item whose label starts with `prefix`.
fn lines(q: &Quote<'_>, prefix: &str) -> Vec<(String, f64, f64, f64)> {
    q.line_items
        .iter()
        .filter(|i| i.label().starts_with(prefix))
        .map(|i| (i.label(), i.quantity, i.unit_price_usd, i.usd))
        .collect()
}

#[test]
fn lambda_duration_tier_bounds_are_exact() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    // 1024 MB for 1,000 ms is exactly 1 GB-s a request.
    let at =
        |requests: f64, options| cost::quote(lambda, &workload(requests, 1000.0, 1024.0), options);

    let q = at(6e9, NO_FREE_TIER);
    assert_eq!(
        lines(&q, "Duration (x86)"),
        [(
            "Duration (x86), first 6B GB-s".to_owned(),
            6e9,
            0.0000166667,
            100_000.20
        )]
    );
    let q = at(6e9 + 1.0, NO_FREE_TIER);
    assert_eq!(
        lines(&q, "Duration (x86)"),
        [
            (
                "Duration (x86), first 6B GB-s".to_owned(),
                6e9,
                0.0000166667,
                100_000.20
            ),
            (
                "Duration (x86), next 9B GB-s".to_owned(),
                1.0,
                0.000015,
                0.0
            ),
        ]
    );
    // The second bound, 15B GB-s, is as exact.
    let q = at(15e9, NO_FREE_TIER);
    let d = lines(&q, "Duration (x86)");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!((d[1].1, d[1].3), (9e9, 135_000.0));
    let q = at(15e9 + 1.0, NO_FREE_TIER);
    let d = lines(&q, "Duration (x86)");
    assert_eq!(d.len(), 3, "{d:?}");
    assert_eq!(d[2].0, "Duration (x86), over 15B GB-s");
    assert_eq!((d[2].1, d[2].2), (1.0, 0.0000133334));

    // With the free tier the 400,000 free GB-s count towards the bound.
    let q = at(6e9, FREE_TIER);
    let d = lines(&q, "Duration (x86)");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].0, "Duration (x86), free allowance");
    assert_eq!((d[0].1, d[0].3), (400_000.0, 0.0));
    assert_eq!(d[1].1, 6e9 - 400_000.0);
    let q = at(6e9 + 1.0, FREE_TIER);
    let d = lines(&q, "Duration (x86)");
    assert_eq!(d.len(), 3, "{d:?}");
    assert_eq!((d[2].1, d[2].2), (1.0, 0.000015));
}

#[test]
fn lambda_arm_tier_bound_is_exact() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    let arm = |requests| Workload {
        arch: Arch::Arm64,
        ..workload(requests, 1000.0, 1024.0)
    };
    let q = cost::quote(lambda, &arm(7.5e9), NO_FREE_TIER);
    let d = lines(&q, "Duration (Arm)");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].1, d[0].2), (7.5e9, 0.0000133334));
    assert!(lines(&q, "Duration (x86)").is_empty());
    let q = cost::quote(lambda, &arm(7.5e9 + 1.0), NO_FREE_TIER);
    let d = lines(&q, "Duration (Arm)");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[1].0, "Duration (Arm), next 11.25B GB-s");
    assert_eq!((d[1].1, d[1].2), (1.0, 0.0000120001));
}

#[test]
fn lambda_egress_tier_bound_is_exact() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    let egress = |gb| Workload {
        egress_gb: gb,
        ..workload(0.0, 100.0, 128.0)
    };
    let q = cost::quote(lambda, &egress(10_240.0), NO_FREE_TIER);
    let e = lines(&q, "Data transfer out");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].1, e[0].3), (10_240.0, 921.60));
    let q = cost::quote(lambda, &egress(10_241.0), NO_FREE_TIER);
    let e = lines(&q, "Data transfer out");
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!((e[1].1, e[1].2, e[1].3), (1.0, 0.085, 0.09));
    // 100 GB are free with the free tier.
    let q = cost::quote(lambda, &egress(100.0), FREE_TIER);
    assert_eq!(q.total_usd, Some(0.0));
}

#[test]
fn api_gateway_rest_tier_bound_is_exact() {
    let catalog = catalog();
    let rest = sheet(&catalog, "aws-api-gateway-rest");
    let q = cost::quote(rest, &workload(333e6, 50.0, 128.0), NO_FREE_TIER);
    assert_eq!(
        lines(&q, "Requests"),
        [(
            "Requests, first 333M requests".to_owned(),
            333.0,
            3.50,
            1165.50
        )]
    );
    assert_eq!(q.total_usd, Some(1165.50));
    let q = cost::quote(rest, &workload(333e6 + 1.0, 50.0, 128.0), NO_FREE_TIER);
    let r = lines(&q, "Requests");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, 333.0);
    assert_eq!(r[1].0, "Requests, next 667M requests");
    assert_eq!((r[1].1, r[1].2, r[1].3), (1.0 / 1e6, 2.80, 0.0));
    assert_eq!(q.total_usd, Some(1165.50));
    // The next bound: 1B requests is the first two tiers in full.
    let q = cost::quote(rest, &workload(1e9, 50.0, 128.0), NO_FREE_TIER);
    let r = lines(&q, "Requests");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[1].1, r[1].3), (667.0, 1867.60));
    assert_eq!(q.total_usd, Some(3033.10));
}

#[test]
fn api_gateway_http_counts_512_kb_increments_into_its_tiers() {
    let catalog = catalog();
    let http = sheet(&catalog, "aws-api-gateway-http");
    let big = |requests| Workload {
        payload_kb: 513.0,
        ..workload(requests, 50.0, 128.0)
    };
    // 150M requests of 513 KB count as 300M: exactly the first tier.
    let q = cost::quote(http, &big(150e6), NO_FREE_TIER);
    let r = lines(&q, "Requests");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1, r[0].3), (300.0, 300.0));
    // One more request counts twice, both in the second tier.
    let q = cost::quote(http, &big(150e6 + 1.0), NO_FREE_TIER);
    let r = lines(&q, "Requests");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[1].1, r[1].2), (2.0 / 1e6, 0.90));
}

// ------------------------------------------------------- sweep, compare

#[test]
fn log_volumes_spread_from_end_to_end() {
    let v = cost::log_volumes(1.0, 1e10, 11);
    assert_eq!(v.len(), 11);
    assert_eq!(v[0], 1.0);
    for (i, x) in v.iter().enumerate() {
        let want = 10f64.powi(i as i32);
        assert!((x / want - 1.0).abs() < 1e-12, "{x} vs {want}");
    }
    assert!(v.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(cost::log_volumes(5.0, 10.0, 1), [5.0]);
    assert!(cost::log_volumes(5.0, 10.0, 0).is_empty());
}

#[test]
fn sweep_equals_quote_at_every_volume() {
    let catalog = catalog();
    let mut volumes = cost::log_volumes(1.0, 1e11, 97);
    volumes.extend([
        0.0,
        1e6,
        1_000_001.0,
        333e6,
        333e6 + 1.0,
        6e9,
        6e9 + 1.0,
        2.5e7,
    ]);
    let mut rng = Rng(0x5EED_0003);
    let mut workloads: Vec<Workload> = vec![
        workload(0.0, 120.0, 1536.0),
        workload(0.0, 100.0, 128.0),
        workload(0.0, 1000.0, 1024.0),
        Workload {
            cpu_ms: Some(7.0),
            egress_gb: 250.0,
            ephemeral_mb: 2048.0,
            ..workload(0.0, 280.0, 4096.0)
        },
        workload(0.0, 100.0, 99_999.0),
    ];
    workloads.extend((0..12).map(|_| random_workload(&mut rng)));
    for sheet in &catalog.price_sheets {
        for w in &workloads {
            for options in BOTH {
                let swept = cost::sweep(sheet, w, &volumes, options);
                assert_eq!(swept.len(), volumes.len());
                for (&v, got) in volumes.iter().zip(&swept) {
                    let want = cost::quote(sheet, &w.with_requests(v), options).total_usd;
                    assert_eq!(
                        *got,
                        want,
                        "at {v} requests: {}",
                        describe(sheet, w, options)
                    );
                }
            }
        }
    }
}

#[test]
fn sweep_with_provisioned_capacity_equals_quote() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    let w = Workload {
        provisioned: Some(Provisioned {
            concurrency: 10.0,
            hours_per_month: 100.0,
            requests: 500_000.0,
            duration_ms: 90.0,
        }),
        ..workload(3e6, 120.0, 1536.0)
    };
    let volumes = cost::log_volumes(1.0, 1e10, 41);
    for options in BOTH {
        let swept = cost::sweep(lambda, &w, &volumes, options);
        for (&v, got) in volumes.iter().zip(&swept) {
            // A sweep serves at most the volume from provisioned capacity.
            let mut at = w.with_requests(v);
            if let Some(p) = &mut at.provisioned {
                p.requests = p.requests.min(v);
            }
            assert_eq!(*got, cost::quote(lambda, &at, options).total_usd, "at {v}");
        }
    }
}

#[test]
fn compare_is_sorted_and_prices_each_sheet_as_quote_does() {
    let catalog = catalog();
    let sheets: Vec<&PriceSheet> = catalog.price_sheets.iter().collect();
    let mut rng = Rng(0x5EED_0004);
    let mut workloads = vec![
        workload(3e6, 120.0, 1536.0),
        workload(0.0, 100.0, 128.0),
        workload(1e9, 50.0, 2048.0),
    ];
    workloads.extend((0..200).map(|_| random_workload(&mut rng)));
    for w in &workloads {
        for options in BOTH {
            let quotes = cost::compare(&sheets, w, options);
            assert_eq!(quotes.len(), sheets.len());
            for pair in quotes.windows(2) {
                let ok = match (pair[0].total_usd, pair[1].total_usd) {
                    // Ties, $0 included, go by name.
                    (Some(a), Some(b)) => {
                        a < b || (a == b && pair[0].sheet.name <= pair[1].sheet.name)
                    }
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => pair[0].sheet.name <= pair[1].sheet.name,
                };
                assert!(
                    ok,
                    "{} ({:?}) before {} ({:?})",
                    pair[0].sheet.id, pair[0].total_usd, pair[1].sheet.id, pair[1].total_usd
                );
            }
            for q in &quotes {
                assert_eq!(q, &cost::quote(q.sheet, w, options));
            }
        }
    }
}

// ------------------------------------------------------------------ edges

#[test]
fn a_zero_total_is_positive_zero_and_ties_sort_by_name() {
    let catalog = catalog();
    let oracle = sheet(&catalog, "oracle-functions");
    let lambda = sheet(&catalog, "aws-lambda");
    // Zero requests: Oracle bills nothing and prints no line item.
    let q = cost::quote(oracle, &workload(0.0, 100.0, 128.0), FREE_TIER);
    assert!(q.line_items.is_empty());
    let total = q.total_usd.expect("feasible");
    assert!(
        total.is_sign_positive(),
        "a zero total should be +0.0, got {total:?}"
    );
    // Lambda's 1 GB of free egress prints a $0 allowance line; both cost $0,
    // so the tie is broken by name: "AWS Lambda" before "Oracle OCI Functions".
    let w = Workload {
        egress_gb: 1.0,
        ..workload(0.0, 100.0, 128.0)
    };
    let quotes = cost::compare(&[oracle, lambda], &w, FREE_TIER);
    let order: Vec<&str> = quotes.iter().map(|q| q.sheet.id.as_str()).collect();
    assert_eq!(order, ["aws-lambda", "oracle-functions"]);
}

#[test]
fn zero_requests_cost_only_fixed_fees() {
    let catalog = catalog();
    for options in BOTH {
        // Function workloads on function sheets (services have their own tests).
        for sheet in catalog
            .price_sheets
            .iter()
            .filter(|s| s.platform_id().is_some())
        {
            for (duration, memory) in [(100.0, 128.0), (1000.0, 1024.0)] {
                let q = cost::quote(sheet, &workload(0.0, duration, memory), options);
                if !q.feasible() {
                    continue;
                }
                let fixed = if sheet.id == "cloudflare-workers" {
                    5.0
                } else {
                    0.0
                };
                assert_eq!(
                    q.total_usd,
                    Some(fixed),
                    "{} at zero requests: {:?}",
                    sheet.id,
                    q.line_items.iter().map(|i| i.label()).collect::<Vec<_>>()
                );
            }
        }
    }
    let cloudflare = sheet(&catalog, "cloudflare-workers");
    let q = cost::quote(cloudflare, &workload(0.0, 10.0, 128.0), FREE_TIER);
    assert_eq!(q.line_items.len(), 1);
    assert_eq!(q.line_items[0].label(), "Workers Paid subscription");
    assert_eq!(q.line_items[0].usd, 5.0);
}

#[test]
fn huge_volumes_stay_finite() {
    let catalog = catalog();
    // Function workloads on function sheets (services have their own tests).
    for sheet in catalog
        .price_sheets
        .iter()
        .filter(|s| s.platform_id().is_some())
    {
        for w in [
            workload(1e12, 100.0, 128.0),
            Workload {
                egress_gb: 1e9,
                ..workload(1e12, 1000.0, 1024.0)
            },
        ] {
            for options in BOTH {
                let q = cost::quote(sheet, &w, options);
                let Some(total) = q.total_usd else {
                    // Only Cloudflare's 128 MB isolates cannot run 1024 MB.
                    assert_eq!(
                        (sheet.id.as_str(), w.memory_mb),
                        ("cloudflare-workers", 1024.0)
                    );
                    continue;
                };
                assert!(total.is_finite() && total > 0.0, "{}: {total}", sheet.id);
                assert!(
                    q.line_items
                        .iter()
                        .all(|i| i.usd.is_finite() && i.quantity.is_finite())
                );
                let smaller = cost::quote(sheet, &w.with_requests(1e11), options);
                assert!(total >= smaller.total_usd.unwrap(), "{}", sheet.id);
            }
        }
    }
    // Lambda at 1e12 one-second 1 GB requests: every tier billed.
    let lambda = sheet(&catalog, "aws-lambda");
    let q = cost::quote(lambda, &workload(1e12, 1000.0, 1024.0), NO_FREE_TIER);
    assert_eq!(lines(&q, "Duration (x86)").len(), 3);
    let sweep = cost::sweep(
        lambda,
        &workload(0.0, 1000.0, 1024.0),
        &[1e12, 1e13],
        FREE_TIER,
    );
    assert!(sweep.iter().all(|t| t.is_some_and(f64::is_finite)));
}

fn only_reason<'q>(q: &'q Quote<'_>) -> &'q Infeasible {
    assert_eq!(q.total_usd, None);
    assert!(q.line_items.is_empty());
    assert_eq!(q.reasons.len(), 1, "{:?}", q.reasons);
    &q.reasons[0]
}

#[test]
fn infeasible_workloads_name_the_limit() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");

    let q = cost::quote(lambda, &workload(1000.0, 100.0, 10_241.0), FREE_TIER);
    let reason = only_reason(&q);
    assert_eq!(
        reason,
        &Infeasible::MemoryAboveMax {
            memory_mb: 10_241.0,
            max_mb: 10_240.0
        }
    );
    assert!(reason.to_string().contains("10240 MB"), "{reason}");
    assert!(
        q.messages()[0].starts_with("not feasible: "),
        "{:?}",
        q.messages()
    );
    assert!(cost::quote(lambda, &workload(1000.0, 100.0, 10_240.0), FREE_TIER).feasible());

    let q = cost::quote(lambda, &workload(1000.0, 900_001.0, 128.0), FREE_TIER);
    let reason = only_reason(&q);
    assert!(matches!(reason, Infeasible::DurationAboveMax { max_ms, .. } if *max_ms == 900_000.0));
    assert!(reason.to_string().contains("900 s"), "{reason}");
    assert!(cost::quote(lambda, &workload(1000.0, 900_000.0, 128.0), FREE_TIER).feasible());

    let cloudflare = sheet(&catalog, "cloudflare-workers");
    let cpu = |cpu_ms| Workload {
        cpu_ms: Some(cpu_ms),
        ..workload(1000.0, 1_000_000.0, 128.0)
    };
    let q = cost::quote(cloudflare, &cpu(300_001.0), FREE_TIER);
    let reason = only_reason(&q);
    assert!(matches!(reason, Infeasible::CpuAboveMax { max_ms, .. } if *max_ms == 300_000.0));
    assert!(reason.to_string().contains("300 s"), "{reason}");
    // Wall-clock time is not limited, only CPU.
    assert!(cost::quote(cloudflare, &cpu(300_000.0), FREE_TIER).feasible());

    // Each limit of the other sheets, just above.
    for (id, memory, max) in [
        ("azure-functions", 1537.0, 1536.0),
        ("azure-functions-flex", 4097.0, 4096.0),
        ("google-cloud-functions", 8193.0, 8192.0),
        ("google-cloud-run-functions", 16_385.0, 16_384.0),
        ("cloudflare-workers", 129.0, 128.0),
    ] {
        let q = cost::quote(
            sheet(&catalog, id),
            &workload(1000.0, 100.0, memory),
            FREE_TIER,
        );
        assert_eq!(
            only_reason(&q),
            &Infeasible::MemoryAboveMax {
                memory_mb: memory,
                max_mb: max
            },
            "{id}"
        );
    }

    // Every reason is listed, not just the first.
    let q = cost::quote(lambda, &workload(1000.0, 1e6, 20_000.0), FREE_TIER);
    assert_eq!(q.reasons.len(), 2, "{:?}", q.reasons);
    assert_eq!(q.total_usd, None);

    // A sweep of an infeasible workload is infeasible everywhere.
    let swept = cost::sweep(
        lambda,
        &workload(0.0, 100.0, 10_241.0),
        &[0.0, 1.0, 1e9],
        FREE_TIER,
    );
    assert_eq!(swept, [None, None, None]);
}

// ------------------------------------------------------------ break-even

fn vm(usd_per_hour: f64, requests_per_second: f64, min_instances: u32) -> AlwaysOn {
    AlwaysOn {
        usd_per_hour,
        requests_per_second,
        min_instances,
    }
}

/// The break-even is the first volume where the platform costs at least
/// always-on: true at the volume, false one request before.
fn assert_first_crossing(
    sheet: &PriceSheet,
    w: &Workload,
    always_on: &AlwaysOn,
    options: PricingOptions,
) {
    let result = cost::break_even(sheet, w, always_on, options);
    let label = format!("{} with {always_on:?}, {w:?}", sheet.id);
    let feasible = cost::quote(sheet, w, options).feasible();
    assert_eq!(result.feasible, feasible, "{label}");
    let Some(volume) = result.breakeven_requests_per_month else {
        if feasible {
            // Never breaks even: still cheaper at the search limit.
            let at_limit = cost::quote(sheet, &w.with_requests(1e12), options)
                .total_usd
                .unwrap();
            assert!(at_limit < always_on.monthly_usd(1e12), "{label}");
        }
        return;
    };
    assert_eq!(volume, volume.round(), "{label}: whole requests");
    let platform = |v: f64| {
        cost::quote(sheet, &w.with_requests(v), options)
            .total_usd
            .unwrap()
    };
    let at = platform(volume);
    assert!(
        at >= always_on.monthly_usd(volume),
        "{label}: {at} < {} at {volume}",
        always_on.monthly_usd(volume)
    );
    if volume >= 1.0 {
        let before = platform(volume - 1.0);
        assert!(
            before < always_on.monthly_usd(volume - 1.0),
            "{label}: already {before} >= {} at {volume} - 1",
            always_on.monthly_usd(volume - 1.0)
        );
    }
    assert_eq!(result.platform_usd_per_month, Some(at), "{label}");
    assert_eq!(
        result.always_on_usd_per_month,
        Some(always_on.monthly_usd(volume)),
        "{label}"
    );
    assert_eq!(
        result.always_on_instances,
        Some(always_on.instances(volume)),
        "{label}"
    );
}

#[test]
fn break_even_is_the_first_volume_where_the_platform_costs_as_much() {
    let catalog = catalog();
    let workloads = [
        workload(0.0, 100.0, 512.0),
        workload(0.0, 120.0, 128.0),
        workload(0.0, 1000.0, 1024.0),
    ];
    let vms = [
        vm(0.05, 50.0, 1),
        vm(0.01, 10.0, 1),
        vm(0.5, 5.0, 2),
        vm(0.02, 1000.0, 1),
        // Cheap but small: the crossing is several instances in.
        vm(0.001, 1.0, 1),
        vm(0.0004, 0.3, 3),
    ];
    for sheet in catalog.active_platform_sheets() {
        for w in &workloads {
            for always_on in &vms {
                for options in BOTH {
                    assert_first_crossing(sheet, w, always_on, options);
                }
            }
        }
    }
}

#[test]
fn break_even_on_random_inputs() {
    let catalog = catalog();
    let sheets: Vec<&PriceSheet> = catalog.price_sheets.iter().collect();
    let mut rng = Rng(0x5EED_0005);
    for _ in 0..400 {
        let mut w = random_workload(&mut rng);
        w.requests_per_month = 0.0;
        let always_on = vm(
            rng.log_range(0.0001, 5.0, false),
            rng.log_range(0.01, 5000.0, false),
            rng.pick(&[1, 1, 2, 5]),
        );
        let sheet = rng.pick(&sheets);
        assert_first_crossing(sheet, &w, &always_on, rng.pick(&BOTH));
    }
}

#[test]
fn a_crossing_several_instances_in_is_found() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    // $0.73 a month per instance of 2,628,000 requests; Lambda at 512 MB and
    // 100 ms only catches up past its free tier, four instances in.
    let always_on = vm(0.001, 1.0, 1);
    let result = cost::break_even(lambda, &workload(0.0, 100.0, 512.0), &always_on, FREE_TIER);
    let instances = result.always_on_instances.expect("breaks even");
    assert!(instances >= 3.0, "{result:?}");
    assert_first_crossing(lambda, &workload(0.0, 100.0, 512.0), &always_on, FREE_TIER);
}

#[test]
fn a_platform_cheaper_per_request_than_the_vm_never_breaks_even() {
    let catalog = catalog();
    // $730,000 a month for 2.6M requests: about $0.28 a request.
    let expensive = vm(1000.0, 1.0, 1);
    for sheet in catalog.active_platform_sheets() {
        let w = workload(0.0, 10.0, 128.0);
        let result = cost::break_even(sheet, &w, &expensive, FREE_TIER);
        if !result.feasible {
            continue;
        }
        assert_eq!(result.breakeven_requests_per_month, None, "{}", sheet.id);
        assert!(
            result
                .notes
                .iter()
                .any(|n| n.contains("cheaper than always-on")),
            "{}: {:?}",
            sheet.id,
            result.notes
        );
    }
}

#[test]
fn a_fixed_fee_above_the_vm_breaks_even_at_zero() {
    let catalog = catalog();
    let cloudflare = sheet(&catalog, "cloudflare-workers");
    // $3.65 a month is below Cloudflare's $5 subscription.
    let cheap = vm(0.005, 100.0, 1);
    let result = cost::break_even(cloudflare, &workload(0.0, 10.0, 128.0), &cheap, FREE_TIER);
    assert_eq!(result.breakeven_requests_per_month, Some(0.0));
    assert_eq!(result.platform_usd_per_month, Some(5.0));
    assert_eq!(result.always_on_usd_per_month, Some(3.65));
    // Lambda costs nothing at zero and so does not.
    let lambda = sheet(&catalog, "aws-lambda");
    let result = cost::break_even(lambda, &workload(0.0, 10.0, 128.0), &cheap, FREE_TIER);
    assert!(result.breakeven_requests_per_month.unwrap() > 0.0);
}

#[test]
fn an_infeasible_platform_has_no_break_even() {
    let catalog = catalog();
    let cloudflare = sheet(&catalog, "cloudflare-workers");
    let result = cost::break_even(
        cloudflare,
        &workload(0.0, 100.0, 512.0),
        &vm(0.05, 50.0, 1),
        FREE_TIER,
    );
    assert!(!result.feasible);
    assert_eq!(result.breakeven_requests_per_month, None);
    assert!(result.notes[0].contains("128 MB"), "{:?}", result.notes);
}
