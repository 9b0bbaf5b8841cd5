//! Bar charts as server-rendered SVG, for the yearly figures' pages: each
//! with a title and a description for screen readers (the data table sits
//! beside it), values written on the bars, and two series told apart by
//! lightness and a hatch as well as by hue (dark blue, light orange with
//! diagonal lines), so that they survive greyscale printing and colour
//! blindness.

/// One series of values, one per category.
pub(super) struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

const WIDTH: f64 = 640.0;
const BAR_AREA: f64 = 200.0;
const TOP: f64 = 40.0;
const LEFT: f64 = 48.0;
/// (fill, stroke, the hatch's id suffix if any), per series.
const STYLES: [(&str, &str, Option<&str>); 2] = [
    ("#1d4f91", "#0b2545", None),
    ("#f5b94a", "#7a4d00", Some("hatch")),
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Bars of `series` side by side per category (at most two series). With
/// `fewer` = (min, words), a value of 1 to min − 1 is drawn as no bar and
/// written as the words (「3未満」), as the tables for outside the office do.
pub(super) fn bars(
    id: &str,
    title: &str,
    desc: &str,
    categories: &[String],
    series: &[Series],
    fewer: Option<(f64, &str)>,
) -> String {
    let n = categories.len().max(1) as f64;
    let group = (WIDTH - LEFT - 16.0) / n;
    let bar = (group * 0.8 / series.len().max(1) as f64).min(40.0);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let height = TOP + BAR_AREA + 64.0;
    let base = TOP + BAR_AREA;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>\
         <defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#f5b94a\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7a4d00\" stroke-width=\"2\"/></pattern></defs>",
        escape(title),
        escape(desc)
    );
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#1a1a1a\"/>",
        WIDTH - 8.0
    ));
    for (c, category) in categories.iter().enumerate() {
        let x0 = LEFT + group * c as f64 + group * 0.1;
        for (s, ser) in series.iter().enumerate().take(2) {
            let v = ser.values.get(c).copied().unwrap_or(0.0);
            let hidden = fewer.filter(|(min, _)| v > 0.0 && v < *min);
            let h = if hidden.is_some() {
                0.0
            } else {
                BAR_AREA * v / max
            };
            let shown = hidden.map_or_else(|| number(v), |(_, words)| escape(words));
            let x = x0 + bar * s as f64;
            let (fill, stroke, hatch) = STYLES[s];
            let fill = hatch.map_or(fill.to_string(), |h| format!("url(#{id}-{h})"));
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\" stroke=\"{stroke}\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
                base - h,
                bar - 2.0,
                x + bar / 2.0 - 1.0,
                base - h - 3.0,
                shown
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
            x0 + group * 0.4,
            base + 16.0,
            escape(category)
        ));
    }
    // The legend, below the axis.
    for (s, ser) in series.iter().enumerate().take(2) {
        let (fill, stroke, hatch) = STYLES[s];
        let fill = hatch.map_or(fill.to_string(), |h| format!("url(#{id}-{h})"));
        let x = LEFT + 180.0 * s as f64;
        let y = base + 34.0;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"{stroke}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            x + 20.0,
            y + 12.0,
            escape(&ser.label)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_has_a_title_a_description_and_its_values() {
        let svg = bars(
            "trend",
            "年度別の相談件数",
            "弁護士と臨床心理士の延べ件数",
            &["平成27年度".into(), "令和元年度".into()],
            &[
                Series {
                    label: "弁護士".into(),
                    values: vec![20.0, 7.0],
                },
                Series {
                    label: "臨床心理士<".into(),
                    values: vec![19.0, 2.0],
                },
            ],
            Some((3.0, "3未満")),
        );
        assert!(svg.starts_with(
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"trend-title trend-desc\""
        ));
        assert!(svg.contains("<title id=\"trend-title\">年度別の相談件数</title>"));
        assert!(svg.contains(">19</text>") && svg.contains(">平成27年度</text>"));
        assert!(
            svg.contains(">3未満</text>") && !svg.contains(">2</text>"),
            "a small number is hidden"
        );
        assert!(
            svg.contains("url(#trend-hatch)"),
            "the second series is hatched"
        );
        assert!(svg.contains("臨床心理士&lt;"), "text is escaped");
    }
}
