use anyhow::{Result, bail};
use compact_str::CompactString;
use serde::Serialize;

use crate::cli::{ClearField, EditArgs};
use crate::cmd::{Ctx, fields};
use crate::model::Person;
use crate::text::{non_blank, remove_terms, remove_values};
use crate::{resolve, store};

#[derive(Serialize)]
struct Edited {
    person: Person,
    /// The fields that changed; empty when the edit asked for what was already there.
    changed: Vec<&'static str>,
}

pub fn run(ctx: &Ctx, args: EditArgs) -> Result<()> {
    if !asks_for_change(&args) {
        bail!(
            "nothing to change: give at least one option, e.g. --company ACME or --interest rust (see netweb edit --help)"
        );
    }
    let ((edited, warnings), _) = store::update(&ctx.file, |net| {
        let id = resolve::person(net, &args.person)?;
        let person = net.person_mut(&id).expect("resolved ids exist");
        let mut changed = Vec::new();
        if let Some(name) = &args.name {
            let Some(name) = non_blank(name) else {
                return Err(crate::usage::bad(
                    "the new name is empty: a person needs a name",
                ));
            };
            if fields::set(&mut person.name, name.into()) {
                changed.push("name");
            }
        }
        changed.extend(fields::apply(person, &args.fields, ctx.today)?);
        if args.open_to_intros && fields::set(&mut person.no_intros, false) {
            changed.push("no_intros");
        }

        let mut warnings = Vec::new();
        let removals: [(&mut Vec<CompactString>, &Vec<String>, &'static str, bool); 6] = [
            (&mut person.emails, &args.rm_emails, "emails", false),
            (&mut person.phones, &args.rm_phones, "phones", false),
            (&mut person.interests, &args.rm_interests, "interests", true),
            (&mut person.offers, &args.rm_offers, "offers", true),
            (&mut person.seeks, &args.rm_seeks, "seeks", true),
            (&mut person.tags, &args.rm_tags, "tags", true),
        ];
        for (list, gone, field, is_term) in removals {
            if gone.is_empty() {
                continue;
            }
            let before = list.len();
            let missing = if is_term {
                remove_terms(list, gone)
            } else {
                remove_values(list, gone)
            };
            if list.len() != before && !changed.contains(&field) {
                changed.push(field);
            }
            for m in missing {
                warnings.push(format!("{} had no {field} entry {m:?}", person.name));
            }
        }
        for field in &args.clear {
            let (name, did) = clear(person, *field);
            if did && !changed.contains(&name) {
                changed.push(name);
            }
        }
        let made = !changed.is_empty();
        Ok((
            (
                Edited {
                    person: person.clone(),
                    changed,
                },
                warnings,
            ),
            made,
        ))
    })?;
    for w in &warnings {
        ctx.note(format!("netweb: warning: {w}"));
    }
    if ctx.json {
        return ctx.print_json(&edited);
    }
    if edited.changed.is_empty() {
        ctx.say(format!("{}: nothing changed", edited.person.id))?;
    } else {
        ctx.say(format!(
            "{}: changed {}",
            edited.person.id,
            edited.changed.join(", ")
        ))?;
    }
    Ok(())
}

/// Empties one field; returns its name and whether it held anything.
fn clear(p: &mut Person, field: ClearField) -> (&'static str, bool) {
    fn take<T: Default + PartialEq>(v: &mut T) -> bool {
        std::mem::take(v) != T::default()
    }
    match field {
        ClearField::Emails => ("emails", take(&mut p.emails)),
        ClearField::Phones => ("phones", take(&mut p.phones)),
        ClearField::Company => ("company", take(&mut p.company)),
        ClearField::Role => ("role", take(&mut p.role)),
        ClearField::Location => ("location", take(&mut p.location)),
        ClearField::Interests => ("interests", take(&mut p.interests)),
        ClearField::Offers => ("offers", take(&mut p.offers)),
        ClearField::Seeks => ("seeks", take(&mut p.seeks)),
        ClearField::Tags => ("tags", take(&mut p.tags)),
        ClearField::Notes => ("notes", take(&mut p.notes)),
        ClearField::Met => ("met", take(&mut p.met)),
        ClearField::Every => ("every", take(&mut p.every)),
        ClearField::Birthday => ("birthday", p.extra.remove("birthday").is_some()),
        ClearField::Anniversary => ("anniversary", p.extra.remove("anniversary").is_some()),
        ClearField::Nickname => ("nickname", p.extra.remove("nickname").is_some()),
    }
}

/// Whether the command line asks for any change at all.
fn asks_for_change(args: &EditArgs) -> bool {
    args.name.is_some()
        || fields::requested(&args.fields)
        || args.open_to_intros
        || !args.clear.is_empty()
        || [
            &args.rm_emails,
            &args.rm_phones,
            &args.rm_interests,
            &args.rm_offers,
            &args.rm_seeks,
            &args.rm_tags,
        ]
        .iter()
        .any(|l| !l.is_empty())
}
