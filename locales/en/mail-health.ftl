## The health centre's mails to a business (subjects, bodies, calendar entries)
## Subjects name the centre and the request number only, never the kinds of interview (a mailbox may be shared)

# The greeting: the person, then the business
mail-health-dear = Dear { $contact } ({ $business }),
mail-health-number = Request number
mail-health-status-link = See your request, change contact details or withdraw
mail-health-place-in-queue = Your place in the queue
mail-health-place-value = { $place }
mail-health-expected = Expected
# month: February 2027
mail-health-expected-value = around { $month }
mail-health-due = Legal due date
mail-health-place = Place
mail-health-visit = The doctor visits your workplace
mail-health-doctor = Doctor
mail-health-reason = Reason
# When the date of the appointment that did not take place is not known
mail-health-planned-day = the planned day
# The name of the calendar entry (never the kind of interview)
mail-health-calendar-summary = Occupational health centre: appointment with the doctor
mail-health-calendar-visit = Your workplace (the doctor visits)
# When the expected month is later than the legal due date (also on the pages)
mail-health-late = The expected month is later than the legal due date. The centre has been told and will contact you about the date.

## Request received
mail-health-received-subject = Request received ({ $number }) — { $centre }
mail-health-received-body = We have received your request. Requests are scheduled in the order of their legal due dates, and we will write to you with a date.
mail-health-received-estimate = Your place and the expected month are estimates from the current queue.

## A date proposed
mail-health-proposed-subject = A proposed date for your request ({ $number }) — { $centre }
mail-health-proposed-body = We propose the following date for your request.
mail-health-proposed-answer = Please tell us with the link below whether this date suits you or you would like another. Asking for another keeps your place.

## The date confirmed
mail-health-accepted-subject = Your date is confirmed ({ $number }) — { $centre }
mail-health-accepted-body = The following date is confirmed. Please have the health-check results and working-hours records of the workers concerned at hand.

## Another date asked for
mail-health-declined-subject = We will find another date ({ $number }) — { $centre }
mail-health-declined-body = The proposed date is released. You keep your place, and we will propose another date.

## Withdrawn
mail-health-withdrawn-subject = Your request is withdrawn ({ $number }) — { $centre }
mail-health-withdrawn-body = Your request is withdrawn. You are welcome to apply again at any time.

## Did not take place: back in the queue
mail-health-requeued-subject = We will find a new date ({ $number }) — { $centre }
mail-health-requeued-body = The appointment on { $when } did not take place. Your request is back in the queue at its original place, and we will propose a new date.

## Did not take place: closed
mail-health-closed-subject = Your request is closed ({ $number }) — { $centre }
mail-health-closed-body = As the appointment on { $when } did not take place, your request is closed. To use the centre again, please send a new request or call the centre.

## Reminder
mail-health-reminder-subject = Reminder: your appointment ({ $number }) — { $centre }
mail-health-reminder-body = This is a reminder of your appointment.
