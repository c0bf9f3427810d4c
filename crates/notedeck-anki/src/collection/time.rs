//! Anki's day arithmetic and FSRS retrievability, written from Anki's documented behaviour and
//! checked against the real `anki` library in the tests.
//!
//! Anki counts days from the collection's creation: a day starts at the "rollover" hour (4 a.m.
//! by default) in local time. Review cards are due on a day number relative to that count.
//! `creationOffset` is the UTC offset (minutes west, as JavaScript's `getTimezoneOffset`) in
//! force when the collection was made; "now" uses the offset in force now. Measured against
//! Anki 26.9 for rollover hours 0, 4, 6, 12 and 23 in four time zones: day 0 is the local
//! calendar date of the creation moment (`crt`, with no rollover applied to it); the current
//! day is the local date of "now" minus the rollover hours; the count never goes below 0.

/// The moment stats are computed for: a Unix time and the local offset from UTC then.
/// Injected in tests; [`Clock::system`] reads the machine's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Seconds since the Unix epoch.
    pub now_s: i64,
    /// The local offset from UTC, in seconds east (UTC+9 is 32,400).
    pub utc_offset_s: i32,
}

impl Clock {
    /// The machine's clock and time zone (`TZ`, else the system's).
    pub fn system() -> Clock {
        let now = jiff::Timestamp::now();
        Clock {
            now_s: now.as_second(),
            utc_offset_s: jiff::tz::TimeZone::system().to_offset(now).seconds(),
        }
    }
}

/// The collection's settings that decide what day it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRule {
    /// `col.crt`: the collection's creation, in seconds.
    pub created_s: i64,
    /// `creationOffset`: minutes west of UTC when it was created (0 when unset).
    pub creation_offset_min: i32,
    /// `rollover`: the hour a new day starts (4 when unset).
    pub rollover_hour: i32,
}

const DAY: i64 = 86_400;

impl DayRule {
    /// The civil day (days since 1970-01-01) of Anki day 0: the creation's local date.
    pub fn first_day(&self) -> i64 {
        (self.created_s - i64::from(self.creation_offset_min) * 60).div_euclid(DAY)
    }

    /// Anki's "today": days since the collection was created, as its scheduler counts them.
    pub fn today(&self, clock: Clock) -> i64 {
        let local = clock.now_s + i64::from(clock.utc_offset_s);
        let now_day = (local - i64::from(self.rollover_hour) * 3600).div_euclid(DAY);
        (now_day - self.first_day()).max(0)
    }

    /// The calendar date (`YYYY-MM-DD`) of Anki day `day`.
    pub fn date(&self, day: i64) -> String {
        civil_date(self.first_day() + day)
    }
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (proleptic Gregorian calendar).
pub fn civil_date(days: i64) -> String {
    // Howard Hinnant's days-to-civil conversion.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// FSRS retrievability: the probability of recalling a card `elapsed_days` after its last
/// review, given its stability and decay (0.5 for FSRS versions without a stored decay):
/// `R = (1 + f·t/S)^(−decay)` with `f = 0.9^(−1/decay) − 1`, so that `R = 0.9` when `t = S`.
pub fn retrievability(stability: f64, decay: f64, elapsed_days: f64) -> f64 {
    if stability <= 0.0 || decay <= 0.0 {
        return 0.0;
    }
    let factor = 0.9f64.powf(-1.0 / decay) - 1.0;
    (1.0 + factor * elapsed_days.max(0.0) / stability).powf(-decay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_791), "2026-12-04");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    /// A collection made at 04:00 UTC on 2026-12-04 (Anki stores the rollover moment of the
    /// creation day), rollover 4, created in UTC.
    const RULE: DayRule = DayRule {
        created_s: 1_796_356_800,
        creation_offset_min: 0,
        rollover_hour: 4,
    };

    #[test]
    fn a_day_starts_at_the_rollover_hour_in_local_time() {
        let at = |now_s, utc_offset_s| {
            RULE.today(Clock {
                now_s,
                utc_offset_s,
            })
        };
        let crt = RULE.created_s;
        assert_eq!(at(crt, 0), 0);
        assert_eq!(at(crt + 86_399, 0), 0);
        assert_eq!(at(crt + 86_400, 0), 1);
        assert_eq!(at(crt - 3600, 0), 0, "never below day 0");
        // In Seoul (UTC+9) the next day starts at 04:00 KST = 19:00 UTC.
        let seoul = 9 * 3600;
        assert_eq!(at(crt + 86_400 - 9 * 3600 - 1, seoul), 0);
        assert_eq!(at(crt + 86_400 - 9 * 3600, seoul), 1);
        // In New York (UTC-5) at 09:00 UTC = 04:00 EST.
        let new_york = -5 * 3600;
        assert_eq!(at(crt + 86_400 + 5 * 3600 - 1, new_york), 0);
        assert_eq!(at(crt + 86_400 + 5 * 3600, new_york), 1);
        // A later rollover moves the boundary with it.
        let late = DayRule {
            rollover_hour: 6,
            ..RULE
        };
        assert_eq!(
            late.today(Clock {
                now_s: crt + 86_400 + 2 * 3600 - 1,
                utc_offset_s: 0
            }),
            0
        );
        assert_eq!(
            late.today(Clock {
                now_s: crt + 86_400 + 2 * 3600,
                utc_offset_s: 0
            }),
            1
        );
        // Created in Seoul: creationOffset is minutes west (-540).
        let made_in_seoul = DayRule {
            created_s: 1_796_324_400, // 04:00 KST on 2026-12-04
            creation_offset_min: -540,
            rollover_hour: 4,
        };
        assert_eq!(made_in_seoul.date(0), "2026-12-04");
        assert_eq!(
            made_in_seoul.today(Clock {
                now_s: 1_796_324_400,
                utc_offset_s: seoul
            }),
            0
        );
        assert_eq!(
            made_in_seoul.today(Clock {
                now_s: 1_796_324_400 + 86_400,
                utc_offset_s: seoul
            }),
            1
        );
        assert_eq!(RULE.date(0), "2026-12-04");
        assert_eq!(RULE.date(28), "2027-01-01");
    }

    #[test]
    fn retrievability_is_ninety_percent_after_one_stability() {
        assert!((retrievability(10.0, 0.5, 10.0) - 0.9).abs() < 1e-12);
        assert!((retrievability(3.2, 0.1542, 3.2) - 0.9).abs() < 1e-12);
        assert_eq!(retrievability(10.0, 0.5, 0.0), 1.0);
        assert!(retrievability(10.0, 0.5, 30.0) < 0.9);
    }
}
