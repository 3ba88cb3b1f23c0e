//! A timeline of the ecosystem: each platform from its first known date
//! through GA, deprecation and shutdown, with a line for today.

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::catalog::query::{self, PlatformFilter, SortColumn};
use crate::catalog::{Catalog, CatalogDate, Platform, Status};
use crate::ui::widgets;

const LABEL_WIDTH: f32 = 200.0;
const ROW_HEIGHT: f32 = 20.0;
const AXIS_HEIGHT: f32 = 24.0;

/// One drawn span of a platform's life.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub from: f64,
    pub to: f64,
    pub phase: Phase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Preview,
    Available,
    Deprecated,
    /// Ended after this point, at a date the sources do not give: drawn as
    /// a marker, not a bar.
    Unknown,
}

fn year(date: NaiveDate) -> f64 {
    CatalogDate::day(date).year_fraction()
}

/// The spans of one platform's life up to `today` (fractional years).
pub fn spans(platform: &Platform, today: f64) -> Vec<Span> {
    let d = &platform.dates;
    let Some(first) = d.first().map(|x| x.year_fraction()) else {
        return Vec::new();
    };
    let ga = d.ga.map(|x| x.year_fraction());
    let deprecated = d.deprecated.map(|x| x.year_fraction());
    let shutdown = d.shutdown.map(|x| x.year_fraction());
    let live_from = ga.unwrap_or(first);
    let mut out = Vec::new();
    if live_from > first {
        out.push(Span {
            from: first,
            to: live_from,
            phase: Phase::Preview,
        });
    }
    // A platform that ended without a recorded date is drawn up to its last
    // known date only, then marked as ended: never as running to today.
    let ended_without_date =
        matches!(platform.status, Status::Retired | Status::Archived) && shutdown.is_none();
    let end_of_life = shutdown.unwrap_or(today);
    let live_to = deprecated.unwrap_or(if ended_without_date {
        live_from
    } else {
        end_of_life
    });
    out.push(Span {
        from: live_from,
        to: live_to.max(live_from),
        phase: Phase::Available,
    });
    if let Some(dep) = deprecated {
        out.push(Span {
            from: dep,
            to: if ended_without_date {
                dep
            } else {
                end_of_life.max(dep)
            },
            phase: Phase::Deprecated,
        });
    }
    if ended_without_date {
        let last_known = live_to.max(live_from);
        out.push(Span {
            from: last_known,
            to: last_known,
            phase: Phase::Unknown,
        });
    }
    out
}

fn phase_color(phase: Phase) -> Color32 {
    match phase {
        Phase::Preview => Color32::from_rgb(120, 160, 220),
        Phase::Available => Color32::from_rgb(46, 160, 67),
        Phase::Deprecated => Color32::from_rgb(210, 150, 20),
        Phase::Unknown => Color32::from_rgb(130, 130, 140),
    }
}

/// Draw the timeline; returns a platform id when a row is clicked.
pub fn ui(
    ui: &mut Ui,
    catalog: &Catalog,
    filter: &PlatformFilter,
    selected: Option<&str>,
) -> Option<String> {
    let today_date = chrono::Local::now().date_naive();
    let today = year(today_date);
    let platforms = query::platforms(catalog, filter, SortColumn::FirstSeen, true);
    let (dated, undated): (Vec<&Platform>, Vec<&Platform>) =
        platforms.iter().partition(|p| p.dates.first().is_some());

    ui.horizontal_wrapped(|ui| {
        for (label, phase) in [
            ("preview", Phase::Preview),
            ("available", Phase::Available),
            ("deprecated", Phase::Deprecated),
        ] {
            widgets::badge(ui, label, phase_color(phase));
        }
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
        ended_marker(ui.painter(), rect.center());
        ui.label(RichText::new("ended, date unknown").weak());
        ui.label(RichText::new("red dot: shutdown · red line: today").weak());
        ui.label(
            RichText::new(format!(
                "{} of {} platforms have dates",
                dated.len(),
                platforms.len()
            ))
            .weak(),
        );
    });

    let first_year = dated
        .iter()
        .filter_map(|p| p.dates.first())
        .map(|d| d.date.year())
        .min()
        .unwrap_or(2012)
        .min(today_date.year() - 1);
    let last_year = today_date.year() + 1;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width().max(LABEL_WIDTH + 300.0);
            let height = AXIS_HEIGHT + ROW_HEIGHT * dated.len() as f32;
            let (area, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
            let painter = ui.painter_at(area);
            let visuals = ui.visuals().clone();
            let plot_left = area.left() + LABEL_WIDTH;
            let span_years = f64::from(last_year - first_year);
            let x_of = |y: f64| {
                plot_left
                    + ((y - f64::from(first_year)) / span_years) as f32
                        * (area.right() - plot_left - 8.0)
            };
            let font = FontId::proportional(12.0);

            for y in first_year..=last_year {
                let x = x_of(f64::from(y));
                painter.line_segment(
                    [
                        egui::pos2(x, area.top() + AXIS_HEIGHT - 4.0),
                        egui::pos2(x, area.bottom()),
                    ],
                    Stroke::new(1.0, visuals.faint_bg_color.gamma_multiply(2.0)),
                );
                if (y - first_year) % 2 == 0 || span_years < 12.0 {
                    painter.text(
                        egui::pos2(x, area.top() + 4.0),
                        Align2::CENTER_TOP,
                        y.to_string(),
                        font.clone(),
                        visuals.weak_text_color(),
                    );
                }
            }

            for (index, platform) in dated.iter().enumerate() {
                let top = area.top() + AXIS_HEIGHT + ROW_HEIGHT * index as f32;
                let row =
                    Rect::from_min_size(egui::pos2(area.left(), top), Vec2::new(width, ROW_HEIGHT));
                let response = ui.interact(
                    row,
                    ui.scope_id().with(("timeline_row", &platform.id)),
                    Sense::click(),
                );
                let summary = format!(
                    "{}: {} – {}",
                    platform.name,
                    platform
                        .dates
                        .first()
                        .map(|d| d.label())
                        .unwrap_or_default(),
                    platform
                        .dates
                        .shutdown
                        .map(|d| format!("shut down {}", d.label()))
                        .unwrap_or_else(|| match platform.status {
                            Status::Retired | Status::Archived => {
                                format!("{}, end date unknown", platform.status.label())
                            }
                            _ => platform.status.label().to_owned(),
                        })
                );
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &summary));
                if selected == Some(platform.id.as_str()) {
                    painter.rect_filled(row, 0.0, visuals.selection.bg_fill.gamma_multiply(0.5));
                } else if response.hovered() {
                    painter.rect_filled(
                        row,
                        0.0,
                        visuals.widgets.hovered.bg_fill.gamma_multiply(0.6),
                    );
                }
                painter.text(
                    egui::pos2(area.left() + 4.0, top + ROW_HEIGHT / 2.0),
                    Align2::LEFT_CENTER,
                    &platform.name,
                    font.clone(),
                    visuals.text_color(),
                );
                for span in spans(platform, today) {
                    if span.phase == Phase::Unknown {
                        ended_marker(
                            &painter,
                            egui::pos2(x_of(span.from) + 10.0, top + ROW_HEIGHT / 2.0),
                        );
                        continue;
                    }
                    let from = x_of(span.from);
                    let to = x_of(span.to).max(from + 3.0);
                    let bar =
                        Rect::from_x_y_ranges(from..=to, (top + 5.0)..=(top + ROW_HEIGHT - 5.0));
                    painter.rect_filled(bar, 3.0, phase_color(span.phase));
                }
                if let Some(shutdown) = platform.dates.shutdown {
                    painter.circle_filled(
                        egui::pos2(x_of(shutdown.year_fraction()), top + ROW_HEIGHT / 2.0),
                        4.0,
                        Color32::from_rgb(215, 70, 60),
                    );
                }
                if response.clicked() {
                    clicked = Some(platform.id.clone());
                }
                response.on_hover_text(&summary);
            }

            let x = x_of(today);
            painter.line_segment(
                [
                    egui::pos2(x, area.top() + AXIS_HEIGHT - 6.0),
                    egui::pos2(x, area.bottom()),
                ],
                Stroke::new(1.5, Color32::from_rgb(215, 70, 60)),
            );
            painter.text(
                egui::pos2(x - 3.0, area.top() + AXIS_HEIGHT - 6.0),
                Align2::RIGHT_BOTTOM,
                "today",
                font.clone(),
                Color32::from_rgb(215, 70, 60),
            );

            if !undated.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(format!(
                        "No dates in the sources: {}",
                        undated
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .weak(),
                );
            }
        });
    clicked
}

/// "Ended at a date the sources do not give": a grey ringed question mark.
fn ended_marker(painter: &egui::Painter, center: egui::Pos2) {
    let color = phase_color(Phase::Unknown);
    painter.circle_stroke(center, 7.0, Stroke::new(1.5, color));
    painter.text(
        center,
        Align2::CENTER_CENTER,
        "?",
        FontId::proportional(11.0),
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn a_retired_platform_ends_at_its_shutdown_and_a_live_one_reaches_today() {
        let catalog = Catalog::builtin().unwrap();
        let today = 2026.9;
        let ibm = spans(catalog.platform("ibm-cloud-functions").unwrap(), today);
        let last = ibm.last().unwrap();
        assert!(last.to < 2025.0, "{ibm:?}");
        let lambda = spans(catalog.platform("aws-lambda").unwrap(), today);
        assert_eq!(lambda.last().unwrap().to, today);
        assert!(lambda.first().unwrap().from < 2015.0);
    }

    #[test]
    fn a_platform_that_ended_at_an_unknown_date_never_reaches_today() {
        let catalog = Catalog::builtin().unwrap();
        let today = 2026.9;
        let ended: Vec<&Platform> = catalog
            .platforms
            .iter()
            .filter(|p| {
                matches!(p.status, Status::Retired | Status::Archived)
                    && p.dates.shutdown.is_none()
                    && p.dates.first().is_some()
            })
            .collect();
        assert!(!ended.is_empty(), "the catalog has such platforms");
        for platform in ended {
            let spans = spans(platform, today);
            assert!(
                spans.iter().all(|s| s.to < today),
                "{} is drawn to today: {spans:?}",
                platform.id
            );
            let last = spans.last().unwrap();
            assert_eq!(last.phase, Phase::Unknown, "{}", platform.id);
        }
        // Kubeless: deprecated in December 2021, archived since; the
        // deprecation shows, and stops where the sources stop.
        let kubeless = spans(catalog.platform("kubeless").unwrap(), today);
        let deprecated = kubeless
            .iter()
            .find(|s| s.phase == Phase::Deprecated)
            .unwrap();
        assert!(deprecated.to < 2022.0, "{kubeless:?}");
    }
}
