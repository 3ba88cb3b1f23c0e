//! The largest inputs any provider could bill in a month. They are far
//! above every real offer (the biggest functions have 32 GB of memory and
//! run at most a few hours), yet low enough that every price computed from
//! them stays a finite number. Above them, a figure says nothing a user
//! could act on, and would print as `inf`.

/// Hours in the month every monthly figure uses (as in `cost::workload`).
const HOURS_PER_MONTH: f64 = 730.0;

/// A million billion requests: about 380 million a second, all month.
pub const MAX_REQUESTS_PER_MONTH: f64 = 1e15;
/// One invocation lasting the whole 730-hour month.
pub const MAX_DURATION_MS: f64 = HOURS_PER_MONTH * 3_600_000.0;
/// One TiB of memory per instance.
pub const MAX_MEMORY_MB: f64 = 1_048_576.0;
/// One TiB of ephemeral storage per instance.
pub const MAX_EPHEMERAL_MB: f64 = 1_048_576.0;
/// One GiB per request.
pub const MAX_PAYLOAD_KB: f64 = 1_048_576.0;
/// A billion GB (an exabyte) of egress a month.
pub const MAX_EGRESS_GB: f64 = 1e9;
/// Requests one instance serves at once (real offers allow up to 1,000).
pub const MAX_INSTANCE_CONCURRENCY: f64 = 100_000.0;
/// Instances kept warm.
pub const MAX_PROVISIONED_CONCURRENCY: f64 = 1_000_000.0;
