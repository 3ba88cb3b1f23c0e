//! Dates in the catalog, with the precision the sources give them.
//!
//! Many facts are known only to the month ("announced Nov 2014") or the year.
//! A `CatalogDate` keeps that precision so the explorer never shows an
//! invented day. In RON a date is a string: `"2014"`, `"2014-11"` or
//! `"2014-11-13"`.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date the sources actually state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date from the sources; `date` is the first day of the stated period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CatalogDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    pub text: String,
}

impl CatalogDate {
    pub fn day(date: NaiveDate) -> Self {
        Self {
            date,
            precision: Precision::Day,
        }
    }

    pub fn parse(text: &str) -> Result<Self, DateError> {
        let error = || DateError {
            text: text.to_owned(),
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error());
            }
            s.parse().map_err(|_| error())
        };
        let (year, month, day, precision) = match parts.as_slice() {
            [y] => (number(y, 4)?, 1, 1, Precision::Year),
            [y, m] => (number(y, 4)?, number(m, 2)?, 1, Precision::Month),
            [y, m, d] => (number(y, 4)?, number(m, 2)?, number(d, 2)?, Precision::Day),
            _ => return Err(error()),
        };
        let year = i32::try_from(year).map_err(|_| error())?;
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(error)?;
        Ok(Self { date, precision })
    }

    /// The date as a fractional year, for timelines.
    pub fn year_fraction(&self) -> f64 {
        let year_start = NaiveDate::from_ymd_opt(self.date.year(), 1, 1).unwrap_or(self.date);
        let days_in_year = if self.date.leap_year() { 366.0 } else { 365.0 };
        f64::from(self.date.year()) + (self.date - year_start).num_days() as f64 / days_in_year
    }

    /// A human label at the stated precision: `2014`, `Nov 2014`, `2014-11-13`.
    pub fn label(&self) -> String {
        match self.precision {
            Precision::Year => self.date.format("%Y").to_string(),
            Precision::Month => self.date.format("%b %Y").to_string(),
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
        }
    }
}

impl fmt::Display for CatalogDate {
    /// The canonical text form, the same as in the RON files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{}", self.date.format("%Y")),
            Precision::Month => write!(f, "{}", self.date.format("%Y-%m")),
            Precision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for CatalogDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CatalogDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CatalogDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2014", "2014-11", "2014-11-13"] {
            let date = CatalogDate::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(CatalogDate::parse("2014-11").unwrap().label(), "Nov 2014");
        assert_eq!(
            CatalogDate::parse("2014").unwrap().precision,
            Precision::Year
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "2014-13",
            "2014-02-30",
            "14-11",
            "2014/11",
            "",
            "2014-1",
            "x",
        ] {
            assert!(CatalogDate::parse(text).is_err(), "{text} should fail");
        }
    }

    #[test]
    fn year_fraction_orders_dates() {
        let a = CatalogDate::parse("2014-11").unwrap().year_fraction();
        let b = CatalogDate::parse("2015-04-09").unwrap().year_fraction();
        assert!(a > 2014.8 && a < 2014.85);
        assert!(b > a);
    }
}
