## The staff screens (the office): the health centre's requests, the doctors' availability,
## scheduling, the doctors' schedule and the figures

staff-health-menu = Health centre menu
staff-health-queue-nav = Requests
staff-health-blocks-nav = Doctors' availability
staff-health-schedule-nav = Scheduling
staff-health-roster-nav = Doctors' schedule
staff-health-figures-nav = Figures
staff-health-to-evenings = To the evenings
staff-health-kind-consultation = (1) Consultation
staff-health-kind-checkup-opinion = (2) Check-up opinion
staff-health-kind-long-hours = (3) Long hours
staff-health-kind-high-stress = (4) High stress
# A request's service: "(1) Consultation: 3"
staff-health-service = { $kind }: { $workers }
staff-health-people = { $count }
staff-health-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
staff-health-no-due = No due date
# The business's contact person
staff-health-contact-person = { $name }
staff-health-number-business = Number and business
staff-health-due = Due
staff-health-business = Business
staff-health-place = Place
staff-health-centre = Centre
staff-health-visit = Visit
staff-health-visit-at = Visit: { $address }
staff-health-status = Status
staff-health-check-input = Please check what was entered

## Requests

staff-health-queue-title = Health centre: requests
staff-health-queue-intro = Nearest legal due date first, then in the order received ({ $count } in all). Overdue requests and those due soon are marked.
staff-health-late-heading = Requests not expected to be seen by their due date ({ $count })
staff-health-late-intro = These businesses have been told that the expected month is later than the legal due date and that the centre will contact them. Consider an earlier date or a change of order, and call them.
staff-health-late-line = { $number } { $business }: due { $due }, expected { $expected } (contact: { $contact })
staff-health-none-waiting = No requests are waiting.
staff-health-queue-caption = The requests, in order
staff-health-position = Position
staff-health-services = Services
staff-health-contact = Contact
staff-health-received = Received
staff-health-due-expected = Due and expected
staff-health-reorder = Change of order
staff-health-comes = At the centre
staff-health-expected = around { $month }
staff-health-expected-line = Expected: { $month }
staff-health-late-mark = Expected after the due date
staff-health-overdue = Overdue
staff-health-due-soon = Due soon
staff-health-moved = treated as due { $date } ({ $reason })
staff-health-moved-line = Changed: { $moved }
staff-health-waiting = Waiting
staff-health-proposed = Date proposed
staff-health-scheduled = Date confirmed
staff-health-accepted-by-phone = Accepted by phone
staff-health-declined-by-phone = Asked by phone for another date
staff-health-weekdays-legend = Days that suit (none ticked: any day)
staff-health-times-legend = Time of day that suits
staff-health-other-wishes = Other wishes (optional, up to 200 characters)
staff-health-record-decline = Record as a wish for another date (the position stays)
staff-health-move-to = Treat this day as the due date (empty: back to the legal due date)
staff-health-move-reason = Reason (it is recorded)
staff-health-move-submit = Change

## Doctors' availability

staff-health-blocks-title = Doctors' availability, { $month }
staff-health-no-blocks = There are no blocks this month.
staff-health-used = In use
staff-health-block-used = { $used }/{ $capacity } people ({ $minutes } minutes used)
staff-health-add-block = Add a block
staff-health-no-doctors = No doctor is registered. Add one to the list of professionals with the profession occupational physician.
staff-health-end-time = End time
staff-health-visit-workplace = A visit to the workplace
staff-health-capacity = Interviews it can take
# A block to choose when scheduling: "Wed 13 January 2027, 14:00–16:00 Taro Isha (2 left)"
staff-health-block-choice = { $from }–{ $to } { $doctor } ({ $left } left)

## Scheduling

staff-health-schedule-title = Health centre: scheduling
staff-health-schedule-heading = Scheduling
staff-health-confirmed-heading = Dates proposed by mail
staff-health-refused-heading = Not confirmed
staff-health-period-from = First day of the period
staff-health-period-to = Last day of the period
staff-health-make-proposal = Make a proposal
staff-health-proposal-heading = Proposal ({ $count })
staff-health-proposal-help = Requests with the nearest due date come first, each given the earliest block that suits its place, days and time of day. Untick the lines to leave out, change a block or start time if needed, then confirm (a changed block with the start left as it was gets the block's first free time). Confirming sends each business a mail with the proposed date.
staff-health-confirm-column = Confirm
staff-health-block-column = Block (time and doctor)
staff-health-confirm-this = Confirm { $number }
staff-health-block-of = Block for { $number }
staff-health-start-of = Start time for { $number }
staff-health-proposed-block = Proposed: { $when } { $doctor }
staff-health-confirm-submit = Confirm and send the proposals
staff-health-unassigned-heading = Requests that fit no block of this period ({ $count })
staff-health-unassigned-line = { $number } { $business } (due: { $due })
staff-health-request-n = Request { $id }

## Doctors' schedule

staff-health-roster-title = Doctors' schedule, { $month }
staff-health-no-interviews = There are no interviews this month.
staff-health-workers = People
staff-health-accepted = Confirmed
staff-health-awaiting-answer = Awaiting the answer
staff-health-request-closed = Request closed
staff-health-requeued = Back in the queue
staff-health-took-place = took place
staff-health-did-not-take-place = did not take place
staff-health-record-attended = It took place
staff-health-record-no-show = It did not take place
staff-health-after-no-show = What to do with a request whose interview did not take place (the business is told by mail)
staff-health-requeue = Put it back in the queue at its position
staff-health-close-reason = Reason for closing (needed to close; it is also in the mail to the business)
staff-health-close = Close the request

## Figures

staff-health-figures-title = Health centre figures
staff-health-first-month = First month
staff-health-last-month = Last month
staff-health-show = Show
staff-health-figures-intro = Requests whose interview took place (the date confirmed and past) are counted in the month of the interview. Days waited run from the day received to the interview.
staff-health-no-figures = There are no figures for this period.
staff-health-month = Month
staff-health-workplaces = Businesses
staff-health-median-wait = Days waited (median)
staff-health-p90-wait = Days waited (90th percentile)
staff-health-seen-after-due = Seen after the due date
