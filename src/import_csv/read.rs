//! Reading another system's CSV export as it comes: with or without a UTF-8
//! byte-order mark, `,` `;` or tab between fields, quoted fields holding
//! delimiters and line breaks, Windows or Unix line endings.

/// A file's header row and its data rows.
#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row: the line it starts on, and its fields or why they can't be read.
#[derive(Debug)]
pub struct Row {
    pub line: u32,
    pub fields: Result<Vec<String>, String>,
}

const NOT_UTF8: &str = "is not UTF-8 text: save the file as \"CSV UTF-8\" and import it again";

/// Reads `bytes` as a CSV file whose first row names the columns. Rows with
/// nothing in them are left out: there is nothing to import or lose.
pub fn read(bytes: &[u8]) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = records
        .next()
        .ok_or("the file is empty")?
        .map_err(|error| error.to_string())?;
    let headers = text(&header)
        .map_err(|_| format!("the header row {NOT_UTF8}"))?
        .into_iter()
        .enumerate()
        .map(|(index, name)| match name.trim() {
            "" => format!("Column {}", index + 1),
            name => name.to_owned(),
        })
        .collect::<Vec<_>>();
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for record in records {
        let record = record.map_err(|error| error.to_string())?;
        if record.iter().all(|field| field.trim_ascii().is_empty()) {
            continue;
        }
        let line = lines.line_at(bytes, record.position().map_or(0, |at| at.byte()));
        let fields = if record.len() == headers.len() {
            text(&record).map_err(|_| format!("the row {NOT_UTF8}"))
        } else {
            Err(format!(
                "the row has {} fields where the header has {}: check its quotes and delimiters",
                record.len(),
                headers.len()
            ))
        };
        rows.push(Row { line, fields });
    }
    Ok(Table { headers, rows })
}

/// Line numbers as a text editor shows them. The reader's own count lags
/// after `\r\n` endings: it places a record at the `\n` before it.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    /// The line of the first character at or after `offset` that does not end
    /// a line; offsets only grow from call to call.
    fn line_at(&mut self, bytes: &[u8], offset: u64) -> u32 {
        let rest = bytes.get(self.offset..).unwrap_or_default();
        let ahead = usize::try_from(offset).map_or(rest.len(), |offset| {
            offset.saturating_sub(self.offset).min(rest.len())
        });
        let line_ends = rest[ahead..]
            .iter()
            .take_while(|byte| matches!(byte, b'\r' | b'\n'))
            .count();
        let start = ahead + line_ends;
        self.newlines += memchr::memchr_iter(b'\n', &rest[..start]).count();
        self.offset += start;
        u32::try_from(self.newlines + 1).unwrap_or(u32::MAX)
    }
}

fn text(record: &csv::ByteRecord) -> Result<Vec<String>, std::str::Utf8Error> {
    record
        .iter()
        .map(|field| std::str::from_utf8(field).map(str::to_owned))
        .collect()
}

/// The delimiter the header row uses most: `,` `;` or tab (`,` on a tie).
/// Exports from systems set to a European locale use `;`.
fn delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in bytes {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some((_, count)) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    // The first of the most used: `max_by_key` would pick the last.
    let most = counts.iter().map(|(_, count)| *count).max().unwrap_or(0);
    counts
        .iter()
        .find(|(_, count)| *count == most)
        .map_or(b',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_row_decides_the_delimiter() {
        assert_eq!(delimiter(b"First;Last;\"a,b,c\"\n1,2,3,4"), b';');
        assert_eq!(delimiter(b"First,Last\n"), b',');
        assert_eq!(delimiter(b"First\tLast\n"), b'\t');
        assert_eq!(delimiter(b"Name\n"), b',');
    }

    #[test]
    fn rows_keep_their_line_numbers_across_quoted_line_breaks() {
        let table =
            read("\u{feff}A,B\r\n1,\"two\r\nlines\"\r\n,\r\n3,4\r\n".as_bytes()).expect("reads");
        assert_eq!(table.headers, ["A", "B"]);
        let lines: Vec<u32> = table.rows.iter().map(|row| row.line).collect();
        assert_eq!(lines, [2, 5]);
        let unix = read(b"A,B\n\n1,\"x\ny\"\n2,3").expect("reads");
        let lines: Vec<u32> = unix.rows.iter().map(|row| row.line).collect();
        assert_eq!(lines, [3, 5]);
        assert_eq!(
            table.rows[0].fields.as_deref(),
            Ok(&["1".to_owned(), "two\r\nlines".to_owned()][..])
        );
    }

    #[test]
    fn a_row_that_is_not_utf8_or_has_too_few_fields_is_reported_not_dropped() {
        let table = read(b"A,B\nZo\xEB,x\n1\n").expect("reads");
        assert!(table.rows[0]
            .fields
            .as_ref()
            .is_err_and(|e| e.contains("UTF-8")));
        assert!(table.rows[1]
            .fields
            .as_ref()
            .is_err_and(|e| e.contains("has 1 fields where the header has 2")));
        assert!(read(b"").is_err());
    }
}
