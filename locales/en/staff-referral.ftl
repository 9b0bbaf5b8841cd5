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
