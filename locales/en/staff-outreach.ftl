## Staff: outreach

staff-outreach-link = Outreach
staff-outreach-heading = Outreach
staff-outreach-intro = Where bookings and requests came from (the answers to "how did you hear of it" and the links' channels), subscriptions to notices of free slots, and the services that pass notices on. Nothing here identifies a person.
staff-outreach-period = Period
staff-outreach-from = From
staff-outreach-to = To
staff-outreach-show = Show
staff-outreach-answers = Answers to "how did you hear of it"
staff-outreach-channels = Link channels (?src=)
staff-outreach-source = Answer or channel
staff-outreach-bookings = Bookings
staff-outreach-waitlist = Waitlist
staff-outreach-health = Health centre requests
staff-outreach-subscriptions = Subscriptions
staff-outreach-unanswered = Not answered
staff-outreach-no-channel = No channel
staff-outreach-subscribed-now = Subscribed to notices now: { $count }
staff-outreach-partners = Services that pass notices on
staff-outreach-partners-hint = The services chosen here are named, in the alert for an evening still filling ({ $days } days before), as those to ask to pass the notice on.
staff-outreach-partner-yes = Passes notices on
staff-outreach-partner-add = Add
staff-outreach-partner-remove = Remove
staff-outreach-public = What is published (no personal data)
staff-outreach-calendar = Calendar of the evenings (iCalendar)
staff-outreach-next = The next evening (JSON)
staff-outreach-embed = The embed for partners' sites
staff-outreach-embed-code = Code to embed
staff-outreach-posters = A poster for each evening
staff-outreach-subscribe = The page to subscribe to notices

staff-low-fill-subject = Free slots left on { $date }
staff-low-fill-body = The consultations on { $date } still have free slots ({ $days } days before). Use the text and the poster below to ask the services that pass notices on.
staff-low-fill-free = Free: lawyer { $lawyer }, clinical psychologist { $psychologist }
staff-low-fill-partners = Services that pass notices on
staff-low-fill-no-partners = No service has been chosen to pass notices on yet (choose them under "Outreach" in the staff screens).
staff-low-fill-forward = Text to forward
staff-low-fill-forward-text = { $when }, at { $venue }: "{ $title }". Free consultations with a lawyer or a clinical psychologist (by appointment, confidential). Free slots: { $free }. Book: { $url }
staff-low-fill-poster = Poster (to print)

staff-action-outreach-partner = Changed a service that passes notices on
staff-action-view-outreach = Viewed the outreach figures
staff-done-partner-changed = The services that pass notices on were changed.
