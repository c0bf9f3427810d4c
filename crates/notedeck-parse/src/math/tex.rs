//! ASCII TeX source as tokens, each with the characters KaTeX renders it as.

/// Tokeniser over ASCII TeX source, mapping each token to its rendering.
pub(super) struct TexTokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> TexTokens<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        TexTokens { src, pos: 0 }
    }
}

impl Iterator for TexTokens<'_> {
    type Item = TexToken;

    fn next(&mut self) -> Option<TexToken> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let &b = bytes.get(start)?;
        if b == b'\\' {
            let name_len = bytes[start + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if name_len > 0 {
                let name = &self.src[start + 1..start + 1 + name_len];
                self.pos = start + 1 + name_len;
                let sig = command_rendering(name);
                return Some(TexToken {
                    end: self.pos,
                    sig: Sig::Text(sig),
                    anchor: true,
                    blank: sig.is_empty(),
                });
            }
            // Control symbol: `\{`, `\,`, `\\`.
            let next = self.src[start + 1..].chars().next();
            self.pos = start + 1 + next.map_or(0, char::len_utf8);
            let sig = match next {
                Some(c @ ('{' | '}' | '%' | '#' | '&' | '_' | '$')) => Sig::Char(c),
                Some('|') => Sig::Char('∥'),
                _ => Sig::Text(""),
            };
            let blank = matches!(sig, Sig::Text(""));
            return Some(TexToken {
                end: self.pos,
                sig,
                anchor: true,
                blank,
            });
        }
        let c = self.src[start..].chars().next()?;
        self.pos = start + c.len_utf8();
        let (sig, anchor, blank) = match c {
            '_' | '^' => (Sig::Text(""), true, true),
            '{' | '}' | '&' | '~' => (Sig::Text(""), false, true),
            c if c.is_whitespace() => (Sig::Text(""), false, true),
            '\'' => (Sig::Char('′'), true, false),
            c => (Sig::Char(c), false, false),
        };
        Some(TexToken {
            end: self.pos,
            sig,
            anchor,
            blank,
        })
    }
}

/// One TeX token and what it renders to.
pub(super) struct TexToken {
    /// Byte end of the token within the tokenised string.
    pub(super) end: usize,
    /// Rendered characters (before [`super::canon`]).
    pub(super) sig: Sig,
    /// Only TeX writes this (`\cmd`, `_`, `^`, `'`): a run must contain one.
    pub(super) anchor: bool,
    /// Whitespace, grouping or layout only: never the end of a TeX run.
    pub(super) blank: bool,
}

/// A token's rendered characters, kept without allocating: one per character of a formula
/// was a string each.
#[derive(Clone, Copy)]
pub(super) enum Sig {
    Text(&'static str),
    Char(char),
}

impl Sig {
    /// The characters, in order.
    pub(super) fn chars(self) -> impl Iterator<Item = char> {
        let (text, c) = match self {
            Sig::Text(t) => (t, None),
            Sig::Char(c) => ("", Some(c)),
        };
        text.chars().chain(c)
    }
}

/// What KaTeX renders a control word as (its MathML text). Unknown commands render as
/// nothing, which makes a match unlikely rather than wrong.
fn command_rendering(name: &str) -> &'static str {
    match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ϵ",
        "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "vartheta" => "ϑ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" => "ϕ",
        "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "oint" => "∮",
        "infty" => "∞",
        "cdot" => "⋅",
        "times" => "×",
        "div" => "÷",
        "pm" => "±",
        "mp" => "∓",
        "leftarrow" | "gets" => "←",
        "rightarrow" | "to" => "→",
        "Leftarrow" => "⇐",
        "Rightarrow" | "implies" => "⇒",
        "leftrightarrow" => "↔",
        "Leftrightarrow" | "iff" => "⇔",
        "mapsto" => "↦",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "simeq" => "≃",
        "equiv" => "≡",
        "propto" => "∝",
        "ll" => "≪",
        "gg" => "≫",
        "partial" => "∂",
        "nabla" => "∇",
        "in" => "∈",
        "notin" => "∉",
        "subset" => "⊂",
        "subseteq" => "⊆",
        "cup" => "∪",
        "cap" => "∩",
        "forall" => "∀",
        "exists" => "∃",
        "emptyset" | "varnothing" => "∅",
        "cdots" => "⋯",
        "ldots" | "dots" => "…",
        "vdots" => "⋮",
        "prime" => "′",
        "circ" => "∘",
        "ast" => "∗",
        "star" => "⋆",
        "odot" => "⊙",
        "otimes" => "⊗",
        "oplus" => "⊕",
        "mid" => "∣",
        "lvert" | "rvert" | "vert" => "∣",
        "Vert" | "lVert" | "rVert" => "∥",
        "langle" => "⟨",
        "rangle" => "⟩",
        "lfloor" => "⌊",
        "rfloor" => "⌋",
        "lceil" => "⌈",
        "rceil" => "⌉",
        "neg" | "lnot" => "¬",
        "land" | "wedge" => "∧",
        "lor" | "vee" => "∨",
        "sqrt" => "√",
        "log" => "log",
        "ln" => "ln",
        "exp" => "exp",
        "max" => "max",
        "min" => "min",
        "sup" => "sup",
        "inf" => "inf",
        "lim" => "lim",
        "arg" => "arg",
        "sin" => "sin",
        "cos" => "cos",
        "tan" => "tan",
        "tanh" => "tanh",
        "det" => "det",
        "Pr" => "Pr",
        // Layout, fonts, accents and spacing render no characters of their own.
        _ => "",
    }
}
