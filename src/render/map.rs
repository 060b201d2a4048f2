//! The map: the neighbourhoods' shapes projected to one inline SVG, each a
//! link shaded by its share of kept agreements and labelled with it, so that
//! the colour is never the only carrier.

use std::fmt::Write as _;

use crate::model::map::SiteMap;
use crate::model::{Figure, Figures, NeighbourhoodId};

/// The width of the drawing in SVG units; the height follows the shapes.
const WIDTH: f64 = 600.0;

/// How the kept share of a neighbourhood is shaded: five bins of 20 points,
/// and one for a neighbourhood without agreements yet.
pub fn bin(share: Option<u32>) -> &'static str {
    match share {
        None => "none",
        Some(p) if p < 20 => "b0",
        Some(p) if p < 40 => "b1",
        Some(p) if p < 60 => "b2",
        Some(p) if p < 80 => "b3",
        Some(_) => "b4",
    }
}

/// Kept agreements and all agreements (answers with a delivery state), and
/// the share kept in whole percents: the model's figures.
pub fn kept_share(figures: &Figures) -> (usize, usize, Option<u32>) {
    let kept = figures.get(Figure::KEPT);
    // Together the standings count every answer that has a delivery state once.
    let all: usize = Figure::STANDINGS.iter().map(|&f| figures.get(f)).sum();
    let share = (all > 0).then(|| ((kept * 100) as f64 / all as f64).round() as u32);
    (kept, all, share)
}

/// One shape as drawn.
pub struct Drawn {
    pub neighbourhood: NeighbourhoodId,
    pub path: String,
    /// Where its label goes.
    pub label_at: (f64, f64),
}

/// The shapes projected into a `WIDTH`-wide box: an equirectangular
/// projection around the map's middle latitude, north up. Returns the shapes
/// and the box's height.
pub fn project(map: &SiteMap) -> (Vec<Drawn>, f64) {
    let points = || {
        map.shapes
            .iter()
            .flat_map(|s| s.polygons.iter().flatten().flatten())
    };
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points() {
        min_x = min_x.min(p[0]);
        max_x = max_x.max(p[0]);
        min_y = min_y.min(p[1]);
        max_y = max_y.max(p[1]);
    }
    let squeeze = ((min_y + max_y) / 2.0).to_radians().cos();
    let span_x = ((max_x - min_x) * squeeze).max(f64::EPSILON);
    let span_y = (max_y - min_y).max(f64::EPSILON);
    let margin = 4.0;
    let scale = (WIDTH - 2.0 * margin) / span_x;
    let height = (span_y * scale + 2.0 * margin).round();
    let at = |p: &[f64; 2]| {
        (
            margin + (p[0] - min_x) * squeeze * scale,
            margin + (max_y - p[1]) * scale,
        )
    };
    let drawn = map
        .shapes
        .iter()
        .map(|shape| {
            let mut path = String::new();
            let mut largest = (0.0, (0.0, 0.0));
            for polygon in &shape.polygons {
                for (i, ring) in polygon.iter().enumerate() {
                    let mut last = None;
                    let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
                    // The closing point repeats the first: drawn by `Z`.
                    let open = match ring.split_last() {
                        Some((last, rest)) if rest.first() == Some(last) => rest,
                        _ => &ring[..],
                    };
                    for p in open {
                        let (x, y) = at(p);
                        let xy = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
                        if last == Some(xy) {
                            continue;
                        }
                        let _ = write!(
                            path,
                            "{}{},{}",
                            if last.is_none() { "M" } else { " " },
                            xy.0,
                            xy.1
                        );
                        last = Some(xy);
                        sx += x;
                        sy += y;
                        n += 1.0;
                    }
                    path.push('Z');
                    if i == 0 && n > largest.0 {
                        largest = (n, (sx / n, sy / n));
                    }
                }
            }
            Drawn {
                neighbourhood: shape.neighbourhood,
                path,
                label_at: largest.1,
            }
        })
        .collect();
    (drawn, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::map::Shape;

    #[test]
    fn shapes_fit_the_box_north_up() {
        let square = |x: f64, y: f64| {
            vec![vec![
                [x, y],
                [x + 0.01, y],
                [x + 0.01, y + 0.01],
                [x, y + 0.01],
                [x, y],
            ]]
        };
        let map = SiteMap {
            shapes: vec![
                Shape {
                    neighbourhood: NeighbourhoodId(0),
                    polygons: vec![square(4.60, 52.40)],
                },
                Shape {
                    neighbourhood: NeighbourhoodId(1),
                    polygons: vec![square(4.62, 52.36)],
                },
            ],
            note: None,
        };
        let (drawn, height) = project(&map);
        assert!(height > 100.0 && height < 2000.0, "{height}");
        // The northern square is drawn above the southern one.
        assert!(drawn[0].label_at.1 < drawn[1].label_at.1);
        assert!(drawn[0].path.starts_with('M') && drawn[0].path.ends_with('Z'));
    }
}
