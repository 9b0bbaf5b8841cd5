//! The frame of every staff screen (事務局): the words of the language it is
//! shown in, the language chooser, who is signed in and the sign-in's CSRF
//! token for the forms.

use crate::domain::staff::Role;
use crate::domain::Lang;
use crate::i18n::{has_staff_screens, role_label, staff_lang, texts, Texts};
use crate::web::context::RequestContext;
use crate::web::pages::{switch_url, LanguageLink};
use crate::web::StaffCaller;

/// What `templates/staff/layout.html` shows around a staff screen.
pub(crate) struct StaffFrame {
    pub(crate) t: &'static Texts,
    /// The language shown: the one chosen, or Japanese where it has no
    /// staff screens (やさしい日本語).
    pub(crate) lang: Lang,
    /// The languages the staff screens exist in, each named in itself.
    pub(crate) languages: Vec<LanguageLink>,
    /// 「氏名（役割）」 of the member signed in.
    pub(crate) who: Option<String>,
    /// The sign-in's CSRF token, for the forms (none with a bearer token).
    pub(crate) csrf: String,
}

impl StaffFrame {
    /// The frame of a screen for the caller signed in.
    pub(crate) fn new(caller: &StaffCaller) -> StaffFrame {
        let ctx = RequestContext::current();
        frame(
            &ctx,
            Some((&caller.name, caller.member.role)),
            caller.csrf.clone().unwrap_or_default(),
        )
    }

    /// The frame of the sign-in page: nobody is signed in.
    pub(crate) fn signed_out() -> StaffFrame {
        frame(&RequestContext::current(), None, String::new())
    }

    /// The frame of an error page: the member the request's extractor
    /// found, if any.
    pub(crate) fn of_request(ctx: &RequestContext) -> StaffFrame {
        let signed_in = ctx.signed_in.get();
        frame(
            ctx,
            signed_in.map(|s| (s.name.as_str(), s.role)),
            signed_in.map(|s| s.csrf.clone()).unwrap_or_default(),
        )
    }
}

fn frame(ctx: &RequestContext, who: Option<(&str, Role)>, csrf: String) -> StaffFrame {
    let lang = staff_lang(ctx.lang);
    let t = texts(lang);
    StaffFrame {
        t,
        lang,
        languages: ctx
            .settings
            .offered_languages()
            .into_iter()
            .filter(|l| has_staff_screens(*l))
            .map(|l| LanguageLink {
                href: switch_url(&ctx.path, l.code()),
                name: texts(l).language_name,
                tag: texts(l).language_tag,
                current: l == lang,
            })
            .collect(),
        who: who.map(|(name, role)| t.staff_name_and_detail(role_label(role, lang), name)),
        csrf,
    }
}
