//! Dates in a sentence, resolved against the article's publication date: `yesterday`, `on
//! Monday`, `Wednesday's protests`, `last month`, `earlier this month`, `last May`, `in 2017`,
//! `January 5`, `two weeks ago`.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// A date found in a sentence: the first and one-past-last word index, and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateHit {
    /// Index of its first word.
    pub first: usize,
    /// One past its last word.
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number (1-12) of a month's name or abbreviation (`March`, `Mar.`, `Sept`).
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "Sept" && *m == "September")
        })
        .map(|i| i as u32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const WORDS: [&str; 12] = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven",
    ];
    WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|i| i.max(1) as u32)
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ym(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// Every date expression of a sentence's words. `published` anchors relative dates (without it
/// only absolute ones are found); `future` reads a bare weekday or month forwards.
pub fn find(words: &[&str], published: Option<NaiveDate>, future: bool) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(hit) = at(words, i, published, future) {
            i = hit.end;
            out.push(hit);
        } else {
            i += 1;
        }
    }
    out
}

fn at(words: &[&str], i: usize, published: Option<NaiveDate>, future: bool) -> Option<DateHit> {
    let w = words[i];
    // A date starts with a digit, a capital (months, weekdays, `In`, `Since`), or one of the
    // few lowercase words below; every other word is passed over at the cost of one byte.
    let first = *w.as_bytes().first()?;
    if !(first.is_ascii_digit()
        || first.is_ascii_uppercase()
        || matches!(
            first,
            b'i' | b's' | b'y' | b't' | b'l' | b'n' | b'e' | b'o' | b'f' | b'a'
        ))
    {
        return None;
    }
    let next = |k: usize| words.get(i + k).copied().unwrap_or("");
    let hit = |end: usize, value: String| {
        Some(DateHit {
            first: i,
            end,
            value,
        })
    };
    // Absolute: `in 2017`, `since 2015`, `January 5, 2019`, `5 January`.
    if matches!(w, "in" | "since" | "In" | "Since") && is_year(next(1)) {
        return hit(i + 2, next(1).to_string());
    }
    if let Some(m) = month(w) {
        if w == "May" && i == 0 {
            // sentence-initial "May" is as often the modal verb
            return None;
        }
        let day = next(1).parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        let (year, end) = match (day, next(2), next(3)) {
            (Some(_), ",", y) if is_year(y) => (y.parse().ok(), i + 4),
            (Some(_), y, _) if is_year(y) => (y.parse().ok(), i + 3),
            (Some(_), _, _) => (None, i + 2),
            (None, _, _) if is_year(next(1)) => (next(1).parse().ok(), i + 2),
            (None, _, _) => (None, i + 1),
        };
        if day.is_none() && year.is_none() {
            // A bare month: `last May`, `in March`; needs a preposition or `last`.
            let prev = if i > 0 { words[i - 1] } else { "" };
            let p = published?;
            let start = if matches!(prev, "last" | "in" | "In" | "next" | "this" | "since") {
                i - 1
            } else {
                return None;
            };
            let forward = prev == "next" || (future && prev != "last");
            let mut y = p.year();
            if forward {
                if m < p.month() {
                    y += 1;
                }
            } else if m > p.month() || (prev == "last" && m == p.month()) {
                y -= 1;
            }
            return Some(DateHit {
                first: start,
                end: i + 1,
                value: format!("{y:04}-{m:02}"),
            });
        }
        let year = year.or_else(|| {
            let p = published?;
            let d = NaiveDate::from_ymd_opt(p.year(), m, day.unwrap_or(1))?;
            Some(if !future && d > p + Duration::days(7) {
                p.year() - 1
            } else {
                p.year()
            })
        })?;
        return match day {
            Some(d) => hit(end, ymd(NaiveDate::from_ymd_opt(year, m, d)?)),
            None => hit(end, format!("{year:04}-{m:02}")),
        };
    }
    if let (Some(d), Some(m)) = (w.parse::<u32>().ok(), month(next(1))) {
        if (1..=31).contains(&d) {
            let (year, end) = if is_year(next(2)) {
                (next(2).parse().ok(), i + 3)
            } else {
                let year = published.and_then(|p| {
                    let date = NaiveDate::from_ymd_opt(p.year(), m, d)?;
                    Some(if !future && date > p + Duration::days(7) {
                        p.year() - 1
                    } else {
                        p.year()
                    })
                });
                (year, i + 2)
            };
            return hit(end, ymd(NaiveDate::from_ymd_opt(year?, m, d)?));
        }
    }
    let p = published?;
    let mut buf = [0u8; 10];
    let lower = match buf.get_mut(..w.len()) {
        Some(b) => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or("")
        }
        None => "",
    };
    match lower {
        "yesterday" => return hit(i + 1, ymd(p - Duration::days(1))),
        "today" | "tonight" => return hit(i + 1, ymd(p)),
        "tomorrow" => return hit(i + 1, ymd(p + Duration::days(1))),
        "last" | "this" | "next" | "earlier" | "later" => {
            let (unit, end) = if lower == "earlier" || lower == "later" {
                if next(1) != "this" {
                    return None;
                }
                (next(2), i + 3)
            } else {
                (next(1), i + 2)
            };
            let step: i32 = match lower {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return match unit {
                // a week spans two months at times: it is the month of its Thursday, as ISO
                // 8601 numbers weeks (`last week` on Tuesday 6 May is April 28 to May 4: May)
                "week" => {
                    let d = p + Duration::days(7 * i64::from(step));
                    let thursday =
                        d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
                            + Duration::days(3);
                    hit(end, ym(thursday))
                }
                "month" => {
                    let d = shift_months(p, step)?;
                    hit(end, ym(d))
                }
                "year" => hit(end, format!("{:04}", p.year() + step)),
                _ => None,
            };
        }
        _ => {}
    }
    if let Some(day) = weekday(w) {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let forward = prev == "next" || (future && prev != "last");
        let start = if matches!(prev, "on" | "On" | "last" | "next" | "this") {
            i - 1
        } else {
            i
        };
        let end = if next(1) == "'s" { i + 2 } else { i + 1 };
        let from = i64::from(p.weekday().num_days_from_monday());
        let to = i64::from(day.num_days_from_monday());
        let d = if forward {
            p + Duration::days((to - from).rem_euclid(7))
        } else {
            let back = (from - to).rem_euclid(7);
            let back = if back == 0 && prev == "last" { 7 } else { back };
            p - Duration::days(back)
        };
        return Some(DateHit {
            first: start,
            end,
            value: ymd(d),
        });
    }
    // `two weeks ago`, `three days ago`
    if let Some(n) = small_number(w) {
        if next(2) == "ago" {
            let n = i64::from(n);
            let value = match next(1).trim_end_matches('s') {
                "day" => ymd(p - Duration::days(n)),
                "week" => ymd(p - Duration::days(7 * n)),
                "month" => ym(shift_months(p, -(n as i32))?),
                "year" => format!("{:04}", p.year() - n as i32),
                _ => return None,
            };
            return hit(i + 3, value);
        }
    }
    None
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

fn shift_months(d: NaiveDate, step: i32) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if step >= 0 {
        first.checked_add_months(Months::new(step as u32))
    } else {
        first.checked_sub_months(Months::new(step.unsigned_abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, future: bool) -> Option<String> {
        let words: Vec<&str> = s.split(' ').collect();
        let p = NaiveDate::from_ymd_opt(2024, 3, 14); // a Thursday
        find(&words, p, future).into_iter().next().map(|h| h.value)
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(
            one("protests yesterday", false).as_deref(),
            Some("2024-03-13")
        );
        assert_eq!(
            one("Tuesday 's protests", false).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(one("on Thursday", false).as_deref(), Some("2024-03-14"));
        assert_eq!(
            one("will meet on Monday", true).as_deref(),
            Some("2024-03-18")
        );
        assert_eq!(one("visited last month", false).as_deref(), Some("2024-02"));
        assert_eq!(one("earlier this month", false).as_deref(), Some("2024-03"));
        assert_eq!(one("elected last May", false).as_deref(), Some("2023-05"));
        assert_eq!(one("in January", false).as_deref(), Some("2024-01"));
        assert_eq!(one("died in 2017", false).as_deref(), Some("2017"));
        assert_eq!(one("In February 2022 ,", false).as_deref(), Some("2022-02"));
        assert_eq!(one("on March 2", false).as_deref(), Some("2024-03-02"));
        assert_eq!(one("on 20 December", false).as_deref(), Some("2023-12-20"));
        assert_eq!(one("two weeks ago", false).as_deref(), Some("2024-02-29"));
        assert_eq!(one("since last year", false).as_deref(), Some("2023"));
    }

    #[test]
    fn a_week_across_two_months_is_the_month_of_its_thursday() {
        let at = |published: (i32, u32, u32), s: &str| {
            let words: Vec<&str> = s.split(' ').collect();
            let p = NaiveDate::from_ymd_opt(published.0, published.1, published.2);
            find(&words, p, false).into_iter().next().map(|h| h.value)
        };
        // Tuesday 6 May 2025: last week ran from Monday 28 April to Sunday 4 May
        assert_eq!(
            at((2025, 5, 6), "met last week").as_deref(),
            Some("2025-05")
        );
        // Friday 2 August 2024: this week began on Monday 29 July
        assert_eq!(
            at((2024, 8, 2), "earlier this week").as_deref(),
            Some("2024-08")
        );
        // Wednesday 2 April 2025: this week's Thursday is 3 April, last week's 27 March
        assert_eq!(
            at((2025, 4, 2), "met last week").as_deref(),
            Some("2025-03")
        );
    }

    #[test]
    fn words_that_only_look_like_dates_are_not() {
        assert_eq!(one("May said", false), None);
        assert_eq!(one("a march on parliament", false), None);
        assert_eq!(one("the last word", false), None);
    }
}
