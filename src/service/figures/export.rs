//! The tables as files: CSV (UTF-8 with a BOM, so that Excel on a city
//! office's PC reads the Japanese) and an Excel workbook (one sheet per
//! table, numbers as numbers, Japanese headers), made by `rust_xlsxwriter`.

use super::tables::{words, Cell, Table};
use crate::domain::Lang;

/// All tables in one CSV: each with its title line, headers and rows, a
/// blank line between.
pub fn csv(tables: &[Table], lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        for (i, t) in tables.iter().enumerate() {
            if i > 0 {
                w.write_record([""])?;
            }
            w.write_record([t.title.as_str()])?;
            w.write_record(&t.headers)?;
            for row in &t.rows {
                w.write_record(row.iter().map(|c| words(c, lang)))?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// A workbook with a sheet per table: counts and measures as numbers.
pub fn xlsx(tables: &[Table], lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for t in tables {
        let sheet = book.add_worksheet();
        let name: String = t
            .sheet
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(name)?;
        sheet.write_string_with_format(0, 0, &t.title, &bold)?;
        for (c, h) in t.headers.iter().enumerate() {
            sheet.write_string_with_format(1, c as u16, h, &bold)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::People(n) | Cell::Count(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Cell::Number(Some(x)) => {
                        sheet.write_number(r, c, *x)?;
                    }
                    other => {
                        sheet.write_string(r, c, words(other, lang))?;
                    }
                }
            }
        }
        sheet.set_column_width(0, 28)?;
    }
    Ok(book.save_to_buffer()?)
}
