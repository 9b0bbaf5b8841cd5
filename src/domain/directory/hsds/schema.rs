//! The package's tables and their Table Schemas: HSDS 3's fields that
//! Tsunagu fills, in HSDS's order and with its constraints, then the
//! `tsunagu_…` extension fields.

use serde_json::{json, Value};

/// A field's Table Schema type (and format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Uuid,
    Email,
    Uri,
    Date,
    Time,
    Boolean,
    Integer,
}

/// One field of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub unique: bool,
    pub choices: &'static [&'static str],
    /// Not HSDS: what the extension holds.
    pub extension: Option<&'static str>,
}

const fn f(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
        unique: false,
        choices: &[],
        extension: None,
    }
}

const fn req(mut field: Field) -> Field {
    field.required = true;
    field
}

const fn id() -> Field {
    let mut field = req(f("id", Kind::Uuid));
    field.unique = true;
    field
}

const fn one_of(mut field: Field, choices: &'static [&'static str]) -> Field {
    field.choices = choices;
    field
}

const fn ext(name: &'static str, kind: Kind, what: &'static str) -> Field {
    let mut field = f(name, kind);
    field.extension = Some(what);
    field
}

/// One table of the package (an HSDS object).
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    /// HSDS object name (`service`).
    pub name: &'static str,
    /// The file (`services.csv`).
    pub path: &'static str,
    pub fields: &'static [Field],
    /// `(field, resource)`: the field holds an id of that resource.
    pub references: &'static [(&'static str, &'static str)],
}

impl Resource {
    pub fn header(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.name.to_string()).collect()
    }
}

pub const STATUS: &[&str] = &["active", "inactive", "defunct", "temporarily closed"];

/// Every table, in the order HSDS lists them.
pub const RESOURCES: &[Resource] = &[
    Resource {
        name: "organization",
        path: "organizations.csv",
        fields: &[
            id(),
            req(f("name", Kind::Text)),
            req(f("description", Kind::Text)),
            f("website", Kind::Uri),
        ],
        references: &[],
    },
    Resource {
        name: "service",
        path: "services.csv",
        fields: &[
            id(),
            req(f("organization_id", Kind::Uuid)),
            req(f("name", Kind::Text)),
            f("description", Kind::Text),
            f("url", Kind::Uri),
            f("email", Kind::Email),
            one_of(req(f("status", Kind::Text)), STATUS),
            f("fees_description", Kind::Text),
            f("eligibility_description", Kind::Text),
            f("assured_date", Kind::Date),
            ext(
                "tsunagu_name_en",
                Kind::Text,
                "The service's name in English.",
            ),
            ext(
                "tsunagu_description_en",
                Kind::Text,
                "The description in English.",
            ),
            ext(
                "tsunagu_address",
                Kind::Text,
                "Where one goes, as one line (住所).",
            ),
            ext(
                "tsunagu_hours_note",
                Kind::Text,
                "The hours as the organisation words them.",
            ),
            ext("tsunagu_hours_note_en", Kind::Text, "The hours in English."),
            ext("tsunagu_free", Kind::Boolean, "Costs nothing (無料)."),
            ext(
                "tsunagu_closed_on_holidays",
                Kind::Boolean,
                "Closed on national holidays (祝日).",
            ),
            ext(
                "tsunagu_closed_year_end",
                Kind::Boolean,
                "Closed 12/29 to 1/3 (年末年始).",
            ),
            ext(
                "tsunagu_crisis",
                Kind::Boolean,
                "A line to turn to when one cannot wait, shown on every page.",
            ),
            ext(
                "tsunagu_rank",
                Kind::Integer,
                "Order among the crisis lines and in lists (smaller first).",
            ),
            {
                let mut field = ext(
                    "tsunagu_bookable_here",
                    Kind::Text,
                    "Booked on this site: evening (仕事とこころの相談会) or health (地域産業保健センター).",
                );
                field.choices = &["evening", "health"];
                field
            },
            ext(
                "tsunagu_confirmed_by",
                Kind::Text,
                "Who last confirmed the entry with the organisation (on assured_date).",
            ),
        ],
        references: &[("organization_id", "organization")],
    },
    Resource {
        name: "phone",
        path: "phones.csv",
        fields: &[
            id(),
            f("service_id", Kind::Uuid),
            req(f("number", Kind::Text)),
            one_of(f("type", Kind::Text), &["voice", "text", "fax", "cell"]),
            f("description", Kind::Text),
        ],
        references: &[("service_id", "service")],
    },
    Resource {
        name: "schedule",
        path: "schedules.csv",
        fields: &[
            id(),
            f("service_id", Kind::Uuid),
            f("valid_from", Kind::Date),
            f("valid_to", Kind::Date),
            one_of(f("freq", Kind::Text), &["WEEKLY", "MONTHLY"]),
            f("byday", Kind::Text),
            f("description", Kind::Text),
            f("opens_at", Kind::Time),
            f("closes_at", Kind::Time),
        ],
        references: &[("service_id", "service")],
    },
    Resource {
        name: "taxonomy",
        path: "taxonomies.csv",
        fields: &[
            id(),
            req(f("name", Kind::Text)),
            req(f("description", Kind::Text)),
        ],
        references: &[],
    },
    Resource {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        fields: &[
            id(),
            {
                let mut field = f("code", Kind::Text);
                field.unique = true;
                field
            },
            req(f("name", Kind::Text)),
            req(f("description", Kind::Text)),
            f("taxonomy", Kind::Text),
            f("language", Kind::Text),
            f("taxonomy_id", Kind::Uuid),
        ],
        references: &[("taxonomy_id", "taxonomy")],
    },
    Resource {
        name: "attribute",
        path: "attributes.csv",
        fields: &[
            id(),
            req(f("link_id", Kind::Uuid)),
            req(f("taxonomy_term_id", Kind::Uuid)),
            f("link_type", Kind::Text),
            req(f("link_entity", Kind::Text)),
            f("value", Kind::Text),
        ],
        references: &[("taxonomy_term_id", "taxonomy_term")],
    },
];

/// The resource named `name` (`service`).
pub fn resource(name: &str) -> &'static Resource {
    RESOURCES
        .iter()
        .find(|r| r.name == name)
        .expect("a resource of the package")
}

fn field_schema(field: &Field) -> Value {
    let (kind, format) = match field.kind {
        Kind::Text => ("string", None),
        Kind::Uuid => ("string", Some("uuid")),
        Kind::Email => ("string", Some("email")),
        Kind::Uri => ("string", Some("uri")),
        Kind::Date => ("date", None),
        Kind::Time => ("time", None),
        Kind::Boolean => ("boolean", None),
        Kind::Integer => ("integer", None),
    };
    let mut constraints = json!({"required": field.required, "unique": field.unique});
    if !field.choices.is_empty() {
        constraints["enum"] = json!(field.choices);
    }
    let mut out = json!({"name": field.name, "type": kind, "constraints": constraints});
    if let Some(format) = format {
        out["format"] = json!(format);
    }
    if let Some(what) = field.extension {
        out["description"] = json!(format!("Tsunagu extension to HSDS: {what}"));
    }
    out
}

/// `datapackage.json`: the package's tables with their Table Schemas,
/// keys and references.
pub fn descriptor() -> Value {
    let resources: Vec<Value> = RESOURCES
        .iter()
        .map(|r| {
            let keys: Vec<Value> = r
                .references
                .iter()
                .map(|(field, to)| json!({"fields": field, "reference": {"resource": to, "fields": "id"}}))
                .collect();
            json!({
                "name": r.name,
                "path": r.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": r.fields.iter().map(field_schema).collect::<Vec<_>>(),
                    "primaryKey": ["id"],
                    "foreignKeys": keys,
                },
            })
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "tsunagu-directory",
        "title": "相談先の一覧 (Tsunagu directory of consultation services)",
        "description": "Open Referral HSDS 3.0 tabular data package, with Tsunagu's extension fields (tsunagu_…).",
        "hsds_version": "3.0",
        "resources": resources,
    })
}
