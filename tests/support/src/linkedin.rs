//! A generated LinkedIn `Connections.csv` (the 2020-on layout, with its `Notes:`
//! preamble), shaped like a real export: nothing but names, profile URLs, a company and
//! a position each, the date connected, and an email for a few.
//!
//! Employers are heavy-tailed as in a real network: the owner's own workplaces hold dozens
//! of connections, most companies one or two. Some rows spell their company with a legal
//! form ("Ocado Ltd", "Ocado"), some have none or "Self-employed". Positions come from
//! realistic word lists (seniority, field, role), with recruiters, founders, investors
//! and people hiring among them. The same `(people, seed)` always gives the same text.

use crate::rng::SplitMix64;

const FIRST: &[&str] = &[
    "Ada", "Amara", "Arjun", "Beatrice", "Carlos", "Chen", "Clara", "Daniel", "Elif", "Emma",
    "Farah", "Gabriel", "Hannah", "Hiro", "Ines", "Isaac", "Jonah", "Kenji", "Kwame", "Lena",
    "Lucia", "Marcus", "Maya", "Mei", "Nadia", "Noah", "Nora", "Olu", "Oskar", "Priya", "Rafael",
    "Ruth", "Sami", "Siobhan", "Sofia", "Tariq", "Theo", "Tomas", "Wei", "Yusuf", "Zara", "Zoe",
    "Aisha", "Ben", "Dmitri", "Eva", "Femi", "Greta", "Ivan", "Julia",
];

const LAST: &[&str] = &[
    "Abrams",
    "Adeyemi",
    "Okafor",
    "Benali",
    "Chen",
    "Cho",
    "Demir",
    "Duarte",
    "Esposito",
    "Fernandez",
    "Ferreira",
    "Hale",
    "Hart",
    "Johansson",
    "Kelly",
    "Kowalski",
    "Lin",
    "Mehta",
    "Mensah",
    "Marchetti",
    "Muller",
    "Nilsson",
    "Nwosu",
    "Novak",
    "Okonkwo",
    "Patel",
    "Petrova",
    "Raman",
    "Reid",
    "Rossi",
    "Santos",
    "Schmidt",
    "Singh",
    "Tanaka",
    "Watanabe",
    "Wright",
    "Yilmaz",
    "Zhang",
    "Brennan",
    "Haddad",
    "Ivanova",
    "Kim",
    "Larsen",
    "Moreau",
];

const COMPANY_FIRST: &[&str] = &[
    "Blue", "North", "Harbour", "Fern", "Kestrel", "Quay", "Tide", "Granite", "Lumen", "Open",
    "Copper", "Silver", "Red", "Iron", "Cedar", "Maple", "Atlas", "Nova", "Vega", "Orbit",
    "Beacon", "Summit", "Delta", "Echo", "Helix", "Pixel", "Quantum", "River", "Stone", "Sun",
    "Wave", "Willow", "Arrow", "Bright", "Clear", "Forge", "Meridian",
];

const COMPANY_LAST: &[&str] = &[
    "Labs",
    "Systems",
    "Analytics",
    "Health",
    "Bank",
    "Energy",
    "Robotics",
    "Logistics",
    "Media",
    "Studio",
    "Capital",
    "Ventures",
    "Software",
    "Networks",
    "Foods",
    "Pay",
    "Insurance",
    "Bio",
    "Cloud",
    "Data",
    "Security",
    "Mobility",
    "Retail",
    "Learning",
];

const LEGAL: &[&str] = &[
    "Ltd", "Ltd.", "Inc.", "Inc", "GmbH", "LLC", "plc", "B.V.", "S.A.",
];

const NO_EMPLOYER: &[&str] = &["Self-employed", "Freelance", "Stealth Startup"];

const SENIORITY: &[&str] = &[
    "",
    "",
    "",
    "Senior ",
    "Senior ",
    "Lead ",
    "Staff ",
    "Principal ",
];

const FIELD: &[&str] = &[
    "Software",
    "Data",
    "Backend",
    "Frontend",
    "Platform",
    "Machine Learning",
    "Security",
    "Product",
    "Marketing",
    "Sales",
    "Finance",
    "UX",
    "Site Reliability",
    "Mobile",
];

const ROLE: &[&str] = &[
    "Engineer",
    "Engineer",
    "Engineer",
    "Developer",
    "Scientist",
    "Analyst",
    "Manager",
    "Designer",
    "Consultant",
    "Architect",
];

/// Whole positions that say what someone offers or seeks, and odd ones.
const SPECIAL: &[&str] = &[
    "Technical Recruiter",
    "Talent Acquisition Partner",
    "Founder & CEO",
    "Co-founder",
    "Angel Investor",
    "Partner",
    "Engineering Manager - we're hiring!",
    "Head of Engineering",
    "Developer Advocate",
    "Developer Advocate",
    "VP of Product",
    "Chief Technology Officer",
    "PhD Student",
    "Product Owner",
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

struct Draw(SplitMix64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The company names of a network of `people`: the first few are the owner's own
/// workplaces.
fn companies(people: usize) -> Vec<String> {
    let n = (people / 2).max(8);
    (0..n)
        .map(|i| {
            let a = COMPANY_FIRST[i % COMPANY_FIRST.len()];
            // For one first word, every last word once before any repeats.
            let b = COMPANY_LAST[(i / COMPANY_FIRST.len() + 5 * i) % COMPANY_LAST.len()];
            let round = i / (COMPANY_FIRST.len() * COMPANY_LAST.len());
            if round == 0 {
                format!("{a} {b}")
            } else {
                format!("{a} {b} {}", round + 1)
            }
        })
        .collect()
}

/// Which company a connection works at: 6%, 4% and 2.5% at the owner's three own
/// workplaces, the rest over the others by a Zipf-like law, P(rank k) ~ 1 / (k + 10):
/// at 2,500 connections the biggest other employer has some fifty, most have one or two.
fn employer(d: &mut Draw, count: usize) -> usize {
    const OFFSET: f64 = 10.0;
    match d.below(1000) {
        0..60 => 0,
        60..100 => 1,
        100..125 => 2,
        _ => {
            // Log-uniform over [OFFSET, OFFSET + others): density 1 / x.
            let others = (count - 3) as f64;
            let u = d.below(1_000_000) as f64 / 1_000_000.0;
            let x = OFFSET * ((OFFSET + others) / OFFSET).powf(u);
            3 + ((x - OFFSET) as usize).min(count - 4)
        }
    }
}

/// Quotes a CSV cell when it needs it.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A `Connections.csv` of `people` connections.
pub fn connections_csv(people: usize, seed: u64) -> String {
    let mut d = Draw(SplitMix64::new(seed));
    let names = companies(people);
    let mut out = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email \
         addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,\
         Connected On\n",
    );
    for i in 0..people {
        let first = d.pick(FIRST);
        let last = d.pick(LAST);
        let url = format!(
            "https://www.linkedin.com/in/{}-{}-{:x}",
            first.to_lowercase(),
            last.to_lowercase(),
            0x1000 + i
        );
        let company = if d.chance(7) {
            String::new()
        } else if d.chance(3) {
            d.pick(NO_EMPLOYER).to_string()
        } else {
            let name = &names[employer(&mut d, names.len())];
            if d.chance(15) {
                format!("{name} {}", d.pick(LEGAL))
            } else {
                name.clone()
            }
        };
        let position = if d.chance(12) {
            d.pick(SPECIAL).to_string()
        } else {
            format!("{}{} {}", d.pick(SENIORITY), d.pick(FIELD), d.pick(ROLE))
        };
        let email = if d.chance(8) {
            let domain = if d.chance(50) || company.is_empty() {
                d.pick(&["gmail.com", "outlook.com", "hotmail.co.uk", "icloud.com"])
                    .to_string()
            } else {
                let org: String = company
                    .split_whitespace()
                    .take(2)
                    .collect::<String>()
                    .to_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "");
                format!("{org}.com")
            };
            format!("{}.{}@{domain}", first.to_lowercase(), last.to_lowercase())
        } else {
            String::new()
        };
        let connected = format!(
            "{:02} {} {}",
            1 + d.below(28),
            MONTHS[d.below(12)],
            2012 + d.below(14)
        );
        let row = [first, last, &url, &email, &company, &position, &connected];
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_file_shaped_like_an_export() {
        let a = connections_csv(500, 7);
        assert_eq!(a, connections_csv(500, 7));
        assert_ne!(a, connections_csv(500, 8));
        let lines: Vec<&str> = a.lines().collect();
        assert_eq!(lines.len(), 4 + 500);
        assert!(lines[3].starts_with("First Name,Last Name,URL"));
        // The owner's first workplace is the biggest.
        let at_first = lines.iter().filter(|l| l.contains(",Blue Labs")).count();
        assert!((15..60).contains(&at_first), "{at_first}");
    }
}
