//! What the model knows about a pair, and the inputs it computes from that: the one
//! vocabulary the signals, the fits and the scoring share.

/// What the ranker knows about a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Resource allocation over mutual contacts: each mutual contact z adds 1/deg(z), so a
    /// contact who knows everyone says little about any two of them.
    pub mutual: f64,
    /// How many mutual contacts.
    pub common: u32,
    pub degrees: (usize, usize),
    /// Shared interests weighted by rarity (ln(people/holders)), divided by the geometric
    /// mean of the two interest counts, so listing many interests does not win by itself
    /// (`Indexes::interest_similarity`).
    pub interests: f64,
    /// Needs met, in either direction (`Needs::value`).
    pub needs: f64,
}

/// The number of model inputs.
pub const DIM: usize = 6;

/// Names of the inputs, for docs, debugging and `--json` explanations.
pub const INPUTS: [&str; DIM] = [
    "ln(1+mutual)",
    "ln(1+common)",
    "jaccard",
    "ln(1+deg a)+ln(1+deg b)",
    "interests",
    "needs",
];

/// Inputs whose weight may not be negative: a shared interest or a met need never counts
/// against a pair, and the ranker's pruning bounds rely on it.
pub const MONOTONE: [bool; DIM] = [true, true, true, false, true, true];

/// Index of the degree input, whose sign is free.
pub const DEGREE: usize = 3;

pub fn inputs(f: &Features) -> [f64; DIM] {
    let (da, db) = (f.degrees.0 as f64, f.degrees.1 as f64);
    let union = da + db - f64::from(f.common);
    let jaccard = if union > 0.0 {
        f64::from(f.common) / union
    } else {
        0.0
    };
    [
        f.mutual.ln_1p(),
        f64::from(f.common).ln_1p(),
        jaccard,
        da.ln_1p() + db.ln_1p(),
        f.interests,
        f.needs,
    ]
}
