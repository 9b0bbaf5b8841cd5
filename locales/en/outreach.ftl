## Outreach: "how did you hear of it", notices of free slots, the public calendar, the embed and the poster

heard-from-question = How did you hear of these consultations?
health-heard-from-question = How did you hear of this service?
heard-from-hint = You need not answer. It helps us reach more people.

subscribe-link = Get notices of free slots
subscribe-heading = Get notices of free slots
subscribe-intro = We mail you when booking opens for the next consultations, or when a slot soon is free. We keep only your email address.
subscribe-kinds = What to be told
subscribe-kinds-hint = Choose one or both.
subscribe-new-month = When booking opens for next month's consultations
subscribe-free-slot = When a consultation within { $days } days has a free slot and nobody is waiting for it
subscribe-email = Email address
subscribe-email-hint = We send a mail to confirm. Open its link to finish.
subscribe-submit = Subscribe
subscribe-privacy = At most one notice a day, sent between 8:00 and 21:00. Your address is used for these notices only, and deleted as soon as you unsubscribe.
subscribe-sent-heading = We sent you a mail to confirm
subscribe-sent-body = Open the link in the mail to finish. If you do not open it within 7 days, nothing is subscribed and your address is deleted. If no mail arrives, check your spam filter.
subscribe-confirmed-heading = You are subscribed
subscribe-confirmed-body = We will mail you notices of free slots. Each notice has a link to unsubscribe.
subscribe-link-gone = This link cannot be used: it was used already, or more than 7 days have passed. Please subscribe again if you wish.
unsubscribe-heading = Unsubscribe from notices of free slots
unsubscribe-body = Unsubscribing deletes your email address.
unsubscribe-submit = Unsubscribe
unsubscribe-done-heading = You are unsubscribed
unsubscribe-done-body = Your email address has been deleted. No more notices will be sent.
subscribe-field-kinds = What to be told

subscription-confirm-subject = Notices of free consultation slots (please confirm)
subscription-confirm-body = We received a request to send notices of free consultation slots to this address. Open the link below to confirm (valid for 7 days).
subscription-confirm-link = Confirm
subscription-confirm-ignore = If you did not ask for this, ignore this mail. Nothing is subscribed unless the link is opened, and the address is deleted after 7 days.
subscription-notice-subject = Notices of free consultation slots
subscription-notice-body = Here is the news you asked for about the consultations.
subscription-notice-opened = Booking has opened for { $date } ({ $free } free)
subscription-notice-free = { $date }: a free slot with a { $profession } ({ $free } free)
subscription-notice-book = Book
subscription-notice-pace = These notices come at most once a day, in the daytime only.
subscription-unsubscribe = Unsubscribe (deletes your address)

feed-summary = Evening consultations
feed-free = Free: lawyer { $lawyer }, clinical psychologist { $psychologist }
feed-book = Book: { $url }
feed-cancelled = This evening has been cancelled.
embed-heading = Next consultations
embed-free = { $free } free
embed-book = Book
embed-none = No consultation has a free slot at the moment.
embed-all = All consultations

poster-title = Poster
poster-lead = Talk about trouble at work or worries on your mind with a lawyer or a clinical psychologist.
poster-free = Free · by appointment · confidential
poster-when = When
poster-where = Where
poster-book = Book here
poster-print = Print (A4)
