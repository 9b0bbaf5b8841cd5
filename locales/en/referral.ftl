## Referrals: the person's mail (where they were referred, what was passed on), and the items the receiving service's mail shares with it
## Subjects name neither the trouble nor the service

referral-made-subject = A service we put you in touch with (Sendai City)
referral-made-body = With your consent, we have put you in touch with the service we talked about at the consultation. You can reach it as follows.
referral-made-they-call = The service will contact you. If you hear nothing for a while, please tell us (see below).
referral-made-you-call = Please contact the service yourself.
referral-made-passed = We passed on only the following.
referral-made-nothing-passed = We passed on neither your name nor your contact details.
referral-made-withdraw = You may withdraw your consent at any time, from the page linked in your booking confirmation or by telling us (see below). The service then no longer sees what was passed on.
referral-made-service = Service
referral-made-phone = Phone
referral-made-hours = Hours
referral-mail-number = Reference
referral-mail-name = Name
referral-mail-contact-by = How to contact
referral-mail-phone = Phone number
referral-mail-email = Email address
referral-mail-topic = Kind of consultation
referral-mail-note = Note for the service (agreed by the person)
referral-contact-phone = Wishes to be called
referral-contact-email = Wishes to be contacted by email
referral-contact-none = No contact needed (the person will get in touch)

# The consent the professional shows (or reads) to the person; when it changes, change referral::CONSENT_VERSION too
referral-consent-text = I agree that, to refer me to a service, only what I choose of my name, my contact details and a note for the service is passed on to it. Of what I talked about, only its kind is passed on, and only if I agree. I may withdraw this consent at any time; the service then no longer sees what was passed on.

## The booking's page: the services the person was put in touch with
referral-manage-heading = Services we put you in touch with
referral-manage-status = Status
referral-manage-open = We have told the service
referral-manage-connected = You are in touch with the service
referral-manage-not-taken = The service could not take this on. Please ask us (see below)
referral-manage-declined = You declined
referral-manage-withdrawn = You withdrew your consent
referral-manage-closed = Closed
referral-manage-withdraw = Withdraw my consent
referral-manage-withdraw-hint = The service will no longer see what was passed on, and will be told.
referral-withdrawn-heading = Your consent is withdrawn
referral-withdrawn-note = The service no longer sees what was passed on, and has been told.
referral-follow-up-name = Follow-up consultation (evening consultation)
