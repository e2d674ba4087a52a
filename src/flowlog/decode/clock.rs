//! Times: Unix seconds to calendar text, and the ISO 8601 timestamps that the
//! CloudWatch console puts in front of each event.

use crate::fields::{messages, Lang};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Tells the UTC offset of local time at a given instant (DST changes it).
pub trait LocalOffset {
    /// Minutes east of UTC at `unix` seconds.
    fn offset_minutes(&self, unix: i64) -> i32;
}

/// A fixed offset (UTC is `Fixed(0)`); the browser supplies the real one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Fixed(pub i32);

impl LocalOffset for Fixed {
    fn offset_minutes(&self, _unix: i64) -> i32 {
        self.0
    }
}

/// `2021-05-17 13:48:43` for `unix` seconds shifted by `offset_minutes`; `None`
/// outside the years 1–9999.
#[must_use]
pub fn calendar(unix: i64, offset_minutes: i32) -> Option<String> {
    let offset = UtcOffset::from_whole_seconds(offset_minutes.checked_mul(60)?).ok()?;
    let t = OffsetDateTime::from_unix_timestamp(unix).ok()?.to_offset(offset);
    let (y, m, d) = (t.year(), u8::from(t.month()), t.day());
    let (hh, mm, ss) = (t.hour(), t.minute(), t.second());
    Some(format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}"))
}

/// `2021-05-17T13:48:43` (UTC) for `unix` seconds.
#[must_use]
pub fn calendar_iso(unix: i64) -> Option<String> {
    calendar(unix, 0).map(|c| c.replacen(' ', "T", 1))
}

/// `+09:00` for 540 minutes.
#[must_use]
pub fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// `1 min 0 s` style duration, English; `1 分 0 秒` in Japanese.
#[must_use]
pub fn duration(seconds: i64, lang: Lang) -> String {
    let neg = seconds < 0;
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    let template = match (h, m) {
        (0, 0) => messages::SECONDS,
        (0, _) => messages::MINUTES_SECONDS,
        _ => messages::HOURS_MINUTES_SECONDS,
    };
    let body = template.fill(lang, &[("h", &h), ("m", &m), ("sec", &sec)]);
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// Reads `2021-05-17T22:48:43.000+09:00` (fraction optional; `Z`, `±hh:mm`,
/// `±hhmm` or no zone, which means UTC). Returns Unix seconds and the offset in minutes.
#[must_use]
pub fn parse_iso8601(s: &str) -> Option<(i64, i32)> {
    let (date, rest) = s.split_once('T')?;
    let mut d = date.split('-');
    let year: i32 = num(d.next()?, 4)?.try_into().ok()?;
    let month = Month::try_from(u8::try_from(num(d.next()?, 2)?).ok()?).ok()?;
    let day = u8::try_from(num(d.next()?, 2)?).ok()?;
    if d.next().is_some() {
        return None;
    }
    let zone_at = rest.find(['Z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let clock = clock.split_once('.').map_or(clock, |(whole, frac)| {
        if frac.bytes().all(|b| b.is_ascii_digit()) {
            whole
        } else {
            "invalid"
        }
    });
    let mut c = clock.split(':');
    let hh = u8::try_from(num(c.next()?, 2)?).ok()?;
    let mm = u8::try_from(num(c.next()?, 2)?).ok()?;
    let ss = u8::try_from(num(c.next()?, 2)?).ok()?;
    if c.next().is_some() {
        return None;
    }
    let offset_minutes = match zone {
        "" | "Z" => 0,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z.get(1..)?.chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 {
                return None;
            }
            let h = i32::try_from(num(digits.get(..2)?, 2)?).ok()?;
            let m = i32::try_from(num(digits.get(2..)?, 2)?).ok()?;
            sign * (h * 60 + m)
        }
    };
    let local = PrimitiveDateTime::new(
        Date::from_calendar_date(year, month, day).ok()?,
        Time::from_hms(hh, mm, ss).ok()?,
    );
    let offset = UtcOffset::from_whole_seconds(offset_minutes * 60).ok()?;
    Some((local.assume_offset(offset).unix_timestamp(), offset_minutes))
}

fn num(s: &str, width: usize) -> Option<u32> {
    if s.len() == width && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_seed_timestamp_equals_start() {
        assert_eq!(
            parse_iso8601("2021-05-17T22:48:43.000+09:00"),
            Some((1_621_259_323, 540))
        );
        assert_eq!(parse_iso8601("2021-05-17T13:48:43Z"), Some((1_621_259_323, 0)));
        assert_eq!(parse_iso8601("2021-05-17T08:48:43-0500"), Some((1_621_259_323, -300)));
    }

    #[test]
    fn err_bad_timestamps() {
        for s in [
            "2021-05-17",
            "2021-13-17T00:00:00Z",
            "2021-05-17T25:00:00Z",
            "21-05-17T00:00:00Z",
            "2021-05-17T00:00:00+9",
        ] {
            assert_eq!(parse_iso8601(s), None, "{s}");
        }
    }

    #[test]
    fn ok_calendar_and_duration() {
        assert_eq!(calendar(1_621_259_323, 0).as_deref(), Some("2021-05-17 13:48:43"));
        assert_eq!(calendar(1_621_259_323, 540).as_deref(), Some("2021-05-17 22:48:43"));
        assert_eq!(calendar(i64::MAX, 0), None);
        assert_eq!(offset_label(540), "UTC+09:00");
        assert_eq!(offset_label(-330), "UTC-05:30");
        assert_eq!(duration(60, Lang::En), "1 min 0 s");
        assert_eq!(duration(3725, Lang::Ja), "1 時間 2 分 5 秒");
    }
}
