//! Deterministic synthetic networks shaped like real personal ones, for benchmarks and
//! tests (never a user command).
//!
//! The shape: people belong to communities (workplaces, families, clubs) whose sizes are
//! heavy-tailed; about 80% of relationships fall inside a community and the rest link
//! communities, preferring people who already know many (so degrees are heavy-tailed too).
//! Interests follow a Zipf law over the vocabulary, and every community has favourite
//! terms, so shared interests partly predict ties. Ids are readable slugs of the names
//! ("maya-okafor", "maya-okafor-17"), as a real file would have.
//!
//! The same `Spec` always gives the same network, byte for byte, on every platform.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use compact_str::CompactString;

use crate::model::{
    Extra, FORMAT_VERSION, Interaction, Introduction, Network, Person, PersonId, Relationship,
};
use crate::rng::SplitMix64;
use crate::text::slug;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub people: usize,
    /// Clamped to the number of distinct pairs, since pairs never repeat.
    pub relationships: usize,
    /// The average; each person gets between half and one and a half times this many.
    pub interests_per_person: usize,
    /// Distinct interest terms to draw from.
    pub vocabulary: usize,
    pub seed: u64,
}

impl Spec {
    /// Ten relationships per person, twenty interests each from 5,000 terms (fewer terms
    /// for tiny networks, so terms still repeat), seed 42.
    pub fn scaled(people: usize) -> Spec {
        Spec {
            people,
            relationships: people.saturating_mul(10),
            interests_per_person: 20,
            vocabulary: people.saturating_mul(10).clamp(100, 5000),
            seed: 42,
        }
    }
}

/// Builds the network `spec` describes. It passes `validate::problems`, and its list
/// fields are already normalised, so `store::parse(store::to_bytes(net))` gives it back.
pub fn generate(spec: &Spec) -> Network {
    let n = spec.people;
    let max_pairs = n.saturating_mul(n.saturating_sub(1)) / 2;
    let want = spec.relationships.min(max_pairs);

    let mut rng = Rng::new(spec.seed, 1);
    let groups = Communities::new(&mut rng, n);
    // Chung-Lu style weights: an endpoint is drawn in proportion to its weight, so the
    // expected degree follows the Pareto weights (tail index 1.8, capped so one person
    // does not know half the network).
    let weights: Vec<f64> = (0..n)
        .map(|_| rng.unit_open().powf(-1.0 / 1.8).min(60.0))
        .collect();

    let ids = make_names(&mut Rng::new(spec.seed, 2), n);
    let edges = make_edges(&mut Rng::new(spec.seed, 3), &groups, &weights, want);
    let people = make_people(&mut Rng::new(spec.seed, 4), spec, &groups, ids);
    let mut relationships =
        make_relationships(&mut Rng::new(spec.seed, 5), &groups, &people, &edges);
    let interactions = make_interactions(
        &mut Rng::new(spec.seed, 6),
        &people,
        &weights,
        &relationships,
    );
    let introductions = make_introductions(&mut Rng::new(spec.seed, 7), &mut relationships);

    Network {
        version: FORMAT_VERSION,
        people,
        relationships,
        interactions,
        introductions,
        tag_cadences: Default::default(),
        ..Network::default()
    }
}

// ---------------------------------------------------------------------------------------
// Randomness

/// splitmix64 (Steele, Lea & Flood 2014): one add and three xor-shift-multiplies per draw,
/// and statistically good enough for test data. It lives here instead of coming from
/// `rand` so the crate gains no dependency, and so a dependency upgrade can never change
/// the stream: a seed names the same file forever, which benchmarks compare across.
struct Rng(SplitMix64);

impl Rng {
    /// One independent stream per generation step, so changing one step does not reshuffle
    /// everything after it.
    fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(SplitMix64::new(
            seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03),
        ));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `(0, 1]`, safe to raise to a negative power.
    fn unit_open(&mut self) -> f64 {
        1.0 - self.unit()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// A day uniform in `from..=to`.
    fn date(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days().max(0) as usize;
        from + Days::new(self.below(span + 1) as u64)
    }
}

/// Draws indices in proportion to fixed weights (cumulative sums and a binary search).
struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = f64>) -> Weighted {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf's law with exponent 1 over `n` ranks: rank `r` has weight `1 / (r + 1)`.
    fn zipf(n: usize) -> Weighted {
        Weighted::new((0..n).map(|r| 1.0 / (r + 1) as f64))
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("sampling from nothing");
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

// ---------------------------------------------------------------------------------------
// Communities

/// What a community is, which sets the kind of its ties and its usual tag.
const FLAVOURS: &[(&str, &str)] = &[
    ("colleague", "work"),
    ("colleague", "work"),
    ("colleague", "ex-colleague"),
    ("friend", "friends"),
    ("friend", "friends"),
    ("family", "family"),
    ("classmate", "university"),
    ("classmate", "school"),
    ("neighbour", "neighbours"),
    ("teammate", "football"),
    ("club", "climbing club"),
    ("club", "book club"),
    ("club", "choir"),
    ("founder", "startup"),
    ("volunteer", "volunteering"),
    ("parent", "parents"),
];

struct Communities {
    /// Each person's community.
    of: Vec<usize>,
    members: Vec<Vec<usize>>,
    /// Index into `FLAVOURS`.
    flavour: Vec<usize>,
    /// Two other communities each one mixes with most (a team and its sister team, a
    /// family and the friends' circle), so cross ties are not pure noise.
    linked: Vec<[usize; 2]>,
}

impl Communities {
    fn new(rng: &mut Rng, n: usize) -> Communities {
        const SMALLEST: usize = 20;
        const LARGEST: usize = 500;
        let mut sizes = Vec::new();
        let mut left = n;
        while left > 0 {
            // Pareto with tail index 1.2 truncated to the range: mostly groups of 20-60,
            // a few of hundreds. The mean is about 67.
            let drawn = (SMALLEST as f64 * rng.unit_open().powf(-1.0 / 1.2)) as usize;
            let size = drawn.clamp(SMALLEST, LARGEST).min(left);
            if left - size < SMALLEST {
                sizes.push(left);
                break;
            }
            sizes.push(size);
            left -= size;
        }
        let mut of: Vec<usize> = sizes
            .iter()
            .enumerate()
            .flat_map(|(c, &size)| std::iter::repeat_n(c, size))
            .collect();
        rng.shuffle(&mut of);
        let mut members = vec![Vec::new(); sizes.len()];
        for (person, &c) in of.iter().enumerate() {
            members[c].push(person);
        }
        let count = sizes.len();
        let flavour = (0..count).map(|_| rng.below(FLAVOURS.len())).collect();
        let linked = (0..count)
            .map(|_| [rng.below(count), rng.below(count)])
            .collect();
        Communities {
            of,
            members,
            flavour,
            linked,
        }
    }

    fn count(&self) -> usize {
        self.members.len()
    }
}

// ---------------------------------------------------------------------------------------
// Relationships

/// The share of relationships inside a community.
const INSIDE: f64 = 0.8;
/// A community is never filled above this share of its possible pairs; what does not fit
/// goes across communities instead.
const MAX_DENSITY: f64 = 0.6;

/// Distinct unordered pairs of person indices, no self-loops, exactly `want` of them
/// (`want` is at most the number of pairs).
fn make_edges(
    rng: &mut Rng,
    groups: &Communities,
    weights: &[f64],
    want: usize,
) -> Vec<(u32, u32)> {
    let n = weights.len();
    let mut seen: HashSet<u64> = HashSet::with_capacity(want);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(want);
    let mut add = |a: usize, b: usize, edges: &mut Vec<(u32, u32)>| -> bool {
        if a == b || edges.len() >= want {
            return false;
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        if !seen.insert(((lo as u64) << 32) | hi as u64) {
            return false;
        }
        edges.push((lo as u32, hi as u32));
        true
    };

    // Inside communities, each community's share in proportion to its total weight.
    let total_weight: f64 = weights.iter().sum();
    let inside = (want as f64 * INSIDE).round() as usize;
    let pickers: Vec<Weighted> = groups
        .members
        .iter()
        .map(|m| Weighted::new(m.iter().map(|&p| weights[p])))
        .collect();
    for (c, members) in groups.members.iter().enumerate() {
        let size = members.len();
        let pairs = size * size.saturating_sub(1) / 2;
        let community_weight: f64 = members.iter().map(|&p| weights[p]).sum();
        let share = (inside as f64 * community_weight / total_weight).round() as usize;
        let budget = share.min((pairs as f64 * MAX_DENSITY) as usize);
        let mut added = 0;
        let mut attempts = 0;
        while added < budget && attempts < budget * 30 + 100 {
            attempts += 1;
            let a = members[pickers[c].sample(rng)];
            let b = members[pickers[c].sample(rng)];
            if add(a, b, &mut edges) {
                added += 1;
            }
        }
    }

    // Across communities: one end drawn by weight from everyone, the other from a linked
    // community half the time, from everyone by weight otherwise.
    let everyone = Weighted::new(weights.iter().copied());
    let mut attempts = 0;
    let mut limit = (want - edges.len()) * 50 + 1000;
    while edges.len() < want && attempts < limit && groups.count() > 1 {
        attempts += 1;
        let a = everyone.sample(rng);
        let b = if rng.chance(0.5) {
            let c = *rng.pick(&groups.linked[groups.of[a]]);
            groups.members[c][pickers[c].sample(rng)]
        } else {
            everyone.sample(rng)
        };
        if groups.of[a] != groups.of[b] {
            add(a, b, &mut edges);
        }
    }

    // Dense or tiny networks: anything still missing, uniformly, then (only when the
    // network is nearly complete) every pair in order.
    attempts = 0;
    limit = (want - edges.len()) * 50 + 1000;
    while edges.len() < want && attempts < limit {
        attempts += 1;
        add(rng.below(n), rng.below(n), &mut edges);
    }
    'fill: for a in 0..n {
        for b in a + 1..n {
            if edges.len() >= want {
                break 'fill;
            }
            add(a, b, &mut edges);
        }
    }
    edges
}

const CROSS_KINDS: &[&str] = &["friend", "acquaintance", "colleague", "met at a conference"];

const RELATIONSHIP_NOTES: &[&str] = &[
    "met through work",
    "old friends",
    "see each other at the gym",
    "worked on a project together",
    "went to the same school",
    "fell out a while ago",
    "share a flat",
    "partners",
];

fn make_relationships(
    rng: &mut Rng,
    groups: &Communities,
    people: &[Person],
    edges: &[(u32, u32)],
) -> Vec<Relationship> {
    let mut order: Vec<usize> = (0..edges.len()).collect();
    rng.shuffle(&mut order);
    order
        .into_iter()
        .map(|e| {
            let (mut a, mut b) = (edges[e].0 as usize, edges[e].1 as usize);
            // `a`/`b` order means nothing, so a file has it both ways.
            if rng.chance(0.5) {
                std::mem::swap(&mut a, &mut b);
            }
            let mut r = Relationship::new(people[a].id.clone(), people[b].id.clone());
            let same = groups.of[a] == groups.of[b];
            if rng.chance(0.35) {
                let kind = if same {
                    FLAVOURS[groups.flavour[groups.of[a]]].0
                } else {
                    rng.pick(CROSS_KINDS)
                };
                r.kind = Some(kind.into());
            }
            if rng.chance(0.4) {
                // Ties inside a community run closer.
                let s = if same {
                    rng.between(2, 5)
                } else {
                    rng.between(1, 3)
                };
                r.strength = Some(s as u8);
            }
            if rng.chance(0.25) {
                r.since = Some(rng.date(day(2005, 1, 1), day(2025, 12, 31)));
            }
            if rng.chance(0.02) {
                r.note = Some(rng.pick(RELATIONSHIP_NOTES).to_string());
            }
            r
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Names

const FIRST_NAMES: &[&str] = &[
    "Maya",
    "Daniel",
    "Priya",
    "Ruth",
    "Tom",
    "Aisha",
    "Liam",
    "Noah",
    "Olivia",
    "Emma",
    "Ava",
    "Sophia",
    "Isabella",
    "Mia",
    "Amelia",
    "Harper",
    "Evelyn",
    "Abigail",
    "Emily",
    "Ella",
    "Elizabeth",
    "Camila",
    "Luna",
    "Sofia",
    "Avery",
    "Mila",
    "Aria",
    "Scarlett",
    "Penelope",
    "Layla",
    "Chloe",
    "Victoria",
    "Madison",
    "Eleanor",
    "Grace",
    "Nora",
    "Riley",
    "Zoey",
    "Hannah",
    "Hazel",
    "Lily",
    "Ellie",
    "Violet",
    "Lillian",
    "Zoe",
    "Stella",
    "Aurora",
    "Natalie",
    "Emilia",
    "Everly",
    "Leah",
    "Aubrey",
    "Willow",
    "Addison",
    "Lucy",
    "Audrey",
    "Bella",
    "Nova",
    "Brooklyn",
    "Paisley",
    "Savannah",
    "Claire",
    "Skylar",
    "Isla",
    "Genesis",
    "Naomi",
    "Elena",
    "Caroline",
    "Eliana",
    "Anna",
    "Kinsley",
    "Valentina",
    "Ruby",
    "Kennedy",
    "Ivy",
    "Ariana",
    "Aaliyah",
    "Cora",
    "Madelyn",
    "Alice",
    "Kaylee",
    "Eva",
    "Autumn",
    "Quinn",
    "Oliver",
    "Elijah",
    "James",
    "William",
    "Benjamin",
    "Lucas",
    "Henry",
    "Theodore",
    "Jack",
    "Levi",
    "Alexander",
    "Jackson",
    "Mateo",
    "Michael",
    "Mason",
    "Sebastian",
    "Ethan",
    "Logan",
    "Owen",
    "Samuel",
    "Jacob",
    "Asher",
    "Aiden",
    "John",
    "Joseph",
    "Wyatt",
    "David",
    "Leo",
    "Luke",
    "Julian",
    "Hudson",
    "Grayson",
    "Matthew",
    "Ezra",
    "Gabriel",
    "Carter",
    "Isaac",
    "Jayden",
    "Luca",
    "Anthony",
    "Dylan",
    "Lincoln",
    "Thomas",
    "Maverick",
    "Elias",
    "Josiah",
    "Charles",
    "Caleb",
    "Christopher",
    "Ezekiel",
    "Miles",
    "Jaxon",
    "Isaiah",
    "Andrew",
    "Joshua",
    "Nathan",
    "Nolan",
    "Adrian",
    "Cameron",
    "Santiago",
    "Eli",
    "Aaron",
    "Ryan",
    "Angel",
    "Cooper",
    "Waylon",
    "Easton",
    "Kai",
    "Christian",
    "Landon",
    "Colton",
    "Roman",
    "Axel",
    "Brooks",
    "Jonathan",
    "Robert",
    "Jameson",
    "Ian",
    "Everett",
    "Greyson",
    "Wesley",
    "Jeremiah",
    "Hunter",
    "Leonardo",
    "Jordan",
    "Jose",
    "Bennett",
    "Silas",
    "Nicholas",
    "Parker",
    "Beau",
    "Weston",
    "Austin",
    "Connor",
    "Carson",
    "Dominic",
    "Xavier",
    "Kwame",
    "Chidi",
    "Amara",
    "Yuki",
    "Hiroshi",
    "Mei",
    "Wei",
    "Ravi",
    "Anika",
    "Arjun",
    "Fatima",
    "Omar",
    "Ines",
    "Zoë",
    "José",
    "Søren",
    "Chloé",
    "Björn",
    "Renée",
    "Łukasz",
    "Małgorzata",
    "Siobhán",
    "Nuño",
    "Thảo",
    "Ngozi",
    "Tariq",
    "Leila",
    "Dmitri",
    "Olga",
];

const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Hale",
    "Raman",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Gomez",
    "Phillips",
    "Evans",
    "Turner",
    "Diaz",
    "Parker",
    "Cruz",
    "Edwards",
    "Collins",
    "Reyes",
    "Stewart",
    "Morris",
    "Morales",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutierrez",
    "Ortiz",
    "Morgan",
    "Cooper",
    "Peterson",
    "Bailey",
    "Reed",
    "Kelly",
    "Howard",
    "Ramos",
    "Kim",
    "Cox",
    "Ward",
    "Richardson",
    "Watson",
    "Brooks",
    "Chavez",
    "Wood",
    "James",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Alvarez",
    "Castillo",
    "Sanders",
    "Patel",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Jimenez",
    "Powell",
    "Jenkins",
    "Perry",
    "Russell",
    "Sullivan",
    "Bell",
    "Coleman",
    "Butler",
    "Henderson",
    "Barnes",
    "Gonzales",
    "Fisher",
    "Vasquez",
    "Simmons",
    "Romero",
    "Jordan",
    "Patterson",
    "Alexander",
    "Hamilton",
    "Graham",
    "Reynolds",
    "Griffin",
    "Wallace",
    "Moreno",
    "West",
    "Cole",
    "Hayes",
    "Bryant",
    "Herrera",
    "Gibson",
    "Ellis",
    "Tran",
    "Medina",
    "Aguilar",
    "Stevens",
    "Murray",
    "Ford",
    "Castro",
    "Marshall",
    "Owens",
    "Harrison",
    "Fernandez",
    "McDonald",
    "Woods",
    "Washington",
    "Kennedy",
    "Wells",
    "Vargas",
    "Henry",
    "Chen",
    "Freeman",
    "Webb",
    "Tucker",
    "Guzman",
    "Burns",
    "Crawford",
    "Olson",
    "Simpson",
    "Porter",
    "Hunter",
    "Gordon",
    "Mendez",
    "Silva",
    "Shaw",
    "Snyder",
    "Mason",
    "Dixon",
    "Munoz",
    "Hunt",
    "Hicks",
    "Holmes",
    "Palmer",
    "Wagner",
    "Black",
    "Robertson",
    "Boyd",
    "Rose",
    "Stone",
    "Salazar",
    "Fox",
    "Warren",
    "Mills",
    "Meyer",
    "Rice",
    "Schmidt",
    "Adeyemi",
    "Mensah",
    "Tanaka",
    "Suzuki",
    "Wang",
    "Zhang",
    "Iyer",
    "Krishnan",
    "Haddad",
    "Novak",
    "Kowalski",
    "Ivanova",
    "Müller",
    "Núñez",
    "Ødegaard",
    "García",
    "Nguyễn",
    "O'Brien",
    "Fitzgerald",
    "Lindqvist",
    "Dubois",
    "Rossi",
    "Bianchi",
    "Costa",
    "Yilmaz",
    "Okonkwo",
];

/// Display names and their unique slug ids: the first "Maya Okafor" is `maya-okafor`, a
/// later one `maya-okafor-2`, and so on (names are letters only, so no base slug ends in
/// a number and the suffixed ids cannot collide with another name's).
fn make_names(rng: &mut Rng, n: usize) -> Vec<(String, PersonId)> {
    let mut used: HashMap<String, u32> = HashMap::with_capacity(n);
    (0..n)
        .map(|_| {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
            let base = slug(&name);
            let count = used.entry(base.clone()).or_insert(0);
            *count += 1;
            let id = if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            };
            (name, PersonId::from(id))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// People

/// The most common interests, in Zipf rank order; rarer ranks get made-up words.
const COMMON_INTERESTS: &[&str] = &[
    "cooking",
    "running",
    "reading",
    "travel",
    "photography",
    "hiking",
    "music",
    "cycling",
    "yoga",
    "gardening",
    "football",
    "film",
    "coffee",
    "climbing",
    "rust",
    "python",
    "design",
    "startups",
    "jazz",
    "board games",
    "swimming",
    "painting",
    "writing",
    "podcasts",
    "tennis",
    "machine learning",
    "baking",
    "wine",
    "chess",
    "poetry",
    "history",
    "economics",
    "philosophy",
    "knitting",
    "pottery",
    "skiing",
    "surfing",
    "sailing",
    "birdwatching",
    "astronomy",
    "cricket",
    "basketball",
    "video games",
    "anime",
    "comics",
    "theatre",
    "opera",
    "dancing",
    "salsa",
    "tango",
    "meditation",
    "martial arts",
    "boxing",
    "crossfit",
    "marathons",
    "triathlon",
    "camping",
    "fishing",
    "foraging",
    "beekeeping",
    "woodworking",
    "electronics",
    "3d printing",
    "robotics",
    "open source",
    "linux",
    "cryptography",
    "security",
    "typography",
    "architecture",
    "urbanism",
    "climate",
    "sustainability",
    "veganism",
    "fermentation",
    "tea",
    "craft beer",
    "whisky",
    "cocktails",
    "languages",
    "spanish",
    "japanese",
    "mandarin",
    "french",
    "german",
    "sign language",
    "volunteering",
    "politics",
    "parenting",
    "education",
    "mentoring",
    "investing",
    "real estate",
    "crypto",
    "fashion",
    "sewing",
    "embroidery",
    "calligraphy",
    "origami",
    "magic",
    "stand-up comedy",
    "improv",
    "karaoke",
    "choir",
    "piano",
    "guitar",
    "violin",
    "drums",
    "djing",
    "vinyl",
    "synthesizers",
    "mountaineering",
    "bouldering",
    "trail running",
    "kayaking",
    "rowing",
    "golf",
    "rugby",
    "volleyball",
    "badminton",
    "table tennis",
    "skateboarding",
    "snowboarding",
    "horse riding",
    "dogs",
    "cats",
    "aquariums",
    "houseplants",
    "bonsai",
    "permaculture",
    "cycling touring",
    "van life",
    "minimalism",
    "productivity",
    "journaling",
    "public speaking",
    "storytelling",
    "documentaries",
    "true crime",
    "sci-fi",
    "fantasy",
    "mythology",
    "genealogy",
    "museums",
    "art history",
    "printmaking",
    "ceramics",
    "glassblowing",
    "blacksmithing",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ne", "to", "su", "vi", "da", "po", "le", "ki", "ma", "no", "ri", "sa",
    "te", "bu", "fe", "go", "hi", "ja", "ku", "li", "mo", "na", "pe", "ro", "se", "ti", "va", "zo",
];

/// `size` distinct terms, most popular first: real words, then pronounceable made-up ones
/// ("kalo", "mirane"). Syllables are all two letters, so each index spells a new word.
fn make_vocabulary(size: usize) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::with_capacity(size);
    let mut words = Vec::with_capacity(size);
    for w in COMMON_INTERESTS {
        if words.len() < size && seen.insert(w.to_string()) {
            words.push(w.to_string());
        }
    }
    let k = SYLLABLES.len();
    let mut i = k; // at least two syllables
    while words.len() < size {
        let mut digits = i;
        let mut word = String::new();
        while digits > 0 {
            word.push_str(SYLLABLES[digits % k]);
            digits /= k;
        }
        i += 1;
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

const TOPICS: &[&str] = &[
    "rust",
    "python",
    "frontend",
    "design",
    "product",
    "marketing",
    "sales",
    "legal",
    "tax",
    "seed",
    "career",
    "startup",
    "ux",
    "data",
    "ml",
    "cloud",
    "security",
    "writing",
    "public speaking",
    "recruiting",
    "leadership",
    "open source",
    "research",
    "climate",
    "health",
    "music",
    "photography",
    "real estate",
    "nonprofit",
    "parenting",
];

const HELP_KINDS: &[&str] = &[
    "mentoring",
    "feedback",
    "funding",
    "advice",
    "hiring",
    "intro",
    "help",
    "collaboration",
    "review",
    "coaching",
];

/// Lower-case phrases for offers and seeks: each kind on its own ("mentoring") and with
/// each topic ("rust mentoring", "seed funding"), about 300 in all.
fn make_phrases() -> Vec<String> {
    let mut out: Vec<String> = HELP_KINDS.iter().map(|k| k.to_string()).collect();
    for topic in TOPICS {
        for kind in HELP_KINDS {
            out.push(format!("{topic} {kind}"));
        }
    }
    out
}

const TAGS: &[&str] = &[
    "family",
    "work",
    "ex-colleague",
    "friends",
    "university",
    "school",
    "neighbours",
    "football",
    "climbing club",
    "book club",
    "choir",
    "startup",
    "volunteering",
    "parents",
    "investor",
    "mentor",
    "conference",
    "online",
    "gym",
    "vip",
];

const ROLES: &[&str] = &[
    "Software engineer",
    "Senior software engineer",
    "Engineering manager",
    "Data engineer",
    "Data scientist",
    "Product manager",
    "Product designer",
    "UX researcher",
    "CTO",
    "CEO",
    "Founder",
    "Co-founder",
    "Investor",
    "Partner",
    "Recruiter",
    "Sales lead",
    "Account executive",
    "Marketing manager",
    "Content strategist",
    "Journalist",
    "Editor",
    "Teacher",
    "Professor",
    "PhD student",
    "Researcher",
    "Nurse",
    "Doctor",
    "Pharmacist",
    "Lawyer",
    "Accountant",
    "Architect",
    "Civil engineer",
    "Electrician",
    "Chef",
    "Barista",
    "Photographer",
    "Musician",
    "Artist",
    "Consultant",
    "Retired librarian",
    "Student",
    "Civil servant",
];

const CITIES: &[&str] = &[
    "London",
    "Bristol",
    "Bath",
    "Manchester",
    "Leeds",
    "Edinburgh",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Dublin",
    "Cork",
    "Paris",
    "Lyon",
    "Berlin",
    "Hamburg",
    "Munich",
    "Amsterdam",
    "Rotterdam",
    "Brussels",
    "Copenhagen",
    "Stockholm",
    "Oslo",
    "Helsinki",
    "Madrid",
    "Barcelona",
    "Lisbon",
    "Porto",
    "Rome",
    "Milan",
    "Vienna",
    "Zurich",
    "Geneva",
    "Prague",
    "Warsaw",
    "Kraków",
    "Budapest",
    "Athens",
    "Istanbul",
    "Tel Aviv",
    "Dubai",
    "Nairobi",
    "Lagos",
    "Accra",
    "Cape Town",
    "Mumbai",
    "Bangalore",
    "Delhi",
    "Singapore",
    "Hong Kong",
    "Tokyo",
    "Osaka",
    "Seoul",
    "Sydney",
    "Melbourne",
    "Auckland",
    "Toronto",
    "Montréal",
    "Vancouver",
    "New York",
    "Boston",
    "San Francisco",
    "Seattle",
    "Austin",
    "Chicago",
    "Mexico City",
    "São Paulo",
    "Buenos Aires",
];

const COMPANY_ROOTS: &[&str] = &[
    "Fern", "Avon", "Oak", "Ash", "Kings", "Elm", "Birch", "Willow", "Hazel", "Rowan", "Cedar",
    "Pine", "Maple", "Holly", "Ivy", "Thorn", "Heather", "Bram", "Red", "Black", "White", "Green",
    "Silver", "Gold", "North", "South", "East", "West", "High", "Low", "Long", "Broad", "Clear",
    "Still", "Swift", "Bright", "Fair", "Glen", "Lark", "Wren", "Finch", "Heron", "Otter",
    "Badger", "Fox", "Hart", "Sea", "Sun", "Moon", "Star", "Cloud", "Rain", "Frost", "Amber",
    "Copper", "Iron", "Flint", "Slate", "Chalk", "Clay",
];

const COMPANY_MIDS: &[&str] = &[
    "bank", "side", "field", "ridge", "wood", "gate", "stone", "brook", "mere", "ford", "hill",
    "well",
];

const COMPANY_KINDS: &[&str] = &[
    "Labs",
    "Water",
    "Health",
    "Systems",
    "Studio",
    "Partners",
    "Logistics",
    "Foods",
    "Energy",
    "Capital",
    "Robotics",
    "Press",
    "Design",
    "Analytics",
    "Bakery",
];

/// The `i`-th company name, distinct for every `i` ("Fernbank Labs", "Oakridge Capital").
fn company_name(i: usize) -> String {
    let (r, m, k) = (COMPANY_ROOTS.len(), COMPANY_MIDS.len(), COMPANY_KINDS.len());
    let total = r * m * k;
    // 7919 is prime and does not divide `total`, so this permutes 0..total and
    // neighbouring indices do not share two of their three words.
    let j = (i % total) * 7919 % total;
    let name = format!(
        "{}{} {}",
        COMPANY_ROOTS[j % r],
        COMPANY_MIDS[(j / r) % m],
        COMPANY_KINDS[j / (r * m)]
    );
    match i / total {
        0 => name,
        round => format!("{name} {}", round + 1),
    }
}

const EVERY: &[&str] = &["7d", "14d", "2w", "30d", "1m", "3m", "6m", "1y"];

const PERSON_NOTES: &[&str] = &[
    "Prefers messages to calls.",
    "Met at a friend's wedding.",
    "Always up for a coffee when in town.",
    "Owes me a book.",
    "Moving abroad next year.",
    "Great at giving honest feedback.",
    "Knows everyone in the local startup scene.",
    "Ask about the kids.",
];

/// Up to `count` distinct items drawn with `draw` (gives up after a few repeats).
fn distinct<T: PartialEq>(count: usize, mut draw: impl FnMut() -> T) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(count);
    let mut attempts = 0;
    while out.len() < count && attempts < count * 10 {
        attempts += 1;
        let x = draw();
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// A person's list of short texts, kept inline (see `Person`).
fn compact(list: Vec<String>) -> Vec<CompactString> {
    list.into_iter().map(Into::into).collect()
}

/// 0 to 3, mostly 0 or 1.
fn few(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..4 => 0,
        4..7 => 1,
        7..9 => 2,
        _ => 3,
    }
}

fn make_people(
    rng: &mut Rng,
    spec: &Spec,
    groups: &Communities,
    names: Vec<(String, PersonId)>,
) -> Vec<Person> {
    let n = names.len();
    let vocabulary = make_vocabulary(spec.vocabulary);
    let interest_ranks = Weighted::zipf(vocabulary.len().max(1));
    let phrases = make_phrases();
    let companies: Vec<String> = (0..(n / 50).max(1)).map(company_name).collect();
    let company_ranks = Weighted::new((0..companies.len()).map(|r| 1.0 / ((r + 1) as f64).sqrt()));
    let city_ranks = Weighted::zipf(CITIES.len());

    // What each community shares: a dozen favourite interests (popular but not the very
    // top terms, so they tell communities apart), a help topic, a workplace, a city.
    let distinctive = vocabulary.len().min(2000);
    let favourites: Vec<Vec<usize>> = (0..groups.count())
        .map(|_| distinct(12.min(distinctive), || rng.below(distinctive.max(1))))
        .collect();
    let topic: Vec<usize> = (0..groups.count())
        .map(|_| rng.below(TOPICS.len()))
        .collect();
    let workplace: Vec<usize> = (0..groups.count())
        .map(|_| rng.below(companies.len()))
        .collect();
    let home: Vec<usize> = (0..groups.count())
        .map(|_| city_ranks.sample(rng))
        .collect();

    // People join the file over six years, in order.
    let mut added: Vec<NaiveDate> = (0..n)
        .map(|_| rng.date(day(2020, 1, 1), day(2026, 2, 28)))
        .collect();
    added.sort_unstable();

    let per = spec.interests_per_person;
    names
        .into_iter()
        .zip(added)
        .enumerate()
        .map(|(i, ((name, id), added))| {
            let c = groups.of[i];
            let (_, community_tag) = FLAVOURS[groups.flavour[c]];
            let works_together = community_tag == "work" || community_tag == "startup";

            let count = rng.between(per / 2, per + per / 2).min(vocabulary.len());
            let interests = distinct(count, || {
                if rng.chance(0.35) && !favourites[c].is_empty() {
                    *rng.pick(&favourites[c])
                } else {
                    interest_ranks.sample(rng)
                }
            })
            .into_iter()
            .map(|r| vocabulary[r].clone())
            .collect();

            let help = |rng: &mut Rng| -> Vec<String> {
                let count = few(rng);
                distinct(count, || {
                    if rng.chance(0.5) {
                        HELP_KINDS.len() + topic[c] * HELP_KINDS.len() + rng.below(HELP_KINDS.len())
                    } else {
                        rng.below(phrases.len())
                    }
                })
                .into_iter()
                .map(|p| phrases[p].clone())
                .collect()
            };
            let offers = help(rng);
            let seeks = help(rng);

            let mut tags = Vec::new();
            if rng.chance(0.7) {
                tags.push(community_tag.to_string());
            }
            for _ in 0..rng.below(3) {
                let t = rng.pick(TAGS).to_string();
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }

            let company = rng.chance(0.7).then(|| {
                let k = if rng.chance(if works_together { 0.9 } else { 0.3 }) {
                    workplace[c]
                } else {
                    company_ranks.sample(rng)
                };
                companies[k].clone()
            });
            let role = rng.chance(0.6).then(|| rng.pick(ROLES).to_string());
            let location = rng.chance(0.85).then(|| {
                let k = if rng.chance(0.7) {
                    home[c]
                } else {
                    city_ranks.sample(rng)
                };
                CITIES[k].to_string()
            });
            let handle = id.as_str().replace('-', ".");
            let emails = if rng.chance(0.6) {
                vec![format!(
                    "{handle}@{}",
                    rng.pick(&["example.com", "example.org", "example.net"])
                )]
            } else {
                Vec::new()
            };
            let phones = if rng.chance(0.3) {
                vec![format!("+44 7700 9{:05}", rng.below(100_000))]
            } else {
                Vec::new()
            };
            let met = rng.chance(0.3).then(|| rng.date(day(2000, 1, 1), added));

            Person {
                id,
                name: name.into(),
                emails: compact(emails),
                phones: compact(phones),
                company: company.map(Into::into),
                role: role.map(Into::into),
                location: location.map(Into::into),
                interests: compact(interests),
                offers: compact(offers),
                seeks: compact(seeks),
                tags: compact(tags),
                notes: rng.chance(0.03).then(|| rng.pick(PERSON_NOTES).to_string()),
                met,
                every: rng
                    .chance(0.08)
                    .then(|| CompactString::from(*rng.pick(EVERY))),
                no_intros: rng.chance(0.01),
                added: Some(added),
                ..Person::default()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Interactions and introductions

const INTERACTION_KINDS: &[&str] = &["call", "coffee", "email", "message", "meeting", "dinner"];

const INTERACTION_NOTES: &[&str] = &[
    "caught up on the new job",
    "talked about the move",
    "asked for advice on hiring",
    "birthday",
    "quick hello",
    "planning the trip",
];

/// About one per person, in 2025 and early 2026, oldest first; mostly one person (the
/// well-connected more often), sometimes both ends of a relationship together.
fn make_interactions(
    rng: &mut Rng,
    people: &[Person],
    weights: &[f64],
    relationships: &[Relationship],
) -> Vec<Interaction> {
    if people.is_empty() {
        return Vec::new();
    }
    let by_weight = Weighted::new(weights.iter().copied());
    let mut out: Vec<Interaction> = (0..people.len())
        .map(|_| {
            let with = if !relationships.is_empty() && rng.chance(0.2) {
                let r = rng.pick(relationships);
                vec![r.a.clone(), r.b.clone()]
            } else {
                vec![people[by_weight.sample(rng)].id.clone()]
            };
            Interaction {
                date: rng.date(day(2025, 1, 1), day(2026, 3, 31)),
                people: with,
                kind: rng
                    .chance(0.7)
                    .then(|| rng.pick(INTERACTION_KINDS).to_string()),
                note: rng
                    .chance(0.1)
                    .then(|| rng.pick(INTERACTION_NOTES).to_string()),
                source: None,
                extra: Extra::new(),
            }
        })
        .collect();
    out.sort_by_key(|x| x.date);
    out
}

/// One per thousand relationships (at least one when there is any), each between the two
/// ends of a distinct relationship, which then dates from the introduction.
fn make_introductions(rng: &mut Rng, relationships: &mut [Relationship]) -> Vec<Introduction> {
    if relationships.is_empty() {
        return Vec::new();
    }
    let count = (relationships.len() / 1000).clamp(1, relationships.len());
    let chosen = distinct(count, || rng.below(relationships.len()));
    let mut out: Vec<Introduction> = chosen
        .into_iter()
        .map(|i| {
            let date = rng.date(day(2025, 1, 1), day(2026, 3, 31));
            let r = &mut relationships[i];
            r.since = Some(date);
            Introduction {
                date,
                people: vec![r.a.clone(), r.b.clone()],
                note: rng
                    .chance(0.3)
                    .then(|| format!("both into {}", rng.pick(TOPICS))),
                extra: Extra::new(),
            }
        })
        .collect();
    out.sort_by_key(|x| x.date);
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::{store, validate};

    #[test]
    fn a_2000_person_network_round_trips_through_the_store() {
        let spec = Spec::scaled(2000);
        let net = generate(&spec);
        assert!(validate::problems(&net).is_empty());
        let bytes = store::to_bytes(&net).unwrap();
        let back = store::parse(Path::new("synthetic.json"), &bytes).unwrap();
        // Already normalised: loading changes nothing.
        assert_eq!(back, net);
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
        let spec = Spec::scaled(2000);
        let one = store::to_bytes(&generate(&spec)).unwrap();
        let two = store::to_bytes(&generate(&spec)).unwrap();
        assert!(one == two, "generation is not deterministic");
        let other = store::to_bytes(&generate(&Spec { seed: 7, ..spec })).unwrap();
        assert!(one != other);
    }

    #[test]
    fn counts_are_as_specified() {
        let spec = Spec::scaled(2000);
        let net = generate(&spec);
        assert_eq!(net.people.len(), 2000);
        assert_eq!(net.relationships.len(), 20_000);
        assert_eq!(net.interactions.len(), 2000);
        assert!(!net.introductions.is_empty());

        let interests: usize = net.people.iter().map(|p| p.interests.len()).sum();
        let mean = interests as f64 / 2000.0;
        assert!((18.0..=22.0).contains(&mean), "mean interests {mean}");
        assert!(
            net.people
                .iter()
                .all(|p| (10..=30).contains(&p.interests.len()))
        );
        assert!(
            net.people
                .iter()
                .all(|p| p.offers.len() <= 3 && p.seeks.len() <= 3)
        );
        let vocabulary: HashSet<&str> = net
            .people
            .iter()
            .flat_map(|p| &p.interests)
            .map(CompactString::as_str)
            .collect();
        assert!(vocabulary.len() <= spec.vocabulary);
        let companies: HashSet<&str> = net
            .people
            .iter()
            .filter_map(|p| p.company.as_deref())
            .collect();
        assert!(
            (20..=40).contains(&companies.len()),
            "{} companies",
            companies.len()
        );

        // Ids are readable slugs.
        assert!(net.people.iter().all(|p| {
            p.id.as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }));
        for intro in &net.introductions {
            assert!(
                net.relationship_index(&intro.people[0], &intro.people[1])
                    .is_some()
            );
        }
    }

    #[test]
    fn most_ties_are_inside_a_community_and_degrees_are_skewed() {
        let n = 5000;
        let mut rng = Rng::new(42, 1);
        let groups = Communities::new(&mut rng, n);
        let weights: Vec<f64> = (0..n)
            .map(|_| rng.unit_open().powf(-1.0 / 1.8).min(60.0))
            .collect();
        let edges = make_edges(&mut Rng::new(42, 3), &groups, &weights, 50_000);
        assert_eq!(edges.len(), 50_000);
        let inside = edges
            .iter()
            .filter(|&&(a, b)| groups.of[a as usize] == groups.of[b as usize])
            .count();
        let share = inside as f64 / edges.len() as f64;
        assert!((0.65..=0.85).contains(&share), "inside share {share}");
        let mut degree = vec![0usize; n];
        for &(a, b) in &edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        let max = *degree.iter().max().unwrap();
        assert!(max > 5 * 20, "max degree {max}");
    }

    #[test]
    fn tiny_and_dense_networks_stop_at_every_pair() {
        for people in [0, 1, 2, 5, 30] {
            let spec = Spec {
                relationships: 1000,
                ..Spec::scaled(people)
            };
            let net = generate(&spec);
            assert_eq!(net.people.len(), people);
            assert_eq!(
                net.relationships.len(),
                (people * people.saturating_sub(1) / 2).min(1000)
            );
            assert!(validate::problems(&net).is_empty());
            let bytes = store::to_bytes(&net).unwrap();
            store::parse(Path::new("tiny.json"), &bytes).unwrap();
        }
    }
}
