//! The atlas review sheet: one region of the atlas on paper, a muscle at a
//! time, with its points (numbered) and its zones (essential dark, spillover
//! light) on every view where they show, and what it says in words. Made for
//! a clinician to check the data page by page.

use crate::atlas::{Atlas, Muscle, Region, Side, View};
use crate::model::Paper;
use crate::pdf::blocks::{labelled, numbered, paragraph};
use crate::pdf::chart::{self, Framing};
use crate::pdf::layout::{Block, Row};
use crate::pdf::style::{self, MM};
use crate::pdf::{ChartView, Marker, MissingGlyph, Shade};

use super::page::{self, block, section, BLOCK_GAP};

/// The review sheet of `region` as PDF bytes.
pub fn atlas_sheet(atlas: &Atlas, region: &Region, paper: Paper) -> Result<Vec<u8>, MissingGlyph> {
    let page = page::portrait(paper);
    let width = page.content_width();
    let title = format!("Atlas review · {}", region.name);
    let mut blocks = vec![block(
        0.0,
        [
            paragraph(&title, &style::TITLE, 0.0, width),
            paragraph(
                &format!(
                    "{} muscles, region {}. Points are numbered as listed; essential \
                     zones are dark, spillover zones light. The client's right side.",
                    region.muscles.len(),
                    region.id
                ),
                &style::SMALL,
                0.0,
                width,
            ),
        ]
        .concat(),
    )];
    blocks.extend(region.muscles.iter().map(|m| muscle_block(atlas, m, width)));
    page::render(&title, page, &blocks, |number, count| {
        page::footer(&title, number, count, width)
    })
}

fn muscle_block(atlas: &Atlas, m: &Muscle, width: f32) -> Block {
    const VALUE_X: f32 = 40.0 * MM;
    let value_width = width - VALUE_X;
    let value = |text: &str| paragraph(text, &style::BODY, VALUE_X, value_width);
    let area_names = |ids: &[String]| {
        ids.iter()
            .map(|id| atlas.area(id).map_or(id.as_str(), |a| a.name.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let places = point_numbers(m);
    let points: Vec<String> = places
        .iter()
        .map(|(label, views)| format!("{label} ({})", views.join(", ")))
        .collect();
    let flags: Vec<&str> = m.red_flags.iter().map(|f| f.reported()).collect();
    let mut rows = labelled("Id", value(&m.id), 0.0);
    rows.extend(labelled(
        "Points",
        numbered(&points, &style::BODY, VALUE_X, value_width),
        0.0,
    ));
    for (label, text) in [
        ("Where", m.point_location.clone()),
        ("Refers to", m.referral_description.clone()),
        ("Essential", area_names(&m.referral_areas.essential)),
        ("Spillover", area_names(&m.referral_areas.spillover)),
        (
            "Stretch",
            format!("{}: {}", m.stretch.name, m.stretch.steps.join(" ")),
        ),
        ("Mimics", flags.join("; ")),
        ("Prevalence", format!("{:.2}", m.prevalence)),
        ("Sources", m.sources.join("; ")),
    ] {
        if !text.trim().is_empty() {
            rows.extend(labelled(label, value(&text), 0.0));
        }
    }
    rows.push(Row::space(3.0 * MM));
    rows.push(chart::chart_row(
        &views(atlas, m, &places),
        width,
        Framing::Close,
        &chart::Captions::english(),
    ));
    let mut block = section(&m.name, width, rows);
    block.gap_before = BLOCK_GAP * 2.0;
    block
}

/// The muscle's points as the sheet numbers them: one number per place, even
/// when it is drawn on two views (same label), with those views' names.
fn point_numbers(m: &Muscle) -> Vec<(&str, Vec<&'static str>)> {
    let mut places: Vec<(&str, Vec<&'static str>)> = Vec::new();
    for p in &m.points {
        match places.iter_mut().find(|(label, _)| *label == p.label) {
            Some((_, views)) => views.push(p.view.title()),
            None => places.push((&p.label, vec![p.view.title()])),
        }
    }
    places
}

/// The views where the muscle has points or zones, on the client's right,
/// its points numbered as `places` numbers them (see [`point_numbers`]).
fn views(atlas: &Atlas, m: &Muscle, places: &[(&str, Vec<&'static str>)]) -> Vec<ChartView> {
    let number = |label: &str| {
        places
            .iter()
            .position(|(l, _)| *l == label)
            .map_or(0, |i| i + 1)
    };
    View::ALL
        .into_iter()
        .filter(|view| *view != View::LeftSide)
        .filter_map(|view| {
            let markers: Vec<Marker> = m
                .points
                .iter()
                .filter(|p| p.view == view)
                .map(|p| Marker {
                    number: number(&p.label),
                    x: p.x,
                    y: p.y,
                })
                .collect();
            let zones: Vec<Shade> = m
                .referral_zones
                .iter()
                .map(|z| z.on_side(Side::Right))
                .filter(|z| z.view == view)
                .map(|z| Shade {
                    polygon: z.polygon,
                    essential: z.primary,
                })
                .collect();
            let outline = atlas.outline(view)?.clone();
            (!markers.is_empty() || !zones.is_empty()).then_some(ChartView {
                view,
                outline,
                markers,
                zones,
            })
        })
        .collect()
}
