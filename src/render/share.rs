//! Share images: the PNG a link preview shows for a neighbourhood, a
//! contract or the site. Drawn from a small SVG with resvg, with the font
//! bundled in the theme (never a system font), so a build gives the same
//! bytes on every machine.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// Open Graph's recommended size.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// DejaVu Sans Bold (Bitstream Vera licence, in `themes/default/fonts/`).
const FONT: &[u8] = include_bytes!("../../themes/default/fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";

/// What one image says, besides the site's name and address, which every
/// image shares.
pub struct Card {
    /// Large: the neighbourhood's or the site's name.
    pub title: String,
    /// One or two lines under the title.
    pub subtitle: String,
    /// The outcome bar: each segment's share (0–1) and colour, in order.
    pub bar: Vec<(f64, &'static str)>,
}

/// The colour of each outcome's segment, as in the theme's light palette.
pub fn outcome_colour(key: &str) -> &'static str {
    match key {
        "resolved" => "#1f6e43",
        "honoured" => "#6a3d9a",
        "scheduled" => "#01689b",
        "prioritised" => "#8a5a00",
        _ => "#a3262b",
    }
}

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family(FAMILY);
        usvg::Options {
            font_family: FAMILY.into(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        }
    })
}

/// Text made safe inside SVG: markup escaped, and control characters, which
/// XML does not allow, drawn as spaces.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Breaks `text` into at most `lines` lines of about `width` characters,
/// ending with "…" when it does not fit.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
            if out.len() == lines {
                let last = out.last_mut().expect("a line");
                last.push('…');
                return out;
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

fn text(s: &mut String, y: u32, size: u32, fill: &str, t: &str) {
    // Text drawn without anti-aliasing: at these sizes it barely shows, and
    // it halves the cost of drawing a card.
    let _ = write!(
        s,
        r#"<text x="80" y="{y}" font-family="{FAMILY}" font-weight="bold" font-size="{size}" fill="{fill}" text-rendering="optimizeSpeed">{}</text>"#,
        escape(t)
    );
}

fn open_svg() -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"#
    )
}

/// What every card shares: the background, the site's name at the top and
/// its address at the bottom. No filters or gradients, so it stays cheap.
pub fn background_svg(kicker: &str, footer: &str) -> String {
    let mut s = open_svg();
    let _ = write!(
        s,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#154273"/><rect y="{}" width="{WIDTH}" height="14" fill="#ffbf47"/>"##,
        HEIGHT - 14
    );
    text(&mut s, 110, 36, "#d7e3f0", kicker);
    text(&mut s, 575, 32, "#d7e3f0", footer);
    s.push_str("</svg>");
    s
}

/// The SVG of what a card adds on the background: its title, subtitle and bar.
pub fn card_svg(card: &Card) -> String {
    let mut s = open_svg();
    // DejaVu Sans Bold's letters are about 0.7 em wide: fit the title in 1040 px.
    let chars = card.title.chars().count().max(1) as f64;
    let size = (1040.0 / (chars * 0.7)).clamp(56.0, 104.0) as u32;
    let title = wrap(&card.title, (1040.0 / (size as f64 * 0.7)) as usize, 1);
    text(
        &mut s,
        250,
        size,
        "#ffffff",
        title.first().map_or("", String::as_str),
    );
    for (i, line) in wrap(&card.subtitle, 38, 2).iter().enumerate() {
        text(&mut s, 340 + 56 * i as u32, 42, "#ffffff", line);
    }
    if !card.bar.is_empty() {
        let _ = write!(
            s,
            r##"<rect x="76" y="456" width="1048" height="56" fill="#ffffff"/>"##
        );
        let mut x = 80.0;
        for (share, colour) in &card.bar {
            let w = share * 1040.0;
            if w > 0.0 {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="460" width="{w:.1}" height="48" fill="{colour}"/>"#
                );
            }
            x += w;
        }
    }
    s.push_str("</svg>");
    s
}

/// Draws cards on a background drawn once.
pub struct Painter {
    background: tiny_skia::Pixmap,
}

impl Painter {
    pub fn new(kicker: &str, footer: &str) -> anyhow::Result<Painter> {
        let mut background = tiny_skia::Pixmap::new(WIDTH, HEIGHT)
            .ok_or_else(|| anyhow::anyhow!("no room for a share image"))?;
        draw(&background_svg(kicker, footer), &mut background)?;
        Ok(Painter { background })
    }

    /// The site's title at the top, its address without the scheme at the bottom.
    pub fn for_site(config: &crate::config::SiteConfig) -> anyhow::Result<Painter> {
        let url = &config.base_url;
        let host = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        Painter::new(&config.title, host.trim_end_matches('/'))
    }

    /// The PNG of `card`.
    pub fn png(&self, card: &Card) -> anyhow::Result<Vec<u8>> {
        let mut pixmap = self.background.clone();
        draw(&card_svg(card), &mut pixmap)?;
        encode(&pixmap)
    }
}

fn draw(svg: &str, pixmap: &mut tiny_skia::Pixmap) -> anyhow::Result<()> {
    let tree = usvg::Tree::from_str(svg, options())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(())
}

/// Draws `svg`, which has an opaque background, at its own size as a PNG.
pub fn png(svg: &str) -> anyhow::Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, options())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow::anyhow!("an image cannot be {size:?}"))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    encode(&pixmap)
}

/// An opaque pixmap as an RGB PNG with fast compression: the images are
/// flat colour and text, and the default compression took twice as long as
/// the drawing.
fn encode(pixmap: &tiny_skia::Pixmap) -> anyhow::Result<Vec<u8>> {
    // Every card starts with an opaque background, so premultiplied RGBA is plain RGB.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// The site's icon, as an SVG (the favicon) and drawn at `size` px (the
/// touch icon): a tick on the brand colour.
pub const ICON_SVG: &str = include_str!("../../themes/default/static/favicon.svg");

pub fn icon_png(size: u32) -> anyhow::Result<Vec<u8>> {
    png(&ICON_SVG.replacen(
        r#"width="32" height="32" viewBox"#,
        &format!(r#"width="{size}" height="{size}" viewBox"#),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> Card {
        Card {
            title: "Meerwijk & <Europawijk>".into(),
            subtitle: "Wijkcontract 2026: 12 vragen, 4 nagekomen, 1 te laat".into(),
            bar: vec![
                (0.25, outcome_colour("resolved")),
                (0.75, outcome_colour("declined")),
            ],
        }
    }

    fn size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[1..4], b"PNG");
        (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        )
    }

    #[test]
    fn a_card_is_a_png_of_the_open_graph_size_and_the_same_every_time() {
        assert!(card_svg(&card()).contains("Meerwijk &amp; &lt;Europawijk&gt;"));
        let painter = Painter::new("Wijkcontracten Testdorp", "example.nl").unwrap();
        let a = painter.png(&card()).unwrap();
        assert_eq!(size(&a), (WIDTH, HEIGHT));
        assert_eq!(a, painter.png(&card()).unwrap());
        let again = Painter::new("Wijkcontracten Testdorp", "example.nl").unwrap();
        assert_eq!(a, again.png(&card()).unwrap());
    }

    #[test]
    fn the_bundled_font_draws_the_text() {
        // Without a font, resvg drops text silently: the card would be blank.
        let painter = Painter::new("", "").unwrap();
        let blank = Card {
            title: String::new(),
            subtitle: String::new(),
            bar: Vec::new(),
        };
        let with_text = Card {
            title: "Meerwijk".into(),
            ..blank
        };
        let blank = Card {
            title: String::new(),
            subtitle: String::new(),
            bar: Vec::new(),
        };
        assert_ne!(
            painter.png(&with_text).unwrap(),
            painter.png(&blank).unwrap()
        );
    }

    #[test]
    fn control_characters_do_not_break_a_card() {
        let painter = Painter::new("Bel\u{7}", "x").unwrap();
        let card = Card {
            title: "Wijk\u{0}\u{1b}[31m".into(),
            subtitle: "a\u{8}b".into(),
            bar: Vec::new(),
        };
        assert!(painter.png(&card).is_ok());
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let lines = wrap("een twee drie vier vijf zes zeven acht", 10, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn the_touch_icon_has_its_size() {
        assert_eq!(size(&icon_png(180).unwrap()), (180, 180));
    }
}
