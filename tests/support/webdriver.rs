//! A small W3C WebDriver client over HTTP (reqwest), driving Debian's
//! headless Chromium through chromedriver.

use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};

/// The chromedriver process, ended when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Browser {
    _driver: Driver,
    base: String,
    session: String,
    http: reqwest::Client,
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
        let driver = Driver(
            Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver starts"),
        );
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let profile = tempfile::tempdir().unwrap().keep();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": which("chromium").unwrap_or_else(|| "/usr/bin/chromium".into()),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--lang=ja", format!("--user-data-dir={}", profile.display())]
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
                        return Some(Browser {
                            _driver: driver,
                            base,
                            session: id.to_string(),
                            http,
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

fn which(program: &str) -> Option<String> {
    std::env::var("PATH")
        .ok()?
        .split(':')
        .map(|d| format!("{d}/{program}"))
        .find(|p| std::path::Path::new(p).exists())
}
