//! The organisation an email address belongs to: its registrable domain ("eng.ocado.com"
//! and "ocado.com" are Ocado), unless it is a mailbox anyone can have (webmail, an
//! internet provider's) or a documentation domain, which say nothing about whom two
//! people know.

/// Webmail, by the name before the public suffix, so every country's variant is caught
/// ("yahoo.co.uk", "hotmail.fr", "gmx.de", "outlook.com.br").
const WEBMAIL: &str = "gmail googlemail outlook hotmail live msn passport windowslive yahoo ymail \
     rocketmail icloud me mac aol aim proton protonmail pm tutanota tuta tutamail gmx web \
     yandex ya mail email inbox usa qq 163 126 yeah sina sohu aliyun foxmail fastmail \
     zoho zohomail hey posteo mailbox runbox disroot riseup hushmail hush naver daum \
     hanmail rediffmail rambler bk list ukr seznam wp o2 onet interia abv libero virgilio \
     laposte gmx-topmail freenet mailfence duck skiff lavabit";
/// Internet providers, whose customers' addresses are no workplace either.
const PROVIDERS: &str = "btinternet btopenworld sky virginmedia blueyonder ntlworld \
     talktalk tiscali comcast verizon att sbcglobal bellsouth charter cox earthlink \
     optonline frontier windstream juno netzero orange wanadoo free sfr neuf bbox \
     t-online arcor vodafone alice tin telenet skynet ziggo kpnmail planet home xs4all \
     bigpond optusnet iinet shaw rogers sympatico videotron telus bluewin sunrise chello \
     telia online eircom xtra";

/// Second-level labels that, under a two-letter country code, make a public suffix of
/// two labels ("co.uk", "com.au", "ac.jp"), so the organisation is the label before.
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "net", "org", "ac", "edu", "gov", "ne", "or", "gob", "nic", "ltd", "plc",
];

/// The domains RFC 2606 keeps for documentation: under them the next label is the
/// organisation ("ada@fernbank.example.com" is Fernbank), and bare they are no one's.
const EXAMPLE_DOMAINS: &[&str] = &["example.com", "example.org", "example.net"];

/// The organisation domain of an address, lower case, or `None` for a mailbox anyone
/// can have, a documentation or test domain, or something that is not an address.
pub fn organisation(email: &str) -> Option<String> {
    let email = email.trim().trim_start_matches("mailto:");
    let (_, domain) = email.rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let tld = labels[labels.len() - 1];
    if ["example", "test", "invalid", "localhost", "local"].contains(&tld) {
        return None;
    }
    let suffix_len = if labels.len() >= 3
        && tld.len() == 2
        && SECOND_LEVEL.contains(&labels[labels.len() - 2])
    {
        2
    } else {
        1
    };
    let mut keep = suffix_len + 1;
    let registrable = labels[labels.len().saturating_sub(keep)..].join(".");
    if EXAMPLE_DOMAINS.contains(&registrable.as_str()) {
        keep += 1;
    }
    if labels.len() < keep {
        return None;
    }
    let brand = labels[labels.len() - keep];
    if WEBMAIL
        .split_whitespace()
        .chain(PROVIDERS.split_whitespace())
        .any(|b| b == brand)
    {
        return None;
    }
    Some(labels[labels.len() - keep..].join("."))
}

#[cfg(test)]
mod tests;
