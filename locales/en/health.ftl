## The regional occupational health centre's public pages (the request form and a request's status page)

# The page frame: whom to contact
health-contact = Contact: { $centre }
health-phone = Phone
# Between the names of the areas served (Sendai City and Tomiya City)
health-area-separator = {" and "}
health-errors-heading = Please check the following
health-back-to-form = Back to the request form

## The request form

health-form-heading = Request a doctor's consultation or interview
health-form-intro = For workplaces with fewer than 50 workers in { $area }, free of charge. Requests are scheduled in the order of their legal due dates, then in the order received; we will write to you with a proposed date.
health-ineligible-heading = This centre cannot take this request
health-section-business = Your workplace
health-section-services = What you need
health-section-contact = Person in charge
health-services-legend = Services (choose one or more) and how many workers
# The number before each service's fields
health-mark-1 = 1.
health-mark-2 = 2.
health-mark-3 = 3.
health-mark-4 = 4.
health-kind-consultation = 1. Health consultation for workers (including mental health)
health-kind-checkup-opinion = 2. A doctor's opinion on health-check results
health-kind-long-hours = 3. Interview for workers with long working hours
health-kind-high-stress = 4. Interview for high-stress workers (after the stress check)
health-service-workers = { $mark } Number of workers
health-service-requested-on = { $mark } The day the worker asked for the interview
health-service-checked-on = { $mark } The day of the health check
health-date-hint = e.g. 2027-01-13
health-place-centre = At the centre (Sendai City Medical Association Hall)
health-place-visit = The doctor visits the workplace
health-weekdays-legend = Preferred weekdays (none: any)
health-weekday-mon = Monday
health-weekday-tue = Tuesday
health-weekday-wed = Wednesday
health-weekday-thu = Thursday
health-weekday-fri = Friday
health-weekday-sat = Saturday
health-time-any = Any time
health-time-morning = Morning
health-time-afternoon = Afternoon
health-note-label = Other wishes about dates
health-note-hint = Up to 200 characters. Please do not write workers' names or health details.
health-privacy-heading = How we handle this information
health-privacy-body = The centre uses what you enter only to arrange and carry out the services requested, and keeps it for the time the law requires. Do not enter workers' names or health information here; the doctor will ask what is needed at the interview.
health-consent = I agree to how this information is handled
health-submit = Send the request

# What each field wants
health-hint-address = Including the city, in Japanese or English, e.g. 3-7-1 Kokubuncho, Aoba-ku, Sendai
health-hint-workers = All workers regularly employed, part-time and dispatched included
health-hint-industry = e.g. manufacturing, construction, retail
health-hint-phone = A number we can reach in the daytime, e.g. 022-221-6870
health-hint-email = We send the proposed date to this address.

# The fields' names (also in the list of mistakes)
health-field-business-name = Workplace name
health-field-address = Address
health-field-workers = Number of workers
health-field-industry = Industry
health-field-contact-name = Person in charge
health-field-phone = Phone
health-field-email = Email
health-field-services = Services
health-field-place = Where
health-field-weekdays = Preferred weekdays
health-field-time = Preferred time of day
health-field-note = Other wishes
health-field-consent = Personal information
health-field-service-workers = Number of workers
health-field-requested-on = The day the worker asked
health-field-checked-on = The day of the health check
health-field-other = Input

# Mistakes in the fields (the others are worded as for the evenings)
health-consent-required = To send the request, please agree to how we handle this information.

# Where a workplace the centre does not serve can go ($name: where, $phone: its number)
health-ineligible-too-many-workers = Workplaces of 50 workers or more must appoint an occupational physician of their own (Industrial Safety and Health Act, art. 13) and are not served by the regional centre. For advice on occupational health, please contact the { $name } (phone { $phone }).
health-ineligible-outside-area = This centre serves workplaces in its own area only. Workplaces elsewhere in Miyagi are served by the regional centre of their area; the { $name } (phone { $phone }) can tell you which.

## A request's status page

health-status-heading = Your request
health-created-sent = We have sent a confirmation to { $email }.
health-created-allow = If it does not arrive, please allow mail from this address (mobile carriers often filter unknown senders):
health-created-keep = Keep this page's address: it is the link to your request.
health-number = Request number
health-business = Workplace
health-status = Status
health-status-waiting = Waiting for a date
health-status-proposed = A date is proposed: please answer
health-status-scheduled = Your date is confirmed
health-status-closed = Closed by the centre
health-status-withdrawn = Withdrawn
health-reason = Reason
health-position = Your place in the queue
health-position-value = { $position }
health-expected = Expected
health-expected-month = around { $month }
health-due = Legal due date
health-services = Services
health-service-line = { $service } ({ $workers ->
        [one] 1 worker
       *[other] { $workers } workers
    })
health-late-notice = The expected month is later than the legal due date. The centre has been told and will contact you about the date.
health-proposed-heading = Proposed date
health-appointment-heading = Your appointment
health-when = Date and time
health-place = Place
health-doctor = Doctor
health-visit = The doctor visits your workplace
health-accept = This date suits us
health-another-heading = Ask for another date
health-another-intro = You keep your place in the queue. Tell us which weekdays and times would suit: the next proposal follows them.
health-suit-weekdays = Weekdays that would suit (none: any)
health-suit-time = Time of day that would suit
health-decline-submit = Ask for another date (you keep your place)
health-contact-heading = Change contact details
health-save = Save
health-withdraw-heading = Withdraw the request
health-withdraw-confirm = Yes, withdraw this request (a proposed or confirmed date is released)
health-withdraw-submit = Withdraw
health-withdraw-tick = To withdraw, tick the box first.
health-done-accepted = Thank you: the date is confirmed, and we are sending a mail.
health-done-declined = The proposed date is released; you keep your place and we will propose another.
health-done-contact = Your contact details are updated.
health-done-withdrawn = Your request is withdrawn.

## Why the centre's queue or schedule refused a step

health-conflict-request-not-waiting = This request is not waiting (a date is proposed or confirmed, or it is withdrawn).
health-conflict-block-full = This block has no room left for it.
health-conflict-doctor-busy = The doctor already has something at that time.
health-conflict-place-mismatch = The block's place (centre or visit) differs from the request's.
health-conflict-block-past = This block is in the past.
health-conflict-withdrawn = This request has been withdrawn.
health-conflict-no-proposal = There is no proposed date to answer.
health-conflict-no-show-not-recorded = This request has no confirmed interview recorded as not having taken place.
health-conflict-other = This clashed with another change. Please try again.
