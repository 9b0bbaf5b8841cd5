//! A small W3C WebDriver client over HTTP (reqwest), driving Debian's
//! headless Chromium through chromedriver. Every page the test visits is
//! checked by axe-core (WCAG 2.1 A and AA) before the test reads it.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// chromedriver and the Chromium it starts, in a process group of their own.
/// Dropping it (at the end of a test, or while a failed assertion unwinds)
/// ends the WebDriver session, so Chromium quits, then kills what is left
/// of the group, so no browser outlives the test.
struct Driver {
    child: Child,
    port: u16,
    session: Option<String>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            end_session(self.port, &session);
        }
        // The group's id is chromedriver's pid (`process_group(0)`). A
        // direct killpg, not the `kill` command, whose parsing of a negative
        // id differs between versions.
        if let Ok(group) = libc::pid_t::try_from(self.child.id()) {
            if group > 1 {
                // SAFETY: killpg only sends a signal; the group is our own child's.
                unsafe {
                    libc::killpg(group, libc::SIGKILL);
                }
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `DELETE /session/{id}` without the async runtime, which may be gone or
/// panicking when this runs.
fn end_session(port: u16, session: &str) {
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
    }
}

pub struct Browser {
    /// chromedriver and its Chromium, stopped when dropped.
    _driver: Driver,
    base: String,
    session: String,
    http: reqwest::Client,
    axe: Option<String>,
    _profile: tempfile::TempDir,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    /// Starts chromedriver and a headless Chromium. `None` when chromedriver
    /// is not installed and this is not CI (where it must be).
    pub async fn start() -> Option<Browser> {
        if which("chromedriver").is_none() {
            assert!(
                std::env::var("CI").is_err(),
                "chromedriver must be installed in CI (.ci/run installs it)"
            );
            eprintln!("chromedriver not installed: browser test skipped");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let axe = axe_source();
        let mut driver = Driver {
            child: Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .expect("chromedriver starts"),
            port,
            session: None,
        };
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": which("chromium").unwrap_or_else(|| "/usr/bin/chromium".into()),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--lang=ja", format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let mut last = String::new();
        for _ in 0..50 {
            match http
                .post(format!("{base}/session"))
                .json(&caps)
                .send()
                .await
            {
                Ok(res) => {
                    let v: Value = res.json().await.unwrap();
                    if let Some(id) = v["value"]["sessionId"].as_str() {
                        driver.session = Some(id.to_string());
                        return Some(Browser {
                            _driver: driver,
                            base,
                            session: id.to_string(),
                            http,
                            axe,
                            _profile: profile,
                        });
                    }
                    last = v.to_string();
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        panic!("no browser session: {last}");
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let request = self.http.request(method.clone(), url);
        let request = if method == reqwest::Method::GET {
            request
        } else {
            request.json(&body)
        };
        let res = request.send().await.unwrap();
        let v: Value = res.json().await.unwrap();
        assert!(v["value"].get("error").is_none(), "webdriver {path}: {v}");
        v["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
        self.check_accessibility().await;
    }

    /// Runs axe-core on the page now shown, once per page load, and fails
    /// the test on any WCAG 2.1 A or AA violation.
    pub async fn check_accessibility(&self) {
        let Some(axe) = &self.axe else { return };
        let script = format!(
            "const done = arguments[arguments.length - 1];
             if (window.__axeChecked) {{ done(null); return; }}
             {axe}
             window.__axeChecked = true;
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})
               .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                 + v.nodes.map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));"
        );
        let found = self
            .call(
                reqwest::Method::POST,
                "/execute/async",
                json!({ "script": script, "args": [] }),
            )
            .await;
        if let Some(violations) = found.as_array() {
            let url = self.url().await;
            assert!(
                violations.is_empty(),
                "axe-core on {url}:\n{}",
                violations
                    .iter()
                    .map(|v| v.as_str().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }

    /// The element that has the focus, as `tag#id` (for focus checks).
    pub async fn focused(&self) -> String {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": "const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');", "args": [] }),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    pub async fn find(&self, css: &str) -> String {
        let v = self
            .call(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("{css}: {v}"))
            .to_string()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{el}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    /// Empties a text field.
    pub async fn clear(&self, css: &str) {
        let el = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{el}/clear"),
            json!({}),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let el = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{el}/click"),
            json!({}),
        )
        .await;
    }

    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", Value::Null)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The page source once it contains `text` (pages load after a click).
    pub async fn wait_for(&self, text: &str) -> String {
        for _ in 0..100 {
            let source = self.source().await;
            if source.contains(text) {
                self.check_accessibility().await;
                return source;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the page never showed {text}: {}", self.source().await);
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }
}

/// axe-core's script, from `TSUNAGU_AXE_JS` (set by `.ci/run`, which installs
/// it from the npm registry). Outside CI a missing script skips the checks.
fn axe_source() -> Option<String> {
    match std::env::var("TSUNAGU_AXE_JS") {
        Ok(path) => Some(
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("axe-core at {path}: {e}")),
        ),
        Err(_) => {
            assert!(
                std::env::var("CI").is_err(),
                "TSUNAGU_AXE_JS must point at axe.min.js in CI (.ci/run installs it)"
            );
            eprintln!("TSUNAGU_AXE_JS not set: accessibility checks skipped");
            None
        }
    }
}

fn which(program: &str) -> Option<String> {
    std::env::var("PATH")
        .ok()?
        .split(':')
        .map(|d| format!("{d}/{program}"))
        .find(|p| std::path::Path::new(p).exists())
}
