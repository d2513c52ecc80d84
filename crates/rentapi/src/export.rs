//! Orders and SMS as files: CSV that spreadsheet programs open safely and
//! correctly (UTF-8 with a byte order mark, RFC 4180 quoting, no cell that
//! runs as a formula) and JSON.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::Serialize;

use crate::history::Entry;
use crate::model::Order;

/// The byte order mark: without it Excel reads UTF-8 as a legacy code page
/// and Cyrillic and Chinese come out garbled.
pub const BOM: &str = "\u{feff}";

/// One CSV field. Text that starts like a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) is prefixed with `'` so that a
/// spreadsheet shows it instead of running it; then RFC 4180 quoting.
pub fn field(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if risky { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A whole CSV file: the mark, the header, the rows, CRLF line ends.
pub fn csv<R: AsRef<[String]>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String {
    let mut out = String::from(BOM);
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(&mut out, &mut header.iter().map(|h| field(h)));
    for row in rows {
        line(&mut out, &mut row.as_ref().iter().map(|c| field(c)));
    }
    out
}

/// A time in ISO 8601 with its offset, in `tz` (the browser's zone).
pub fn iso<Tz: TimeZone>(t: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.with_timezone(tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The columns of an SMS export, in the order of [`sms_row`].
pub const SMS_COLUMNS: [&str; 8] =
    ["time", "number", "service", "country", "sender", "text", "code", "order"];

/// One SMS as a CSV row.
pub fn sms_row<Tz: TimeZone>(e: &Entry, tz: &Tz) -> Vec<String>
where
    Tz::Offset: std::fmt::Display,
{
    vec![
        iso(e.at, tz),
        e.number.clone(),
        e.service.clone(),
        e.country.clone(),
        e.sender.clone(),
        e.text.clone(),
        e.code.clone().unwrap_or_default(),
        e.order.to_string(),
    ]
}

/// The columns of an orders export, in the order of [`order_row`].
pub const ORDER_COLUMNS: [&str; 7] =
    ["order", "number", "service", "country", "state", "until", "operator"];

/// One order as a CSV row; `state` is the state as the user reads it.
pub fn order_row<Tz: TimeZone>(o: &Order, state: &str, tz: &Tz) -> Vec<String>
where
    Tz::Offset: std::fmt::Display,
{
    vec![
        o.id.to_string(),
        o.display_number(),
        o.service_name(),
        o.country.to_string(),
        state.to_owned(),
        iso(o.until, tz),
        o.provider.clone().unwrap_or_default(),
    ]
}

/// Rows as JSON objects keyed by `columns`, one per row.
pub fn json(columns: &[&str], rows: &[Vec<String>]) -> String {
    #[derive(Serialize)]
    #[serde(transparent)]
    struct Row(serde_json::Map<String, serde_json::Value>);
    let rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            Row(columns.iter().zip(r).map(|(k, v)| ((*k).to_owned(), v.clone().into())).collect())
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

/// A file name that says what and when: `smsrent-sms-2026-12-02-0815.csv`.
pub fn file_name<Tz: TimeZone>(what: &str, now: DateTime<Utc>, tz: &Tz, ext: &str) -> String
where
    Tz::Offset: std::fmt::Display,
{
    format!("smsrent-{what}-{}.{ext}", now.with_timezone(tz).format("%Y-%m-%d-%H%M"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    /// A small RFC 4180 reader, to read back what [`csv`] wrote.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).expect("starts with the mark");
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(cell.is_empty() && row.is_empty(), "ends with a line end");
        rows
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field("Ваш код 1234"), "Ваш код 1234");
    }

    #[test]
    fn formulas_are_neutralised() {
        for hostile in ["=1+1", "+7 909", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"] {
            let f = field(hostile);
            let cell = f.trim_matches('"');
            assert!(cell.starts_with('\''), "{hostile:?} -> {f:?}");
        }
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("1+1"), "1+1", "only the first character counts");
    }

    #[test]
    fn a_csv_reads_back_with_the_same_rows() {
        let rows = vec![
            vec!["=cmd|' /C calc'!A0".to_owned(), "Ваш код: 1234, \"срочно\"".to_owned()],
            vec!["您的验证码是 5678\r\nline two".to_owned(), String::new()],
        ];
        let text = csv(&["a", "b"], &rows);
        assert!(text.ends_with("\r\n"));
        let back = parse(&text);
        assert_eq!(back[0], ["a", "b"]);
        assert_eq!(back[1], ["'=cmd|' /C calc'!A0", "Ваш код: 1234, \"срочно\""]);
        assert_eq!(back[2], rows[1]);
        assert_eq!(back.len(), 3);
    }

    #[test]
    fn times_carry_their_offset() {
        let t = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let msk = FixedOffset::east_opt(3 * 3600).unwrap();
        assert_eq!(iso(t, &msk), "2023-11-15T01:13:20+03:00");
        assert_eq!(iso(t, &Utc), "2023-11-14T22:13:20+00:00");
        assert_eq!(file_name("sms", t, &msk, "csv"), "smsrent-sms-2023-11-15-0113.csv");
    }

    #[test]
    fn json_rows_are_objects() {
        let text = json(&["a", "b"], &[vec!["1".into(), "<b>x</b>".into()]]);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[0]["a"], "1");
        assert_eq!(v[0]["b"], "<b>x</b>");
        assert_eq!(json(&["a"], &[]), "[]");
    }

    #[test]
    fn an_order_row_has_every_column() {
        let o = Order::sample(DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        let row = order_row(&o, "Not active", &Utc);
        assert_eq!(row.len(), ORDER_COLUMNS.len());
        assert_eq!(row[1], "+7 9096068511");
        assert_eq!(field(&row[1]), "'+7 9096068511", "a number starting with + is neutralised");
    }
}
