## Referrals: the receiving service's mails and page, the office's list of referrals
## Subjects carry neither the person's name nor the trouble

referral-notice-subject = A referral from Sendai City (reference { $number })
referral-notice-greeting = Dear colleagues at { $service }
referral-notice-intro = With their consent, the Sendai City consultation refers the following person to you.
referral-notice-only-consented = We pass on only what the person agreed to. Please record how it goes on the page linked below (no account is needed).
referral-notice-link = Record what happened (the link works until { $until })
referral-withdrawn-subject = A referral is withdrawn (reference { $number })
referral-withdrawn-body = The person has withdrawn their consent to the referral below. What was passed on no longer shows on the page; please delete any copy you keep.

## The receiving service's page (/referrals/…, no account)
referral-page-title = A referral (reference { $number })
referral-page-intro = A person the Sendai City consultation referred to you with their consent. Only what they agreed to is shown.
referral-page-withdrawn = The person has withdrawn their consent: what was passed on is no longer shown. Please delete any copy you keep.
referral-page-shared = What was passed on
referral-page-nothing-shared = Neither a name nor contact details were passed on: the person will contact you.
referral-page-status = Where it stands
referral-page-history = What has been recorded
referral-page-record = Record what happened
referral-page-choose = What happened
referral-page-note = Note
referral-page-note-hint = Anything the office should know (optional, up to 400 characters). Please do not write what the person consulted about.
referral-page-submit = Record
referral-page-recorded = Recorded. Thank you.
referral-page-closed = Nothing more can be recorded for this referral.
referral-page-conflict = This cannot be recorded now (another record came first, or the referral has ended).
referral-page-expires = This page works until { $until }.
referral-actor-service = The service
referral-actor-person = The person
referral-actor-office = The office
referral-status-sent = Referred
referral-status-contacted = Contacted
referral-status-connected = Connected
referral-status-unreachable = Could not be reached
referral-status-not-eligible = Not eligible
referral-status-no-capacity = Cannot take them
referral-status-declined = The person declined
referral-status-withdrawn = The person withdrew consent
referral-status-closed = Closed

## The office's weekly mail: referrals with no news
staff-referrals-mail-subject = Referrals to follow up (week of { $week })
staff-referrals-mail-intro = These { $count } referrals have had no update for { $days } days or more. Please check with the service or the person, then record where they stand in the list, or close them with their outcome.
staff-referrals-mail-entry = { $number } ({ $service })
staff-referrals-mail-since = last update { $last } (referred { $made }, { $status })
staff-referrals-mail-link = The referrals

## The office's list of referrals (/staff/referrals)
staff-referrals-link = Referrals
staff-referrals-title = Referrals (where they stand)
staff-referrals-intro = Each person referred is followed here until they reach the service. One with no update for { $days } days or more is marked "to check". Closing one with its outcome takes it off the list.
staff-referrals-none = No referral is being followed.
staff-referrals-caption = Referrals being followed
staff-referrals-number = Reference
staff-referrals-booking = Booking
staff-referrals-service = Service
staff-referrals-status = Status
staff-referrals-made = Referred (by)
staff-referrals-last = Last update
staff-referrals-age = day { $days }
staff-referrals-overdue = to check
staff-referrals-outcome = Outcome
staff-referrals-close = Close
staff-referrals-back = Back to the roster
staff-done-referral-closed = The referral is closed.

## Referring (professionals and the office, from a booking)
staff-refer-link = Refer
staff-refer-title = Refer (booking { $booking })
staff-refer-intro = Refer the person to a service, with their consent. Only what they choose is passed on, and the office follows it with them.
staff-refer-service = Service
staff-refer-service-fit = Services for this consultation
staff-refer-follow-up = Follow-up consultation (hold a slot of a later evening)
staff-refer-service-other = Other services
staff-refer-choose = Choose one
staff-refer-consent-heading = What the person is told, and their consent
staff-refer-consent-read = Show or read the following to the person and ask for their consent.
staff-refer-consent = The person consented to the text above
staff-refer-contact = Contact from the service
staff-refer-contact-phone = Wishes to be called
staff-refer-contact-email = Wishes to be contacted by email
staff-refer-contact-none = No contact (the person will contact the service)
staff-refer-share = What may be passed on
staff-refer-share-name = Name
staff-refer-share-contact = Contact details (the phone number or email address of the way chosen)
staff-refer-share-note = The note for the service
staff-refer-share-topic = The kind of consultation
staff-refer-note = Note for the service
staff-refer-note-hint = In words the person agreed to (up to 400 characters). Passed on only when "the note for the service" is chosen.
staff-refer-submit = Refer
staff-done-referred = Referred. The service and the person are told by mail.

## The day sheet: follow-up consultations
staff-follow-up-note = From the previous consultant (agreed by the person)
