//! Request bodies read strictly: a form whose text is not UTF-8, JSON with
//! a key given twice, or JSON sent under another media type is refused
//! whole, before any handler sees it.

use super::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::{Deserialize, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A request body within the size limit, or an [`AppError`].
async fn body_bytes<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest(rejection.body_text())
            }
        })
}

/// `application/json`, with parameters (`; charset=utf-8`) or without;
/// nothing else (`application/jsonx-evil`, `text/plain`).
fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// A JSON body read into `T`, a struct of [`Field`](super::field::Field)s
/// (so that every bad field gets its own message), or a bare value. A body
/// that is not an object where `T` wants one is a 400.
pub struct JsonBody<T = Value>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&request) {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = body_bytes(request, state).await?;
        typed(parse_json(&bytes)?).map(JsonBody)
    }
}

/// A JSON body that may be left out (`T::default()` then).
pub struct MaybeJson<T = Value>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for MaybeJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = is_json(&request);
        let bytes = body_bytes(request, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(MaybeJson(T::default()));
        }
        if !json {
            return Err(AppError::UnsupportedMediaType);
        }
        typed(parse_json(&bytes)?).map(MaybeJson)
    }
}

/// A strictly read value as `T`.
fn typed<T: DeserializeOwned>(value: Value) -> Result<T, AppError> {
    T::deserialize(value).map_err(|_| AppError::BadRequest("the body must be a JSON object".into()))
}

/// JSON text as a value; an object that names a key twice is refused
/// (otherwise the last one would silently win).
pub fn parse_json(bytes: &[u8]) -> Result<Value, AppError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = StrictValue::deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v.0))
        .map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))?;
    Ok(value)
}

/// A JSON value whose objects have no key twice.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let StrictValue(value) = map.next_value()?;
            if object.insert(key.clone(), value).is_some() {
                return Err(serde::de::Error::custom(format!(
                    "the key \"{key}\" is given twice"
                )));
            }
        }
        Ok(Value::Object(object))
    }
}

/// An `application/x-www-form-urlencoded` body as name/value pairs. Text
/// that is not UTF-8 once decoded (`%FF%FE`) is refused, never replaced
/// by U+FFFD and stored.
pub struct FormBody(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_bytes(request, state).await?;
        parse_form(&bytes).map(FormBody)
    }
}

/// Form pairs, strictly decoded.
pub fn parse_form(bytes: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    bytes
        .split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|b| *b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

/// `+` is a space, `%XX` a byte; the bytes must be UTF-8.
fn decode(raw: &[u8]) -> Result<String, AppError> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = raw
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| AppError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_strictly() {
        let pairs =
            parse_form(b"name=%E4%BB%99%E5%8F%B0+%E5%A4%AA%E9%83%8E&empty=&flag&p=100%").unwrap();
        assert_eq!(
            pairs,
            [
                ("name".to_string(), "仙台 太郎".to_string()),
                ("empty".into(), String::new()),
                ("flag".into(), String::new()),
                ("p".into(), "100%".into()),
            ]
        );
        assert!(matches!(parse_form(b"name=%FF%FE"), Err(AppError::NotUtf8)));
        assert!(matches!(parse_form(b"%C3=x"), Err(AppError::NotUtf8)));
    }

    #[test]
    fn json_keys_once() {
        assert!(parse_json(br#"{"a": {"b": 1}, "c": [{"d": 2}]}"#).is_ok());
        for twice in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"x": {"b": 1, "b": 1}}"#,
            r#"[{"k": 1, "k": 1}]"#,
        ] {
            assert!(
                matches!(parse_json(twice.as_bytes()), Err(AppError::BadRequest(_))),
                "{twice}"
            );
        }
        assert!(parse_json(b"{} x").is_err());
    }
}
