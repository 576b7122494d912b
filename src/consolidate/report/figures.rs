//! The 汇总报告's figures: counts and totals → PNG images (plotters into a bitmap, the png
//! crate to encode), with Chinese labels in the font [`use_font`] was given.
//!
//! Guarantees: the same data and font give the same bytes; without a font (none found on the
//! machine) no figure is drawn and the caller says so — a figure is never drawn with
//! missing characters.

use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A figure: PNG bytes and their size in pixels.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The PNG file.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The family name the font is registered under.
const FAMILY: &str = "sans-serif";
static FONT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Gives the figures their font (a TrueType/OpenType file or collection that has Chinese).
/// Once per process; true when the font can be used.
pub fn use_font(bytes: &'static [u8]) -> bool {
    *FONT.get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, bytes).is_ok())
}

/// Whether a font was given.
pub fn has_font() -> bool {
    FONT.get().copied().unwrap_or(false)
}

const BAR: RGBColor = RGBColor(68, 108, 170);

/// Draws into an RGB buffer of `width` × `height` and encodes it.
fn draw(
    width: u32,
    height: u32,
    paint: impl FnOnce(DrawingArea<BitMapBackend, plotters::coord::Shift>) -> Result<(), String>,
) -> Result<Figure, String> {
    let mut buf = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        paint(root.clone())?;
        root.present().map_err(|e| e.to_string())?;
    }
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header()
            .and_then(|mut w| w.write_image_data(&buf))
            .map_err(|e| e.to_string())?;
    }
    Ok(Figure { png, width, height })
}

/// Departments per grade, as columns: `(等级, 部门数)`. `None` without a font.
pub fn grades(title: &str, items: &[(String, usize)]) -> Option<Result<Figure, String>> {
    if !has_font() || items.is_empty() {
        return None;
    }
    let top = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as u32 + 1;
    let n = items.len() as u32;
    Some(draw(900, 480, |root| {
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FAMILY, 40))
            .margin(24)
            .x_label_area_size(56)
            .y_label_area_size(72)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0..top)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(items.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => items
                    .get(*i as usize)
                    .map(|x| x.0.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .y_desc("部门数")
            .label_style((FAMILY, 28))
            .axis_desc_style((FAMILY, 28))
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(items.iter().enumerate().map(|(k, (_, count))| {
                let k = k as u32;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(k), 0),
                        (SegmentValue::Exact(k + 1), *count as u32),
                    ],
                    BAR.filled(),
                );
                bar.set_margin(0, 0, 30, 30);
                bar
            }))
            .map_err(|e| e.to_string())?;
        Ok(())
    }))
}

/// Totals by department, best first, as horizontal bars: `(部门, 总分)`. At most 30 are
/// drawn (the table lists them all). `None` without a font.
pub fn ranking(title: &str, items: &[(String, Decimal)]) -> Option<Result<Figure, String>> {
    if !has_font() || items.is_empty() {
        return None;
    }
    let shown: Vec<(String, f64)> = items
        .iter()
        .take(30)
        .map(|(n, t)| (n.clone(), t.to_f64().unwrap_or(0.0)))
        .collect();
    let n = shown.len() as u32;
    let height = 160 + 48 * n;
    let longest = shown.iter().map(|s| s.0.chars().count()).max().unwrap_or(4) as u32;
    Some(draw(900, height, |root| {
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FAMILY, 40))
            .margin(24)
            .x_label_area_size(60)
            .y_label_area_size((longest * 27 + 24).min(520))
            .build_cartesian_2d(0.0..100.0, (0..n - 1).into_segmented())
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(shown.len())
            .y_label_formatter(&|v| match v {
                // The best at the top.
                SegmentValue::CenterOf(i) => (n - 1)
                    .checked_sub(*i)
                    .and_then(|k| shown.get(k as usize))
                    .map(|x| x.0.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_desc("总分")
            .label_style((FAMILY, 26))
            .axis_desc_style((FAMILY, 28))
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(shown.iter().enumerate().map(|(k, (_, total))| {
                let row = n - 1 - k as u32;
                let mut bar = Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(row)),
                        (*total, SegmentValue::Exact(row + 1)),
                    ],
                    BAR.filled(),
                );
                bar.set_margin(6, 6, 0, 0);
                bar
            }))
            .map_err(|e| e.to_string())?;
        Ok(())
    }))
}
