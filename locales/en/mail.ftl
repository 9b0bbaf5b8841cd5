## The evening consultations' mails (subjects, bodies, calendar entries)
## Subjects name neither the consultant's profession nor the topic (a mailbox or a lock screen may be seen by others)

# The greeting
mail-dear = Dear { $name },
# One line of details in the text: "label: value"
mail-detail = { $label }: { $value }
# A time range: Wed 13 January 2027, 18:30–19:20
mail-time-range = { $start }–{ $end }
# The slot before a change: date, time and consultant
mail-slot-with-consultant = { $time } { $consultant }
mail-date-time = Date and time
mail-consultant = Consultant
mail-venue = Venue
mail-bring = What to bring
mail-questions = Questions: { $office }, phone { $phone } ({ $hours }).
# One place to turn to: name, phone, hours
mail-contact = { $name }: { $phone } ({ $hours })
mail-talk-now = If you need to talk to someone now:
mail-automatic = This mail was sent automatically. Replies are not read.
# The name of the calendar entry (calendars are often shared)
mail-calendar-summary = Consultation booking
mail-manage-link = See, change or cancel your booking

## Booking confirmed
mail-confirmed-subject = Your consultation booking: { $date } (Sendai City)
# title: the name of the evenings (configured)
mail-confirmed-lead = Your booking for the { $title } is confirmed.
mail-confirmed-arrive = Please arrive a few minutes early. The consultation is free and confidential.
mail-confirmed-manage-text = To see or cancel your booking, open this link (keep it to yourself):
mail-confirmed-manage-link = See or cancel your booking
mail-confirmed-cannot-come = If you cannot come, please tell us so that someone else can use the slot.
mail-confirmed-before-the-day = If you need to talk to someone before the day:

## Booking cancelled
mail-cancelled-subject = Your consultation booking is cancelled: { $date } (Sendai City)
mail-cancelled-body = The following booking is cancelled.
mail-cancelled-again = Whenever you need to talk, you are welcome to book again.

## Booking changed
mail-changed-subject = Your consultation booking has changed: { $date } (Sendai City)
mail-changed-body = Your booking is now as follows.
mail-changed-before = Before

## On the waitlist
mail-waitlist-subject = You are on the consultation waitlist (Sendai City)
mail-waitlist-body = You are on the waitlist. When a slot is freed, we offer it by mail, in the order people joined.
mail-waitlist-deadline = An offer must be answered by its deadline; after that it goes to the next person.
mail-waitlist-evening = Evening
mail-waitlist-any-evening = Any evening (the next free slot)
mail-waitlist-place = Your place
mail-waitlist-place-value = { $place }
mail-waitlist-link = See your place or leave the waitlist

## A freed slot offered
mail-offer-subject = A consultation slot is free for you: { $date } (Sendai City)
mail-offer-body = A slot you were waiting for has been freed, and we are holding it for you.
mail-offer-answer = Please accept or decline it by { $deadline } with the link below. After that it goes to the next person.
mail-offer-deadline = Answer by
mail-offer-link = Accept or decline this slot

## The offer expired
mail-offer-expired-subject = Your consultation offer has expired (Sendai City)
mail-offer-expired-body = The deadline has passed, so the slot we held for you has gone to the next person.
mail-offer-expired-again = If you still wish to talk to someone, please book a free slot or join the waitlist again.

## Reminder
mail-reminder-subject = Reminder: your consultation on { $date } (Sendai City)
mail-reminder-body = This is a reminder of your booking.
mail-reminder-cancel = If you cannot come, please cancel with the link below, so that the slot can go to someone else.
mail-reminder-link = See, change or cancel your booking (if you cannot come)

## The evening cancelled
mail-session-cancelled-subject = The consultation evening on { $date } is cancelled (Sendai City)
mail-session-cancelled-body = We are sorry: the consultation evening you booked has been cancelled, and so has your booking.
mail-session-cancelled-again = Please book another evening if you wish. Call us with any question.

## Follow-up consultation: a slot of a later evening held
mail-follow-up-subject = A consultation slot is held for you (Sendai City, { $date })
mail-follow-up-body = As agreed with the consultant, we have held a slot of a later evening for you, before booking opens to the public.
mail-follow-up-answer = Please book it or decline it through the link below by { $deadline }. Without an answer, the slot opens to others when booking opens.
mail-follow-up-expired-subject = The slot held for you (Sendai City, { $date })
mail-follow-up-expired-body = As we had no answer, the slot held for you is no longer held. If you would like a consultation, please book once booking opens.
