//! The JSON API's one route list. [`routes`] declares every route of
//! `/api/v1/…` (and `/healthz`) once, with the handler's `#[utoipa::path]`;
//! the same list serves the requests ([`router`]) and makes the OpenAPI
//! document ([`document`], served at `GET /api/v1/openapi.json`). The
//! request and response types, with the limits the server enforces, are
//! in [`evening`], [`staff`] and [`health`]; what every operation may also
//! answer (400, 413, 415 and 422 for a JSON body, 404 for an unknown id or
//! token, 401 and 403 for the staff) is added here by [`complete`], from
//! the operation's own shape, so no operation can forget one.

pub mod directory;
pub mod evening;
pub mod figures;
pub mod health;
pub mod outreach;
pub mod referral;
pub mod schemas;
pub mod staff;

use super::{
    api, directory_api, figures_api, health_api, outreach_api, referral_api, staff_api,
    staff_directory_api,
};
use crate::state::AppState;
use axum::Json;
use std::sync::OnceLock;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, ResponseBuilder};
use utoipa::{PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of the JSON API, each declared once.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(base())
        .routes(routes!(api::healthz))
        .routes(routes!(openapi))
        .routes(routes!(api::evening_sessions))
        .routes(routes!(directory_api::needs))
        .routes(routes!(directory_api::services))
        .routes(routes!(directory_api::service))
        .routes(routes!(staff_directory_api::add))
        .routes(routes!(staff_directory_api::change))
        .routes(routes!(staff_directory_api::confirm))
        .routes(routes!(api::create_evening_booking))
        .routes(routes!(api::managed))
        .routes(routes!(api::manage_cancel))
        .routes(routes!(api::manage_move))
        .routes(routes!(referral_api::withdraw))
        .routes(routes!(referral_api::refer))
        .routes(routes!(referral_api::consent_text))
        .routes(routes!(referral_api::open_list))
        .routes(routes!(referral_api::close))
        .routes(routes!(referral_api::figures))
        .routes(routes!(referral_api::service_view))
        .routes(routes!(referral_api::service_step))
        .routes(routes!(outreach_api::subscribe))
        .routes(routes!(outreach_api::unsubscribe))
        .routes(routes!(outreach_api::next))
        .routes(routes!(outreach_api::staff_figures))
        .routes(routes!(figures_api::evening_figures))
        .routes(routes!(figures_api::health_figures))
        .routes(routes!(api::create_waitlist_entry))
        .routes(routes!(api::offer))
        .routes(routes!(api::offer_accept))
        .routes(routes!(api::offer_decline))
        .routes(routes!(api::staff_create_booking))
        .routes(routes!(api::staff_join_waitlist))
        .routes(routes!(api::staff_cancel))
        .routes(routes!(api::staff_move))
        .routes(routes!(api::staff_booking_mail))
        .routes(routes!(staff_api::attendance))
        .routes(routes!(staff_api::roster))
        .routes(routes!(staff_api::day_sheet))
        .routes(routes!(staff_api::assign))
        .routes(routes!(staff_api::add_professional))
        .routes(routes!(staff_api::audit_log))
        .routes(routes!(staff_api::add_session))
        .routes(routes!(staff_api::cancel_session))
        .routes(routes!(staff_api::move_session))
        .routes(routes!(staff_api::restore_session))
        .routes(routes!(staff_api::generate))
        .routes(routes!(health_api::create_request))
        .routes(routes!(health_api::managed))
        .routes(routes!(health_api::update_contact))
        .routes(routes!(health_api::withdraw))
        .routes(routes!(health_api::accept))
        .routes(routes!(health_api::decline))
        .routes(routes!(health_api::queue))
        .routes(routes!(health_api::move_request))
        .routes(routes!(health_api::blocks, health_api::add_block))
        .routes(routes!(health_api::propose))
        .routes(routes!(health_api::confirm))
        .routes(routes!(health_api::roster))
        .routes(routes!(health_api::figures))
        .routes(routes!(health_api::attendance))
        .routes(routes!(health_api::after_no_show))
        .routes(routes!(health_api::answer_for))
}

/// The API's routes, to be merged into the application's router.
pub fn router() -> axum::Router<AppState> {
    routes().split_for_parts().0
}

/// The OpenAPI document of [`routes`], made once.
pub fn document() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = routes().split_for_parts().1;
        complete(&mut doc);
        doc
    })
}

/// `GET /api/v1/openapi.json`: this document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object)))]
pub async fn openapi() -> Json<&'static OpenApi> {
    Json(document())
}

const STAFF_SCHEME: &str = "staffToken";

fn base() -> OpenApi {
    let mut doc = OpenApi::default();
    doc.info.title = "Tsunagu API".into();
    doc.info.version = env!("CARGO_PKG_VERSION").into();
    doc.info.description = Some(
        "Evening consultations (仕事とこころの相談会) and the regional occupational health \
         centre (地域産業保健センター) of Sendai. Errors are `{error, message}`; a 422 adds \
         `fields`, the message for each refused field."
            .into(),
    );
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        STAFF_SCHEME,
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "A token from `tsunagu staff token`, or staff.api_token from the configuration",
                ))
                .build(),
        ),
    );
    components.schemas.insert(
        schemas::ErrorBody::name().into(),
        schemas::ErrorBody::schema(),
    );
    doc
}

/// Adds to every operation what its shape implies: the error answers of
/// a JSON body, of an id or token in the path, of the staff's token.
fn complete(doc: &mut OpenApi) {
    for (path, item) in doc.paths.paths.iter_mut() {
        for op in operations(item) {
            let staff = path.starts_with("/api/v1/staff/");
            if let Some(body) = &op.request_body {
                let required = matches!(body.required, Some(utoipa::openapi::Required::True));
                let what = if required {
                    ""
                } else {
                    " (when a body is sent)"
                };
                error(op, "400", &format!("Not JSON, or not an object{what}"));
                error(op, "413", "The body is larger than the server takes");
                error(op, "415", &format!("Not `application/json`{what}"));
                error(
                    op,
                    "422",
                    "Refused fields, each with its message (`fields`)",
                );
            }
            if path.contains('{') {
                error(
                    op,
                    "404",
                    "No such record, or a token that is not (or no longer) valid",
                );
            }
            if staff {
                error(op, "401", "No staff token, or one that is not valid");
                error(op, "403", "The member's role may not do this");
                op.security = Some(vec![SecurityRequirement::new(
                    STAFF_SCHEME,
                    Vec::<String>::new(),
                )]);
            }
            error(op, "500", "An internal error (logged with the request id)");
        }
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.post.as_mut(),
        item.put.as_mut(),
        item.delete.as_mut(),
        item.patch.as_mut(),
    ]
    .into_iter()
    .flatten()
}

/// An error answer, unless the operation describes that status itself.
fn error(op: &mut Operation, status: &str, description: &str) {
    if op.responses.responses.contains_key(status) {
        return;
    }
    let response = ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(schemas::ErrorBody::name())))
                .build(),
        )
        .build();
    op.responses
        .responses
        .insert(status.into(), response.into());
}
