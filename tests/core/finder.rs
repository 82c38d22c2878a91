//! The finder against textbook presentations: where a client feels pain, and
//! the muscles the literature names for it (`presentations.json`, each with
//! its source). Every named muscle must be in the finder's top 3.

use myochart::atlas::Atlas;
use myochart::finder::{self, Spot};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Presentation {
    name: String,
    spots: Vec<Spot>,
    expect: Vec<String>,
    source: String,
}

fn presentations() -> Vec<Presentation> {
    serde_json::from_str(include_str!("presentations.json")).expect("presentations.json parses")
}

#[test]
fn the_validation_set_is_broad_sourced_and_on_the_body() {
    let atlas = Atlas::builtin();
    let set = presentations();
    assert!(set.len() >= 60, "{} presentations", set.len());
    for p in &set {
        assert!(!p.source.trim().is_empty(), "{}: no source", p.name);
        assert!((1..=3).contains(&p.expect.len()), "{}", p.name);
        for id in &p.expect {
            assert!(atlas.muscle(id).is_some(), "{}: no muscle {id}", p.name);
        }
        for spot in &p.spots {
            let outline = atlas.outline(spot.view).expect("outline");
            assert!(
                outline.covers([spot.x, spot.y]),
                "{}: a spot is off the body",
                p.name
            );
        }
    }
}

#[test]
fn the_muscles_the_literature_names_are_in_the_top_three() {
    let atlas = Atlas::builtin();
    let set = presentations();
    let mut misses = Vec::new();
    for p in &set {
        let found = finder::find(&atlas, &p.spots);
        let top: Vec<&str> = found.iter().take(3).map(|m| m.muscle_id.as_str()).collect();
        let missing: Vec<&String> = p
            .expect
            .iter()
            .filter(|id| !top.contains(&id.as_str()))
            .collect();
        if !missing.is_empty() {
            // What came first instead, with scores, to see why.
            let first: Vec<String> = found
                .iter()
                .take(6)
                .map(|m| format!("{} {:.2}", m.muscle_id, m.score))
                .collect();
            misses.push(format!(
                "{}: {missing:?} not in the top 3 of {first:?}",
                p.name
            ));
        }
    }
    let hits = set.len() - misses.len();
    println!("finder hit rate: {hits} of {} presentations", set.len());
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
