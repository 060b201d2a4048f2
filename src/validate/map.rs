//! `content/map.geojson`: valid GeoJSON, a FeatureCollection of Polygon and
//! MultiPolygon features, each with a `slug` that districts.yaml defines,
//! and small enough to draw inline on a page.

use geojson::{GeoJson, GeometryValue};

use super::Tables;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::map::{Ring, Shape, SiteMap};
use crate::source::{At, FileId, SourceMap, Span};

/// At most this many points in all: the map is drawn inline on its pages.
pub const MAX_POINTS: usize = 50_000;

pub fn read(
    file: FileId,
    map: &SourceMap,
    tables: &Tables,
    neighbourhoods: usize,
    d: &mut Diagnostics,
) -> Option<SiteMap> {
    let text = &map.get(file).text;
    let source = map.get(file);
    let invalid = |span: Span, message: crate::i18n::Msg| {
        Diagnostic::error(Code::MapInvalid, span, message)
            .with_help(crate::msg!("map-invalid-help"))
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = offset_of(source, e.line(), e.column());
            d.push(invalid(
                Span::new(file, at..at),
                crate::msg!("map-not-json", error = e.to_string()),
            ));
            return None;
        }
    };
    let collection = match serde_json::from_value::<GeoJson>(value) {
        Ok(GeoJson::FeatureCollection(c)) => c,
        Ok(_) => {
            d.push(invalid(
                Span::file_start(file),
                crate::msg!("map-not-collection"),
            ));
            return None;
        }
        Err(e) => {
            d.push(invalid(
                Span::file_start(file),
                crate::msg!("map-not-geojson", error = e.to_string()),
            ));
            return None;
        }
    };
    // Where each feature's `"slug"` is in the text, in order: lines for the diagnostics.
    let mut slug_places = text.match_indices("\"slug\"").map(|(i, _)| i);
    let mut shapes: Vec<Shape> = Vec::new();
    let mut points = 0;
    let mut ok = true;
    for (n, feature) in collection.features.iter().enumerate() {
        let slug = feature
            .properties
            .as_ref()
            .and_then(|p| p.get("slug"))
            .and_then(|s| s.as_str());
        let Some(slug) = slug else {
            d.push(invalid(
                Span::file_start(file),
                crate::msg!("map-no-slug", number = (n + 1) as i64),
            ));
            ok = false;
            continue;
        };
        let at = slug_places.next().unwrap_or(0);
        let span = Span::new(file, at..at + "\"slug\"".len());
        let polygons: Vec<Vec<Ring>> = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Polygon { coordinates }) => vec![rings(coordinates)],
            Some(GeometryValue::MultiPolygon { coordinates }) => {
                coordinates.iter().map(|p| rings(p)).collect()
            }
            _ => {
                d.push(invalid(span, crate::msg!("map-not-polygon", slug = slug)));
                ok = false;
                continue;
            }
        };
        if polygons
            .iter()
            .flatten()
            .any(|r| r.len() < 4 || r.iter().flatten().any(|c| !c.is_finite()))
        {
            d.push(invalid(span, crate::msg!("map-bad-ring", slug = slug)));
            ok = false;
            continue;
        }
        points += polygons.iter().flatten().map(Vec::len).sum::<usize>();
        let Some(id) = tables.neighbourhood(&At::new(slug.to_string(), span), d) else {
            ok = false;
            continue;
        };
        if shapes.iter().any(|s| s.neighbourhood == id) {
            d.push(invalid(span, crate::msg!("map-duplicate", slug = slug)));
            ok = false;
            continue;
        }
        shapes.push(Shape {
            neighbourhood: id,
            polygons,
        });
    }
    if points > MAX_POINTS {
        d.push(invalid(
            Span::file_start(file),
            crate::msg!(
                "map-too-large",
                points = points as i64,
                max = MAX_POINTS as i64
            ),
        ));
        ok = false;
    }
    if !ok {
        return None;
    }
    let missing = neighbourhoods - shapes.len();
    if missing > 0 {
        d.push(
            Diagnostic::warning(
                Code::MapMissingShape,
                Span::file_start(file),
                crate::msg!("map-missing-shape", count = missing as i64),
            )
            .with_help(crate::msg!("map-missing-shape-help")),
        );
    }
    let note = collection
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("description"))
        .and_then(|d| d.as_str())
        .map(str::to_string);
    Some(SiteMap { shapes, note })
}

fn rings(polygon: &[Vec<geojson::Position>]) -> Vec<Ring> {
    polygon
        .iter()
        .map(|ring| {
            ring.iter()
                .map(|p| {
                    let s = p.as_slice();
                    [
                        s.first().copied().unwrap_or(f64::NAN),
                        s.get(1).copied().unwrap_or(f64::NAN),
                    ]
                })
                .collect()
        })
        .collect()
}

/// The byte offset of a 1-based line and column (serde_json's), within the text.
fn offset_of(source: &crate::source::SourceFile, line: usize, column: usize) -> usize {
    let text = &source.text;
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}
