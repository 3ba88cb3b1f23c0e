//! Reading RON source files: the parser options every file is read with,
//! syntax errors as one `file:line:column: message` line, and finding the
//! line a field is on. Shared by the catalog loader and architecture files.

use serde::de::DeserializeOwned;

/// One file's name and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in errors: a path for directories, `catalogs/...` when embedded.
    pub name: String,
    pub text: String,
}

/// A file that does not parse, located to the character.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct SyntaxError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The RON options every file is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The text without a UTF-8 byte-order mark, which some editors put at the
/// start of a file and RON does not expect.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parse RON text (a leading byte-order mark is skipped).
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, SyntaxError> {
    let text = without_bom(text);
    ron_options()
        .from_str(text)
        .map_err(|error| syntax_error(file, text, &error))
}

/// A RON error as one line. When the error is where the file ends, the
/// file was most likely cut short (a partial save or copy), and the
/// parser's own words (`Unexpected field named `posi``) would mislead.
pub fn syntax_error(file: &str, text: &str, error: &ron::error::SpannedError) -> SyntaxError {
    let message = error.code.to_string();
    let rest = |line, column| {
        offset_of(text, line, column).map_or("", |offset| &text[offset.min(text.len())..])
    };
    let at_end = rest(error.span.end.line, error.span.end.col).trim().is_empty()
        // A string left open runs to the end of the file.
        || (matches!(error.code, ron::Error::ExpectedStringEnd)
            && rest(error.span.start.line, error.span.start.col)
                .trim_start_matches('"')
                .find('"')
                .is_none());
    let message = if text.trim().is_empty() {
        format!("the file is empty ({message})")
    } else if matches!(error.code, ron::Error::Eof) || at_end {
        format!("the file ends early, in the middle of an entry: is it cut short? ({message})")
    } else {
        message
    };
    SyntaxError {
        file: file.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let line_text = &text[start..];
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + within)
}

/// Bytes as UTF-8 text, or a syntax error at the first bad byte.
pub fn decode_utf8(file: &str, bytes: Vec<u8>) -> Result<String, SyntaxError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError {
            file: file.to_owned(),
            line,
            column,
            message: "not UTF-8 text".to_owned(),
        }
    })
}

/// The code of a line with string contents blanked and any `//` comment
/// cut off, so field names are only found where RON would read them. Byte
/// offsets are kept: every blanked byte becomes one space.
pub fn code_of(line: &str) -> String {
    let mut code = String::with_capacity(line.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if in_string {
            if c == '"' && !escaped {
                in_string = false;
                code.push('"');
            } else {
                escaped = c == '\\' && !escaped;
                code.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
            continue;
        }
        if c == '/' && chars.peek().is_some_and(|(_, next)| *next == '/') {
            break;
        }
        in_string = c == '"';
        escaped = false;
        code.push(c);
    }
    code
}

/// The byte offset of `name` used as a field name (`name:`) in a line,
/// outside strings and comments and not as part of a longer identifier.
pub fn find_field(line: &str, name: &str) -> Option<usize> {
    find_word(line, name, ':')
}

/// The byte offset of `name` followed by `next` (after spaces), outside
/// strings and comments and not inside a longer identifier.
fn find_word(line: &str, name: &str, next: char) -> Option<usize> {
    let code = code_of(line);
    let mut search = 0;
    while let Some(found) = code[search..].find(name) {
        let start = search + found;
        let end = start + name.len();
        let before_ok = code[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = code[end..].trim_start();
        if before_ok && after.starts_with(next) {
            return Some(start);
        }
        search = end;
    }
    None
}

/// One step of a path to a line: a field name (`cap_mb:`), an entry's id
/// (`id: "cpu"`), or an enum variant (`GbSeconds(`).
#[derive(Debug, Clone, Copy)]
pub enum Anchor<'a> {
    Field(&'a str),
    /// The field's line after skipping `n` lines that have it: the
    /// `n`-th (from 0) row of a list written one row per line.
    Nth(&'a str, usize),
    Id(&'a str),
    Variant(&'a str),
}

impl Anchor<'_> {
    fn matches(self, line: &str) -> bool {
        match self {
            Anchor::Field(name) | Anchor::Nth(name, _) => find_field(line, name).is_some(),
            Anchor::Variant(name) => find_word(line, name, '(').is_some(),
            Anchor::Id(id) => {
                find_field(line, "id").is_some_and(|start| {
                    // The quoted id right after `id:`, read from the raw line
                    // (string contents are blanked in the code).
                    let after = line[start + 2..].trim_start().trim_start_matches(':');
                    after.trim_start().starts_with(&format!("\"{id}\""))
                })
            }
        }
    }
}

/// The 1-based line reached by finding each anchor in turn, each at or
/// after the line of the one before: `[Id("aws-lambda"), Field("limits"),
/// Field("max_memory_mb")]`. Stops at the last anchor found, so a field
/// left implicit still points at its entry; `None` when even the first is
/// missing.
pub fn line_of(text: &str, anchors: &[Anchor<'_>]) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = None;
    let mut from = 0;
    for anchor in anchors {
        let skip = match anchor {
            Anchor::Nth(_, n) => *n,
            _ => 0,
        };
        match (from..lines.len())
            .filter(|&i| anchor.matches(lines[i]))
            .nth(skip)
        {
            Some(index) => {
                found = Some(index + 1);
                from = index;
            }
            None => break,
        }
    }
    found
}

/// An id from a file, quoted for an error message: control characters
/// (a newline, ESC, NUL) are escaped so the message stays one line and
/// nothing reaches the terminal raw.
pub fn shown_id(id: &str) -> String {
    if id.chars().any(char::is_control) {
        id.escape_debug().to_string()
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_file_says_so() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Node {
            id: u32,
            position: (f32, f32),
        }
        let error = parse::<Vec<Node>>("f.ron", "[\n    (id: 1, posi").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("is it cut short?"), "{error}");
        let error = parse::<Vec<Node>>("f.ron", "[\n    (id: 1,").unwrap_err();
        assert!(error.message.contains("is it cut short?"), "{error}");
        let error = parse::<Vec<String>>("f.ron", "[\"ab").unwrap_err();
        assert!(error.message.contains("is it cut short?"), "{error}");
        // An error with text after it is not a cut.
        let error = parse::<Vec<Node>>("f.ron", "[(id: 1, posi: 2)]").unwrap_err();
        assert!(!error.message.contains("cut short"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let list: Vec<u32> = parse("f.ron", "\u{feff}[1, 2]").unwrap();
        assert_eq!(list, [1, 2]);
    }

    #[test]
    fn lines_are_found_through_anchors() {
        let text = "(\n  id: \"a\",\n  limits: (max: 1),\n)\n(\n  id: \"b\",\n  x: Gb(2),\n  limits: (\n    max: 3,\n  ),\n)\n";
        let b = [
            Anchor::Id("b"),
            Anchor::Field("limits"),
            Anchor::Field("max"),
        ];
        assert_eq!(line_of(text, &b), Some(9));
        assert_eq!(
            line_of(text, &[Anchor::Id("b"), Anchor::Variant("Gb")]),
            Some(7)
        );
        assert_eq!(
            line_of(text, &[Anchor::Id("a"), Anchor::Field("max")]),
            Some(3)
        );
        assert_eq!(
            line_of(text, &[Anchor::Id("b"), Anchor::Field("nope")]),
            Some(6)
        );
        assert_eq!(line_of(text, &[Anchor::Id("c")]), None);
        assert_eq!(line_of(text, &[Anchor::Nth("id", 1)]), Some(6));
    }

    #[test]
    fn control_characters_in_ids_are_escaped() {
        assert_eq!(shown_id("aws-lambda"), "aws-lambda");
        assert_eq!(shown_id("a\nb\u{1b}[31m\0"), "a\\nb\\u{1b}[31m\\0");
    }
}
