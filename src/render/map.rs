//! The map: the neighbourhoods' shapes projected to inline SVG, each a link
//! shaded by its share of kept agreements and labelled with it, so that the
//! colour is never the only carrier. Drawn twice per build, not per page: at
//! full size for `/kaart/`, and small (simplified, whole units) for the home
//! page and every neighbourhood's page.

use std::fmt::Write as _;

use crate::model::map::SiteMap;
use crate::model::{Figure, Figures, NeighbourhoodId};

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

/// A neighbourhood's kept agreements, all its agreements, and the share kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub kept: usize,
    pub all: usize,
    /// In whole percents; `None` without agreements.
    pub percent: Option<u32>,
}

/// Kept agreements and all agreements (answers with a delivery state), and
/// the share kept in whole percents: the model's figures.
pub fn kept_share(figures: &Figures) -> Share {
    let kept = figures.get(Figure::KEPT);
    // Together the standings count every answer that has a delivery state once.
    let all: usize = Figure::STANDINGS.iter().map(|&f| figures.get(f)).sum();
    let percent = (all > 0).then(|| ((kept * 100) as f64 / all as f64).round() as u32);
    Share { kept, all, percent }
}

/// One shape as drawn.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub neighbourhood: NeighbourhoodId,
    /// SVG path data: an absolute move, then relative lines.
    pub path: String,
    /// Where its label goes, rounded like the path.
    pub label_at: (f64, f64),
}

/// Every shape at one size.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Drawn>,
}

impl Drawing {
    /// The bytes of path data: what the simplification keeps within budget.
    pub fn path_bytes(&self) -> usize {
        self.shapes.iter().map(|s| s.path.len()).sum()
    }

    pub fn shape(&self, id: NeighbourhoodId) -> Option<&Drawn> {
        self.shapes.iter().find(|s| s.neighbourhood == id)
    }
}

/// The map as the pages draw it, made once per build: both sizes, and each
/// neighbourhood's share (indexed by its id).
pub struct Maps {
    pub full: Drawing,
    pub small: Drawing,
    pub shares: Vec<Share>,
}

/// One size to draw at.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// The width of the drawing in SVG units; the height follows the shapes.
    pub width: f64,
    /// Coordinates are rounded to 1/`grid` of a unit.
    pub grid: f64,
    /// At most this many bytes of path data: the simplification coarsens until it fits.
    pub budget: usize,
}

/// `/kaart/`: 600 units wide, to a tenth of a unit.
pub const FULL: Size = Size {
    width: 600.0,
    grid: 10.0,
    budget: 48 * 1024,
};

/// The home page and each neighbourhood's page: 300 units wide, whole
/// units, and a smaller budget, since every neighbourhood page carries it.
pub const SMALL: Size = Size {
    width: 300.0,
    grid: 1.0,
    budget: 16 * 1024,
};

/// Past this many shapes the small map is left out: their links and names
/// alone would outweigh the pages' budget (some 230 bytes a shape); `/kaart/`
/// still shows them all.
pub const SMALL_MAX_SHAPES: usize = 150;

/// The shapes projected into a box of `size.width`: an equirectangular
/// projection around the map's middle latitude, north up. Each ring is
/// simplified (Douglas-Peucker) to within half a grid step, then coarser, a
/// step at a time, until the path data fits the budget; a neighbourhood never
/// disappears, its largest ring stays at least a triangle.
pub fn project(map: &SiteMap, size: Size) -> Drawing {
    let frame = Frame::new(map, size.width);
    // Projected once; only the simplification repeats.
    let projected: Vec<Vec<Vec<Projected>>> = map
        .shapes
        .iter()
        .map(|s| {
            s.polygons
                .iter()
                .map(|p| p.iter().map(|r| open_ring(r, &frame)).collect())
                .collect()
        })
        .collect();
    let mut tolerance = 0.5 / size.grid;
    loop {
        let shapes: Vec<Drawn> = map
            .shapes
            .iter()
            .zip(&projected)
            .map(|(s, polygons)| draw_shape(s.neighbourhood, polygons, size, tolerance))
            .collect();
        let drawing = Drawing {
            width: size.width,
            height: frame.height,
            shapes,
        };
        // Past a tenth of the width every shape is as coarse as it gets.
        if drawing.path_bytes() <= size.budget || tolerance > size.width / 10.0 {
            return drawing;
        }
        tolerance *= 2.0;
    }
}

/// A ring in SVG units, without its closing point.
type Projected = Vec<(f64, f64)>;

/// Where the projection puts a longitude and latitude.
struct Frame {
    min_x: f64,
    max_y: f64,
    squeeze: f64,
    scale: f64,
    margin: f64,
    height: f64,
}

impl Frame {
    fn new(map: &SiteMap, width: f64) -> Frame {
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in map
            .shapes
            .iter()
            .flat_map(|s| s.polygons.iter().flatten().flatten())
        {
            min_x = min_x.min(p[0]);
            max_x = max_x.max(p[0]);
            min_y = min_y.min(p[1]);
            max_y = max_y.max(p[1]);
        }
        let squeeze = ((min_y + max_y) / 2.0).to_radians().cos();
        let span_x = ((max_x - min_x) * squeeze).max(f64::EPSILON);
        let span_y = (max_y - min_y).max(f64::EPSILON);
        let margin = width / 150.0;
        let scale = (width - 2.0 * margin) / span_x;
        Frame {
            min_x,
            max_y,
            squeeze,
            scale,
            margin,
            height: (span_y * scale + 2.0 * margin).round(),
        }
    }

    fn at(&self, p: &[f64; 2]) -> (f64, f64) {
        (
            self.margin + (p[0] - self.min_x) * self.squeeze * self.scale,
            self.margin + (self.max_y - p[1]) * self.scale,
        )
    }
}

/// A ring projected, without the closing point that repeats the first (drawn by `Z`).
fn open_ring(ring: &[[f64; 2]], frame: &Frame) -> Vec<(f64, f64)> {
    let open = match ring.split_last() {
        Some((last, rest)) if rest.first() == Some(last) => rest,
        _ => ring,
    };
    open.iter().map(|p| frame.at(p)).collect()
}

fn draw_shape(
    neighbourhood: NeighbourhoodId,
    polygons: &[Vec<Projected>],
    size: Size,
    tolerance: f64,
) -> Drawn {
    let grid = size.grid;
    // The largest outer ring carries the label and is never dropped.
    let largest = polygons
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, area(p.first()?).abs())))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    let mut path = String::new();
    let mut label_at = (0.0, 0.0);
    for (i, polygon) in polygons.iter().enumerate() {
        for (j, ring) in polygon.iter().enumerate() {
            let keep = largest == Some(i) && j == 0;
            let mut points = on_grid(ring, &simplify(ring, tolerance), grid);
            if points.len() < 3 && keep {
                points = on_grid(ring, &extremes(ring), grid);
            }
            if points.len() < 3 && keep {
                // Smaller than a step of the grid: a diamond, big enough to click.
                let (x, y) = centroid(ring);
                let (x, y) = ((x * grid).round() as i64, (y * grid).round() as i64);
                let r = (size.width / 150.0 * grid).round() as i64;
                points = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
            }
            if points.len() < 3 && !keep {
                continue;
            }
            write_ring(&mut path, &points, grid);
            if keep {
                let (x, y) = centroid(ring);
                label_at = ((x * grid).round() / grid, (y * grid).round() / grid);
            }
        }
    }
    Drawn {
        neighbourhood,
        path,
        label_at,
    }
}

/// The indices of the points Douglas-Peucker keeps of a closed ring: split at
/// the first point and the one farthest from it, each half simplified to
/// within `tolerance`. Iterative: a ring may have tens of thousands of points.
fn simplify(ring: &[(f64, f64)], tolerance: f64) -> Vec<usize> {
    let n = ring.len();
    if n <= 3 {
        return (0..n).collect();
    }
    let far = (1..n)
        .max_by(|&a, &b| dist2(ring[0], ring[a]).total_cmp(&dist2(ring[0], ring[b])))
        .unwrap_or(1);
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[far] = true;
    // Spans of indices, the end past the last point closing back to 0.
    let mut spans = vec![(0, far), (far, n)];
    while let Some((a, b)) = spans.pop() {
        let (pa, pb) = (ring[a], ring[b % n]);
        let mut worst = (0.0, 0);
        for (k, &p) in ring.iter().enumerate().take(b).skip(a + 1) {
            let d = off_line(p, pa, pb);
            if d > worst.0 {
                worst = (d, k);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            spans.push((a, worst.1));
            spans.push((worst.1, b));
        }
    }
    (0..n).filter(|&i| keep[i]).collect()
}

/// The points farthest west, east, north and south, in ring order: the
/// coarsest a neighbourhood is drawn.
fn extremes(ring: &[(f64, f64)]) -> Vec<usize> {
    let by = |f: fn(&(f64, f64)) -> f64, max: bool| {
        let it = ring.iter().enumerate();
        let pick = |a: &(usize, &(f64, f64)), b: &(usize, &(f64, f64))| f(a.1).total_cmp(&f(b.1));
        if max {
            it.max_by(pick)
        } else {
            it.min_by(pick)
        }
        .map_or(0, |(i, _)| i)
    };
    let mut idx = vec![
        by(|p| p.0, false),
        by(|p| p.0, true),
        by(|p| p.1, false),
        by(|p| p.1, true),
    ];
    idx.sort_unstable();
    idx.dedup();
    idx
}

/// The kept points on the grid (integers in grid steps), without repeats.
fn on_grid(ring: &[(f64, f64)], kept: &[usize], grid: f64) -> Vec<(i64, i64)> {
    let mut points: Vec<(i64, i64)> = Vec::with_capacity(kept.len());
    for &i in kept {
        let (x, y) = ring[i];
        let p = ((x * grid).round() as i64, (y * grid).round() as i64);
        if points.last() != Some(&p) {
            points.push(p);
        }
    }
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}

/// `M x,y l dx,dy dx,dy…Z`: relative steps are shorter than absolute points.
fn write_ring(path: &mut String, points: &[(i64, i64)], grid: f64) {
    let step = grid as i64;
    path.push('M');
    number(path, points[0].0, step);
    path.push(',');
    number(path, points[0].1, step);
    path.push('l');
    for (k, pair) in points.windows(2).enumerate() {
        let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
        // A minus sign separates numbers by itself.
        if k > 0 && dx >= 0 {
            path.push(' ');
        }
        number(path, dx, step);
        if dy >= 0 {
            path.push(',');
        }
        number(path, dy, step);
    }
    path.push('Z');
}

/// `v` grid steps, as a decimal of units: 1/`step` of a unit to a step.
fn number(out: &mut String, v: i64, step: i64) {
    if step <= 1 {
        let _ = write!(out, "{v}");
        return;
    }
    if v < 0 {
        out.push('-');
    }
    let (whole, part) = (v.abs() / step, v.abs() % step);
    let _ = write!(out, "{whole}");
    if part != 0 {
        let digits = (step as f64).log10().round() as usize;
        let _ = write!(out, ".{}", format!("{part:0digits$}").trim_end_matches('0'));
    }
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// The distance of `p` from the segment `a`–`b`.
fn off_line(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let len2 = dist2(a, b);
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / len2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

/// Twice the signed area of a ring (shoelace).
fn area(ring: &[(f64, f64)]) -> f64 {
    (0..ring.len())
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// The centre of a ring's area; the mean of its points when it has none.
fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let a = area(ring);
    if a.abs() < 1e-9 {
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (sx / n, sy / n);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..ring.len() {
        let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
        let cross = p.0 * q.1 - q.0 * p.1;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (cx / (3.0 * a), cy / (3.0 * a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::map::Shape;

    fn square(x: f64, y: f64) -> Vec<Vec<[f64; 2]>> {
        vec![vec![
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y],
        ]]
    }

    fn two_squares() -> SiteMap {
        SiteMap {
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
        }
    }

    /// The absolute points of a path written by `write_ring`.
    fn points(path: &str) -> Vec<Vec<(f64, f64)>> {
        path.split('Z')
            .filter(|r| !r.is_empty())
            .map(|r| {
                let (start, steps) = r.trim_start_matches('M').split_once('l').unwrap();
                let num = |s: &str| s.parse::<f64>().unwrap();
                let (x, y) = start.split_once(',').unwrap();
                let mut at = (num(x), num(y));
                let mut out = vec![at];
                // Separate the numbers: at spaces, commas and before minus signs.
                let spaced = steps.replace('-', " -").replace(',', " ");
                let nums: Vec<f64> = spaced.split_whitespace().map(num).collect();
                for d in nums.chunks(2) {
                    at = (at.0 + d[0], at.1 + d[1]);
                    out.push(at);
                }
                out
            })
            .collect()
    }

    #[test]
    fn shapes_fit_the_box_north_up() {
        let drawing = project(&two_squares(), FULL);
        assert!(drawing.height > 100.0 && drawing.height < 2000.0);
        let [a, b] = &drawing.shapes[..] else {
            panic!()
        };
        // The northern square is drawn above the southern one.
        assert!(a.label_at.1 < b.label_at.1);
        assert!(a.path.starts_with('M') && a.path.ends_with('Z'));
        for ring in points(&a.path).iter().chain(&points(&b.path)) {
            assert_eq!(ring.len(), 4, "{ring:?}");
            for &(x, y) in ring {
                assert!((0.0..=600.0).contains(&x) && (0.0..=drawing.height).contains(&y));
            }
        }
    }

    #[test]
    fn relative_steps_come_back_to_the_points() {
        let mut path = String::new();
        write_ring(&mut path, &[(10, 20), (35, 20), (35, 5), (-3, 7)], 10.0);
        assert_eq!(path, "M1,2l2.5,0 0-1.5-3.8,0.2Z");
        let back: Vec<(f64, f64)> = points(&path)[0]
            .iter()
            .map(|p| ((p.0 * 10.0).round() / 10.0, (p.1 * 10.0).round() / 10.0))
            .collect();
        assert_eq!(back, vec![(1.0, 2.0), (3.5, 2.0), (3.5, 0.5), (-0.3, 0.7)]);
        let mut path = String::new();
        write_ring(&mut path, &[(1, 2), (3, 2), (3, 4)], 1.0);
        assert_eq!(path, "M1,2l2,0 0,2Z");
    }

    /// A wobbly circle of `n` points around (lon, lat).
    fn circle(lon: f64, lat: f64, n: usize) -> Vec<Vec<[f64; 2]>> {
        let mut ring: Vec<[f64; 2]> = (0..n)
            .map(|i| {
                let t = i as f64 / n as f64 * std::f64::consts::TAU;
                let r = 0.01 * (1.0 + 0.02 * (t * 40.0).sin());
                [lon + r * t.cos(), lat + r * t.sin()]
            })
            .collect();
        ring.push(ring[0]);
        vec![ring]
    }

    #[test]
    fn detailed_shapes_are_simplified_within_the_budget_and_none_is_lost() {
        // Forty neighbourhoods of 2,000 points each, and a speck beside them.
        let mut shapes: Vec<Shape> = (0..40)
            .map(|i| Shape {
                neighbourhood: NeighbourhoodId(i),
                polygons: vec![circle(
                    4.6 + (i % 8) as f64 * 0.02,
                    52.3 + (i / 8) as f64 * 0.02,
                    2000,
                )],
            })
            .collect();
        shapes.push(Shape {
            neighbourhood: NeighbourhoodId(40),
            polygons: vec![
                square(4.75, 52.3)
                    .into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|p| [4.75 + (p[0] - 4.75) / 1000.0, 52.3 + (p[1] - 52.3) / 1000.0])
                            .collect()
                    })
                    .collect(),
            ],
        });
        let map = SiteMap { shapes, note: None };
        for size in [SMALL, FULL] {
            let drawing = project(&map, size);
            assert!(
                drawing.path_bytes() <= size.budget,
                "{} > {}",
                drawing.path_bytes(),
                size.budget
            );
            assert_eq!(drawing.shapes.len(), 41);
            for s in &drawing.shapes {
                let rings = points(&s.path);
                assert_eq!(rings.len(), 1, "{:?}", s.neighbourhood);
                assert!(rings[0].len() >= 3, "{:?}: {}", s.neighbourhood, s.path);
            }
            // Still round: a circle keeps more than a handful of points.
            assert!(points(&drawing.shapes[0].path)[0].len() >= 8);
        }
        let small = project(&map, SMALL);
        assert!(!small.shapes[0].path.contains('.'), "whole units");
    }

    #[test]
    fn simplification_keeps_corners_and_drops_straight_runs() {
        // A square with many points on each side.
        let mut ring = Vec::new();
        for i in 0..10 {
            ring.push((i as f64, 0.0));
        }
        for i in 0..10 {
            ring.push((10.0, i as f64));
        }
        for i in 0..10 {
            ring.push((10.0 - i as f64, 10.0));
        }
        for i in 0..10 {
            ring.push((0.0, 10.0 - i as f64));
        }
        let kept: Vec<(f64, f64)> = simplify(&ring, 0.1).into_iter().map(|i| ring[i]).collect();
        assert_eq!(
            kept,
            vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
        );
    }
}
