## The staff screens (the office): frame, sign-in, the month's evenings, the day sheet,
## the call list, the export, professionals, staff accounts, the audit log, confirmations
## and the messages after a step

## Frame

staff-site-title = Office
staff-site-name = Consultation evenings: office
staff-menu = Staff menu
staff-sign-out = Sign out
# A name with a word about it: "Ritsuko Nori (Lawyer)"
staff-name-and-detail = { $name } ({ $detail })
# A label and its text: "First day: Please give a date…"
staff-labelled = { $label }: { $text }
# Between words of a list (a Saturday and a national holiday)
staff-list-and = {" and "}
staff-list-comma = {", "}
staff-role-admin = Administrator
staff-role-coordinator = Coordinator
staff-role-professional = Professional
staff-profession-doctor = Occupational physician

## Sign-in

staff-login-title = Sign in
staff-login-heading = Staff sign-in
staff-login-failed = The email address or the password is not right.
staff-email = Email address
staff-password = Password
staff-login-submit = Sign in

## Confirmation and error pages

staff-confirm-nothing-yet = Nothing has been changed yet.
staff-confirm-go = Yes, do it
staff-confirm-back = Go back without changing anything
staff-error-title = Error
staff-error-heading = This could not be done
staff-forbidden-heading = You cannot do this
staff-forbidden-help = This screen or step is outside your role. If you need it, please ask the office's administrator.
staff-to-top = To the office's start page

## Messages after a step

staff-done-attendance = Attendance recorded.
staff-done-assigned = The professional is assigned.
staff-done-moved = The evening is moved. Everyone booked has been told by mail.
staff-done-cancelled = The evening is cancelled. Everyone booked has been told by mail; please call those reached by phone.
staff-done-restored = The cancellation is taken back. The evening takes bookings again (cancelled bookings stay cancelled).
staff-done-added = The evening is added.
staff-done-booking-cancelled = The booking is cancelled.
staff-done-booked = The phone booking is entered. A confirmation mail has been sent.
staff-done-booked-phone-only = The phone booking is entered. No mail is sent: the call three days before is on the evening's call list.
staff-done-generated = The series' evenings are created (months already created stay as they are).
staff-done-series = The series rule is saved.
staff-done-professional-added = The professional is added to the list.
staff-done-professional-rested = The professional is resting.
staff-done-professional-restored = The professional is active again.
staff-done-account-added = The account is added.
staff-done-account-closed = The account is closed. Its sign-in and API tokens no longer work.
staff-done-account-reopened = The account is reopened.

## Why the office's step was refused

staff-conflict-attendance-too-early = Attendance can be recorded once the evening has started.
staff-conflict-session-not-scheduled = This evening has already been cancelled.
staff-conflict-session-not-movable = This evening cannot be moved (it is cancelled, or the new time has passed).
staff-conflict-session-not-restorable = This evening cannot be restored (its time has passed, or another evening is at the same time).
staff-conflict-cannot-close-own-account = You cannot close your own account.
staff-conflict-other = This clashed with another change. Please try again.

## The month's evenings

staff-roster-title = Evenings in { $month }
staff-roster-caption = The evenings of { $month }
staff-month-nav = Months
staff-prev-month = Previous month
staff-next-month = Next month
staff-export-month = Export this month's bookings as CSV
staff-professionals-link = Professionals
staff-accounts-link = Staff accounts
staff-audit-link = Audit log
staff-health-roster-link = Health centre (doctors' schedule)
staff-health-queue-link = Health centre requests
staff-no-evenings = There are no evenings this month.
staff-when = Date and time
staff-bookings = Bookings
# After the date of a cancelled evening
staff-cancelled-mark = {" (cancelled)"}
staff-unassigned = Not assigned
# Bookings: Lawyer 2/4 · Psychologist 1/4, waitlist 0
staff-fill = Lawyer { $lawyers } · Psychologist { $psychologists }, waitlist { $waiting }
staff-fill-with-attendance = Lawyer { $lawyers } · Psychologist { $psychologists }, waitlist { $waiting }, attended { $attended }, absent { $no_shows }
staff-call-list-count = Call list ({ $count })
staff-doctor-days-heading = Health centre: doctors' interview days
staff-date = Date
staff-doctor = Doctor
staff-interviews = Interviews
staff-interview-count = { $count }
staff-add-evening-heading = Add an evening
staff-add-evening-date = Date (a one-off evening)
staff-start-time = Start time
staff-add = Add
staff-series-legend = The series rule (used for evenings created from now on)
staff-series-week = Week of the month
staff-series-weekday = Weekday
staff-series-save = Save the rule
staff-generate-months = Months of series evenings to create (months already created stay as they are)
staff-generate = Create
staff-weekday-mon = Monday
staff-weekday-tue = Tuesday
staff-weekday-wed = Wednesday
staff-weekday-thu = Thursday
staff-weekday-fri = Friday

## Day sheet

staff-sheet-title = Day sheet, { $date }
staff-sheet-title-cancelled = Day sheet, { $date } (cancelled)
staff-sheet-cancelled = This evening has been cancelled.
staff-sheet-cancelled-told = Its bookings were cancelled and the people booked have been told.
staff-sheet-summary = Venue: { $venue } · Lawyer: { $lawyer } · Psychologist: { $psychologist }
staff-sheet-caption = Slots and the people booked
staff-time = Time
staff-consultant = Professional
staff-name-kana = Name (reading)
staff-phone = Phone
staff-topic = Topic
staff-first-visit = First visit
staff-returning = Returning
staff-attendance = Attendance
staff-phone-only = By phone
staff-attendance-after-start = Can be recorded once the evening has started
staff-cancel-booking = Cancel the booking
# For screen readers: whose booking the button is for
staff-cancel-booking-whose = {" "}({ $name }, { $time })
staff-attendance-of = Attendance of { $name }
staff-note = Note
staff-record = Record
staff-free = (free)
staff-cancelled-slot = (cancelled)
staff-phone-book = Enter a booking taken by phone
# For screen readers: which slot the link is for
staff-phone-book-which = {" "}({ $time }, { $profession })
staff-restore-heading = Restore the evening
staff-restore-help = Restoring the evening makes it take bookings again. Cancelled bookings stay cancelled.
staff-restore = Restore the evening
staff-manage-heading = Manage this evening
staff-assign-label = Professional to assign
staff-assign = Assign
staff-move-date = New date (everyone booked is told by mail)
staff-move = Move the evening
staff-cancel-evening-help = Cancelling tells everyone booked by mail and cancels their bookings.
staff-cancel-evening = Cancel this evening
staff-call-list-link = Call list ({ $count }, to call three days before)
staff-back-to-month = Back to the month
staff-attended = Attended
staff-no-show = No-show
staff-late-cancel = Late cancellation

## Confirming a booking's cancellation

staff-cancel-booking-heading = Cancel this booking?
staff-cancel-booking-line = This cancels the booking of { $name } ({ $when }, { $profession }).
staff-cancel-booking-no-email = This person has no email address. Please tell them by phone that it is cancelled.
staff-cancel-booking-mail = They will be told by mail that it is cancelled.
staff-cancel-booking-go = Yes, cancel the booking

## Confirming an evening's cancellation, or an evening on an unusual day

staff-cancel-evening-heading = Cancel the evening of { $date }?
staff-cancel-evening-line = This cancels the evening from { $when }.
staff-cancel-evening-booked = { $count ->
    [one] The one booking is cancelled, and the person is told by mail if they have an email address. The waitlist ends too.
   *[other] All { $count } bookings are cancelled and those with an email address are told that the evening is cancelled. The waitlist ends too.
}
staff-cancel-evening-none-booked = This evening has no bookings yet.
staff-cancel-evening-undo = The cancellation can be taken back later, but cancelled bookings stay cancelled.
staff-cancel-evening-go = Yes, cancel this evening
staff-unusual-heading = Hold an evening on { $date }?
staff-unusual-line = { $date } is { $why }.
staff-unusual-public = An evening on this day is published at once and takes bookings. Please check that the date is right.
staff-unusual-go = Yes, hold it on this day
staff-unusual-saturday = a Saturday
staff-unusual-sunday = a Sunday
staff-unusual-holiday = a national holiday ({ $name })
staff-unusual-closure = a day the office is closed (such as the New Year holidays)
# The API's answer: send again with the confirmation
staff-unusual-day-message = This day is { $why }. An evening on it goes public at once: to hold it all the same, send again with "confirm_unusual_day": true.

## Call list and phone bookings

staff-calls-title = Call list, { $date }
staff-calls-intro = These callers have no email address. Instead of the confirmation mail, please call them on { $date } (three days before) with the date, time and venue.
staff-calls-none = Nobody is to be called.
staff-calls-caption = Callers to tell by phone
staff-called = Called
staff-back-to-sheet = Back to the day sheet
staff-phone-privacy-heading = Personal information (read this out on the phone and ask for consent)
staff-phone-no-email = For a caller without an email address, leave the email address empty. No confirmation mail is sent; they are called three days before (the day sheet's call list).
staff-phone-consent = Consent was given orally on the phone
staff-phone-email-hint = Leave this empty for a caller without an email address (the confirmation and the reminder are then given by phone).

## Export (CSV)

staff-export-title = Export bookings
staff-export-heading = Export bookings (CSV)
staff-export-check = Please check the period to export.
staff-export-from = First day
staff-export-to = End day (not included)
staff-export-to-short = End day
staff-export-reversed = The end day must be later than the first day.
staff-export-submit = Export as CSV
staff-csv-booking = Booking
staff-csv-date = Date
staff-csv-start = Start
staff-csv-when = Date and time
staff-csv-professional = Professional
staff-csv-status = Status
staff-csv-attendance = Attendance
staff-csv-name = Name
staff-csv-kana = Reading
staff-csv-phone = Phone
staff-csv-email = Email
staff-csv-age = Age
staff-csv-topic = Topic
staff-csv-taken-by = Taken by
staff-csv-booked = Booked
staff-csv-cancelled = Cancelled

## Professionals

staff-professionals-title = Professionals
staff-professionals-caption = The list of professionals
staff-name = Name
staff-profession = Profession
staff-organisation = Organisation
staff-contact = Contact
staff-state = Status
staff-professional-active = Active
staff-professional-rest = Rest
staff-professional-resting = Resting
staff-professional-restore = Make active again
staff-add-professional = Add a professional

## Staff accounts

staff-accounts-title = Staff accounts
staff-accounts-caption = The staff accounts
staff-role = Role
staff-account-open = Open
staff-account-close = Close
staff-account-closed = Closed
staff-account-reopen = Reopen
staff-add-account = Add an account
staff-role-professional-choice = Professional (chosen from the list)
staff-account-professional = For a professional: who they are on the list
staff-none = (none)
staff-first-password = First password (12 characters or more)
staff-account-refused = The account could not be added ({ $reason }). Please check the email address, a password of 12 characters or more, and for a professional their entry on the list.
staff-close-account-heading = Close this account?
staff-close-account-line = This closes the account of { $name } ({ $email }).
staff-close-account-effect = Once closed, this member of staff can no longer sign in and their API tokens stop working. The account can be reopened later.
staff-close-account-go = Yes, close it

## Audit log

staff-audit-title = Audit log
staff-audit-search = Search by staff name, action or subject
staff-search = Search
staff-audit-caption = The audit log, newest first
staff-audit-staff = Staff
staff-audit-action = Action
staff-audit-subject = Subject
staff-audit-detail = Detail
staff-audit-consent-oral = Consent: given orally by phone
staff-audit-phone-only = Reached by phone (no email)
staff-audit-detail-separator = {"; "}
staff-action-sign-in = Signed in
staff-action-view-roster = Viewed the month's roster
staff-action-view-day-sheet = Viewed a day sheet
staff-action-view-call-list = Viewed the call list
staff-action-view-mail-states = Viewed a booking's mails
staff-action-export = Exported bookings as CSV
staff-action-attendance = Recorded attendance
staff-action-book-for-caller = Booked for a caller
staff-action-cancel-for-caller = Cancelled a booking for a caller
staff-action-move-for-caller = Moved a booking for a caller
staff-action-add-session = Added an evening
staff-action-move-session = Moved an evening
staff-action-cancel-session = Cancelled an evening
staff-action-restore-session = Restored an evening
staff-action-assign = Assigned a professional
staff-action-generate = Created the series' evenings
staff-action-set-series = Changed the series rule
staff-action-add-professional = Added a professional
staff-action-professional-active = Rested or restored a professional
staff-action-add-staff = Added a staff account
staff-action-staff-active = Closed or reopened a staff account
staff-action-directory-added = Added a directory service
staff-action-directory-changed = Changed a directory service
staff-action-directory-confirmed = Confirmed a directory service with its organisation
staff-action-directory-imported = Imported directory services (HSDS package)
staff-action-referral-made = Referred a person
staff-action-referral-viewed = Referral viewed (by the service)
staff-action-referral-updated = Referral updated (by the service)
staff-action-referral-closed = Closed a referral
staff-action-view-referrals = Viewed the referrals
staff-action-view-referral-figures = Viewed the referrals' figures
staff-action-view-health-queue = Viewed the health queue
staff-action-view-health-roster = Viewed the doctors' roster
staff-action-health-move = Moved a health request
staff-action-health-block = Added a doctor's block
staff-action-health-propose = Proposed interview dates
staff-action-health-accept-for = Accepted a date for a business
staff-action-health-decline-for = Asked for another date for a business
staff-action-health-attendance = Recorded an interview's outcome
staff-action-health-requeue = Put a request back in the queue after a no-show
staff-action-health-close = Closed a request after a no-show
