//! Share images: the PNG a link preview shows for a neighbourhood, a
//! contract or the site. Drawn from a small SVG with resvg, with the font
//! bundled in the theme (never a system font), so a build gives the same
//! bytes on every machine.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::fingerprint;

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
    /// What every image of this painter shares, for [`Painter::key`].
    seed: u64,
}

/// The PNG text chunk that names what an image shows, so that a rebuild can
/// keep an image whose card did not change instead of drawing it again.
const KEY_CHUNK: &str = "afspraak-card";

impl Painter {
    pub fn new(kicker: &str, footer: &str) -> anyhow::Result<Painter> {
        let mut background = tiny_skia::Pixmap::new(WIDTH, HEIGHT)
            .ok_or_else(|| anyhow::anyhow!("internal error: no room for a share image"))?;
        let svg = background_svg(kicker, footer);
        draw(&svg, &mut background)?;
        // Another version of afspraak may draw the same card differently.
        let seed = fingerprint::fnv1a(
            fingerprint::fnv1a(fingerprint::START, env!("CARGO_PKG_VERSION").as_bytes()),
            svg.as_bytes(),
        );
        Ok(Painter { background, seed })
    }

    /// The site's title at the top, its address without the scheme at the bottom.
    pub fn for_site(config: &crate::config::SiteConfig) -> anyhow::Result<Painter> {
        let url = &config.base_url;
        let host = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        Painter::new(&config.title, host.trim_end_matches('/'))
    }

    /// What the image of the card drawn from `card_svg` shows, as a word:
    /// the same for the same picture, and written into the image.
    pub fn key(&self, card_svg: &str) -> String {
        format!(
            "{:016x}",
            fingerprint::fnv1a(self.seed, card_svg.as_bytes())
        )
    }

    /// The PNG of `card`.
    pub fn png(&self, card: &Card) -> anyhow::Result<Vec<u8>> {
        self.png_of(&card_svg(card))
    }

    /// The PNG of the card drawn from `card_svg` (see [`card_svg`]).
    pub fn png_of(&self, card_svg: &str) -> anyhow::Result<Vec<u8>> {
        let mut pixmap = self.background.clone();
        draw(card_svg, &mut pixmap)?;
        encode(&pixmap, Some(self.key(card_svg)))
    }
}

/// The key a PNG of [`Painter::png_of`] carries; read from the chunks before
/// the image data, so only the start of the file is looked at.
pub fn key_of(png: &[u8]) -> Option<&str> {
    let mut rest = png.strip_prefix(b"\x89PNG\r\n\x1a\n")?;
    while rest.len() >= 12 {
        let len = u32::from_be_bytes(rest[..4].try_into().ok()?) as usize;
        let (kind, data) = (&rest[4..8], rest.get(8..8 + len)?);
        match kind {
            b"IDAT" | b"IEND" => return None,
            b"tEXt" => {
                if let Some(text) = data.strip_prefix(KEY_CHUNK.as_bytes())
                    && let Some(value) = text.strip_prefix(b"\0")
                {
                    return std::str::from_utf8(value).ok();
                }
            }
            _ => {}
        }
        rest = rest.get(12 + len..)?;
    }
    None
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
        .ok_or_else(|| anyhow::anyhow!("internal error: an image cannot be {size:?}"))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    encode(&pixmap, None)
}

/// An opaque pixmap as a PNG, carrying `key` when given. A card's text is
/// drawn without anti-aliasing, so a card has a handful of colours: then the
/// PNG is indexed, one byte a pixel with the "Up" filter, which is several
/// times quicker to write than RGB and half its size. Other images are RGB
/// with the adaptive filter.
fn encode(pixmap: &tiny_skia::Pixmap, key: Option<String>) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let data = match indexed(pixmap.data(), pixmap.width() as usize) {
        Some((palette, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            encoder.set_filter(png::Filter::Up);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            rgb(pixmap.data())
        }
    };
    if let Some(key) = key {
        encoder.add_text_chunk(KEY_CHUNK.into(), key)?;
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// Opaque premultiplied RGBA (every card starts with an opaque background)
/// is plain RGB.
fn rgb(rgba: &[u8]) -> Vec<u8> {
    let mut rgb = vec![0; rgba.len() / 4 * 3];
    for (to, from) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        to.copy_from_slice(&from[..3]);
    }
    rgb
}

/// The palette (RGB triples) and each pixel's index in it, when opaque
/// `rgba`, `width` pixels a row, has at most 256 colours.
fn indexed(rgba: &[u8], width: usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut colours: Vec<[u8; 4]> = Vec::new();
    let mut indices: Vec<u8> = Vec::with_capacity(rgba.len() / 4);
    let mut last: Option<([u8; 4], u8)> = None;
    let row_bytes = width * 4;
    let mut previous_row: &[u8] = &[];
    for row in rgba.chunks_exact(row_bytes.max(4)) {
        // Most rows of a card are plain background, like the row above.
        if row == previous_row {
            indices.extend_from_within(indices.len() - width..);
            continue;
        }
        previous_row = row;
        for pixel in row.chunks_exact(4) {
            let pixel: [u8; 4] = pixel.try_into().ok()?;
            // Most pixels have their left neighbour's colour.
            let index = match last {
                Some((colour, index)) if colour == pixel => index,
                _ => {
                    let index = match colours.iter().position(|&c| c == pixel) {
                        Some(i) => i,
                        None if colours.len() < 256 => {
                            colours.push(pixel);
                            colours.len() - 1
                        }
                        None => return None,
                    } as u8;
                    last = Some((pixel, index));
                    index
                }
            };
            indices.push(index);
        }
    }
    let palette = colours.iter().flat_map(|c| [c[0], c[1], c[2]]).collect();
    Some((palette, indices))
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

    /// The RGB pixels a PNG decodes to.
    fn pixels(png: &[u8]) -> Vec<u8> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut buf).unwrap();
        buf.truncate(frame.buffer_size());
        buf
    }

    #[test]
    fn a_card_is_written_indexed_without_changing_a_pixel() {
        let painter = Painter::new("Wijkcontracten Testdorp", "example.nl").unwrap();
        let svg = card_svg(&card());
        let mut pixmap = painter.background.clone();
        draw(&svg, &mut pixmap).unwrap();
        let png = painter.png_of(&svg).unwrap();
        assert_eq!(png[25], 3, "colour type 3, indexed");
        assert_eq!(pixels(&png), rgb(pixmap.data()));
    }

    #[test]
    fn more_than_256_colours_are_written_as_rgb() {
        let mut pixmap = tiny_skia::Pixmap::new(300, 2).unwrap();
        for (i, p) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
            p.copy_from_slice(&[(i % 256) as u8, (i / 256) as u8, 7, 255]);
        }
        let png = encode(&pixmap, None).unwrap();
        assert_eq!(png[25], 2, "colour type 2, RGB");
        assert_eq!(pixels(&png), rgb(pixmap.data()));
    }

    #[test]
    fn an_image_names_its_card_so_a_rebuild_can_keep_it() {
        let painter = Painter::new("Wijkcontracten Testdorp", "example.nl").unwrap();
        let svg = card_svg(&card());
        let png = painter.png_of(&svg).unwrap();
        assert_eq!(key_of(&png), Some(painter.key(&svg).as_str()));
        let other = card_svg(&Card {
            bar: Vec::new(),
            ..card()
        });
        assert_ne!(painter.key(&svg), painter.key(&other));
        // Another site's name or address is another picture.
        let elsewhere = Painter::new("Wijkcontracten Elders", "example.nl").unwrap();
        assert_ne!(painter.key(&svg), elsewhere.key(&svg));
        assert_eq!(key_of(&icon_png(32).unwrap()), None);
        assert_eq!(key_of(b"not a png"), None);
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
