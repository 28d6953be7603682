//! The map at the design maximum: a page of 100,000 people that says what it draws,
//! holds everyone in its search index, and opens in headless Chromium without an error
//! within 10 seconds (measured beside a blank page, so Chromium's own start is not
//! counted against the map).

use std::time::Instant;

use crate::browser::{
    assert_big_map, assert_drawn, assert_found, dump_dom, export_to, generated, search_probe,
};

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --test soak"
)]
fn a_map_of_100k_people_opens_in_chromium_within_ten_seconds() {
    let env = generated(100_000);
    let (page, html) = export_to(&env, &[]);
    let data = assert_big_map(&env, &html);
    let blank = env.dir.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><title>blank</title><p>blank</p>\n").unwrap();
    let start = Instant::now();
    if dump_dom(&env, &blank).is_none() {
        return;
    }
    let chromium = start.elapsed();
    let start = Instant::now();
    let dom = dump_dom(&env, &page).unwrap();
    let map = start.elapsed();
    eprintln!("chromium: blank page {chromium:?}, the 100k map {map:?}");
    assert!(
        map.saturating_sub(chromium).as_secs_f64() < 10.0,
        "the map took {map:?} to open, a blank page {chromium:?}"
    );
    assert_drawn(&dom, data["nodes"].as_array().unwrap().len());
    let (probe, first) = search_probe(&data);
    std::fs::write(&page, html.replacen("</body>", &probe, 1)).unwrap();
    assert_found(&dump_dom(&env, &page).unwrap(), first);
}
