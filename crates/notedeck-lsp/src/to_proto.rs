//! notedeck -> protocol: byte spans to ranges (UTF-16 columns), and the analysis's plain
//! answers (hovers, locations, symbols, lenses, findings) to protocol types. With
//! `from_proto`, the only code that converts between the two.

use notedeck_check::{Finding, Severity, Workspace};
use notedeck_ide::{
    Completion, Hover as IdeHover, Leech, Lens, Location as Place, Symbol, SymbolKind as Kind,
    TermSymbol, Uncertain,
};
use notedeck_parse::{CardKind, LineIndex, SectionKind, Span};
use std::path::Path;
use tower_lsp_server::ls_types::{
    CodeLens, Command, CompletionItem, CompletionItemKind, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, Documentation, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, OneOf, Position, Range,
    SymbolKind, Uri, WorkspaceSymbol,
};

/// The `source` of every diagnostic this server publishes.
pub const SOURCE: &str = "notedeck";

/// A text together with its line index, for converting positions both ways.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    /// The buffer.
    pub text: &'a str,
    /// Line starts of `text`.
    pub lines: &'a LineIndex,
}

impl<'a> Text<'a> {
    /// Wrap a text and the index built from it.
    pub fn new(text: &'a str, lines: &'a LineIndex) -> Self {
        Self { text, lines }
    }

    /// LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let p = self.lines.position(self.text, offset);
        Position::new(p.line, p.character)
    }

    /// LSP range of a byte span.
    pub fn range(&self, span: &Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }
}

/// A hover as the protocol shows it: Markdown, over the word it is about.
pub fn hover(text: Text<'_>, hover: IdeHover) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: hover.markdown,
        }),
        range: hover.span.map(|span| text.range(&span)),
    }
}

/// A place in a note as a protocol location; `uri` gives each path's URI (the client's
/// spelling for open files). `None` if the note is not in `ws`.
pub fn location(
    ws: &Workspace,
    uri: &dyn Fn(&Path) -> Option<Uri>,
    place: &Place,
) -> Option<Location> {
    let note = ws.get(&place.path)?;
    let text = Text::new(&note.text, &note.lines);
    Some(Location::new(uri(&place.path)?, text.range(&place.span)))
}

/// A known term offered while typing.
pub fn completion_item(c: Completion) -> CompletionItem {
    CompletionItem {
        label: c.label,
        kind: Some(CompletionItemKind::CONSTANT),
        detail: Some(c.detail),
        documentation: Some(Documentation::String(c.documentation)),
        ..CompletionItem::default()
    }
}

/// A term at its definition, for `workspace/symbol`.
pub fn workspace_symbol(location: Location, t: TermSymbol) -> WorkspaceSymbol {
    WorkspaceSymbol {
        location: OneOf::Left(location),
        name: t.name,
        kind: SymbolKind::CONSTANT,
        tags: None,
        container_name: Some(t.expansion),
        data: None,
    }
}

/// One outline entry with its children.
#[allow(deprecated)] // `deprecated` is a required field of the protocol type
pub fn document_symbol(text: Text<'_>, symbol: Symbol) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = symbol
        .children
        .into_iter()
        .map(|c| document_symbol(text, c))
        .collect();
    DocumentSymbol {
        name: symbol.name,
        detail: symbol.detail,
        kind: symbol_kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: text.range(&symbol.span),
        selection_range: text.range(&symbol.selection_span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Section(SectionKind::Title) => SymbolKind::FILE,
        Kind::Section(SectionKind::Problem) => SymbolKind::NAMESPACE,
        Kind::Section(SectionKind::Topic) => SymbolKind::CLASS,
        Kind::Section(SectionKind::Facet) => SymbolKind::PROPERTY,
        Kind::Card(CardKind::Basic) => SymbolKind::FIELD,
        Kind::Card(CardKind::Cloze) => SymbolKind::STRING,
        Kind::Card(CardKind::Table) => SymbolKind::ARRAY,
        Kind::Card(CardKind::Definition) => SymbolKind::CONSTANT,
    }
}

/// A lens is a label, not a button: there is nothing to run.
pub fn code_lens(text: Text<'_>, lens: Lens) -> CodeLens {
    CodeLens {
        range: text.range(&lens.span),
        command: Some(Command {
            title: lens.title,
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }
}

/// One finding as a diagnostic, with ranges from the notes of `ws`; `None` if its file is not
/// in `ws`.
pub fn diagnostic(
    ws: &Workspace,
    uri: &dyn Fn(&Path) -> Option<Uri>,
    finding: &Finding,
) -> Option<Diagnostic> {
    let note = ws.get(&finding.path)?;
    let text = Text::new(&note.text, &note.lines);
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let other = ws.get(&r.path)?;
            let other = Text::new(&other.text, &other.lines);
            Some(DiagnosticRelatedInformation {
                location: Location::new(uri(&r.path)?, other.range(&r.span)),
                message: r.message.clone(),
            })
        })
        .collect();
    Some(Diagnostic {
        range: text.range(&finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    })
}

/// Diagnostic code of a restored character that could have been something else.
pub const UNCERTAIN: &str = "uncertain-repair";

/// The hint shown on one character an accepted repair was unsure of.
pub fn uncertain_hint(text: Text<'_>, u: &Uncertain) -> Diagnostic {
    Diagnostic {
        range: text.range(&u.span),
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(UNCERTAIN.to_string())),
        source: Some(SOURCE.to_string()),
        message: u.message(),
        ..Diagnostic::default()
    }
}

/// Diagnostic code of a card the student keeps forgetting in Anki.
pub const LEECH: &str = "leech";

/// The diagnostic on a leech's line.
pub fn leech(text: Text<'_>, leech: &Leech) -> Diagnostic {
    Diagnostic {
        range: text.range(&leech.span),
        severity: Some(severity(leech.severity)),
        code: Some(NumberOrString::String(LEECH.to_string())),
        source: Some(SOURCE.to_string()),
        message: leech.message.clone(),
        ..Diagnostic::default()
    }
}

/// The protocol's severity of a finding's.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
