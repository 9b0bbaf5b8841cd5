//! One field of a typed JSON body, read leniently: a field of the wrong
//! JSON type does not refuse the whole body (a 400), it is kept as that
//! field's own error, so that every bad field gets its own 422 message.
//! Absent and `null` are the same: not given.

use crate::domain::{FieldError, FieldErrors};
use serde::de::{Deserialize, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// A field as it came: not given, given as its type, or given as another.
#[derive(Debug, Clone, Default)]
pub enum Field<T> {
    #[default]
    Absent,
    Given(T),
    Wrong(FieldError),
}

/// What a field of this type says when the JSON gives another type.
pub trait Lenient: DeserializeOwned {
    const WRONG: FieldError = FieldError::WrongType;
}

impl Lenient for String {}
impl Lenient for bool {}
impl Lenient for Vec<Value> {}
impl Lenient for Vec<String> {}
impl Lenient for serde_json::Map<String, Value> {}
impl Lenient for Value {}
impl Lenient for i64 {
    const WRONG: FieldError = FieldError::NotANumber;
}

/// Read through `deserialize_option`, so that a field left out of the
/// body is [`Field::Absent`] without `#[serde(default)]` (which would put
/// a default value into the schema).
impl<'de, T: Lenient> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(FieldVisitor(std::marker::PhantomData))
    }
}

struct FieldVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_none<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }
    fn visit_unit<E>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
        let value = Value::deserialize(d)?;
        if value.is_null() {
            return Ok(Field::Absent);
        }
        Ok(match T::deserialize(value) {
            Ok(v) => Field::Given(v),
            Err(_) => Field::Wrong(T::WRONG),
        })
    }
}

impl<T> Field<T> {
    /// The value, or `None` with the reason kept in `errors`.
    pub fn take(self, errors: &mut FieldErrors, field: &'static str) -> Option<T> {
        match self {
            Field::Given(v) => Some(v),
            Field::Absent => None,
            Field::Wrong(e) => {
                errors.insert(field, e);
                None
            }
        }
    }

    /// The value (`None` when not given), or the field's 422.
    pub fn get(self, field: &'static str) -> Result<Option<T>, super::error::AppError> {
        match self {
            Field::Given(v) => Ok(Some(v)),
            Field::Absent => Ok(None),
            Field::Wrong(e) => Err(super::error::invalid(field, e)),
        }
    }

    pub fn is_given(&self) -> bool {
        !matches!(self, Field::Absent)
    }
}

impl Field<String> {
    /// Text as the domain reads it: not given is empty.
    pub fn text(self, errors: &mut FieldErrors, field: &'static str) -> String {
        self.take(errors, field).unwrap_or_default()
    }

    /// Text, or the field's 422 when it is not text.
    pub fn text_or(self, field: &'static str) -> Result<String, super::error::AppError> {
        Ok(self.get(field)?.unwrap_or_default())
    }
}

impl Field<bool> {
    /// `true` only when given as `true`; another JSON type is the field's error.
    pub fn yes(self, errors: &mut FieldErrors, field: &'static str) -> bool {
        self.take(errors, field).unwrap_or(false)
    }
}

/// A whole number given as a JSON number, or as text of digits (ASCII or
/// full-width, as a form would send it, spaces around allowed). Anything
/// else is `NotANumber`; the text is the field's [`Number::PATTERN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number(pub i64);

impl Number {
    /// What text the server reads as a number.
    pub const PATTERN: &'static str = "^\\s*[0-9０-９]+\\s*$";

    fn from_text(s: &str) -> Option<i64> {
        let digits = s.trim();
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            return None;
        }
        crate::domain::values::normalize_text(digits).parse().ok()
    }

    /// The number as text, for the domain's parsers of text fields.
    pub fn text(self) -> String {
        self.0.to_string()
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wrong = || serde::de::Error::custom("not a whole number");
        match Value::deserialize(d)? {
            Value::Number(n) => n.as_i64().map(Number).ok_or_else(wrong),
            Value::String(s) => Number::from_text(&s).map(Number).ok_or_else(wrong),
            _ => Err(wrong()),
        }
    }
}

impl Lenient for Number {
    const WRONG: FieldError = FieldError::NotANumber;
}

/// A number for a parser of the domain that reads text (workers, a
/// block's doctor and capacity): a JSON string as it is, a JSON number
/// written out, so that the domain judges it with the other fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberText(pub String);

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(NumberText(s)),
            Value::Number(n) => Ok(NumberText(n.to_string())),
            _ => Err(serde::de::Error::custom("not a number")),
        }
    }
}

impl Lenient for NumberText {}

/// The schema of a [`Number`] of at least `minimum`.
pub fn number_schema(minimum: i64) -> Schema {
    OneOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .minimum(Some(minimum as f64)),
        )
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(Number::PATTERN))
                .description(Some("the same as digits (full-width allowed)")),
        )
        .into()
}

/// An id: a [`Number`] of at least 1.
pub struct IdSchema;

impl PartialSchema for IdSchema {
    fn schema() -> RefOr<Schema> {
        number_schema(1).into()
    }
}

impl ToSchema for IdSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Id")
    }
}

/// A count: a [`Number`] of at least 1 (workers, capacity).
pub struct CountSchema;

impl PartialSchema for CountSchema {
    fn schema() -> RefOr<Schema> {
        number_schema(1).into()
    }
}

impl ToSchema for CountSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Count")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Body {
        name: Field<String>,
        id: Field<Number>,
    }

    #[test]
    fn wrong_types_stay_with_their_field() {
        let b: Body = serde_json::from_str(r#"{"name": 5, "id": "１２"}"#).unwrap();
        assert!(matches!(b.name, Field::Wrong(FieldError::WrongType)));
        assert!(matches!(b.id, Field::Given(Number(12))));
        let b: Body = serde_json::from_str(r#"{"name": null, "id": "+1"}"#).unwrap();
        assert!(matches!(b.name, Field::Absent));
        assert!(matches!(b.id, Field::Wrong(FieldError::NotANumber)));
        let b: Body = serde_json::from_str(r#"{"id": 1.5}"#).unwrap();
        assert!(matches!(b.name, Field::Absent));
        assert!(matches!(b.id, Field::Wrong(FieldError::NotANumber)));
    }
}
