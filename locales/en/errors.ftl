## Refused fields, rules not kept, error pages

field-required-choice = Please choose one.
field-required = Please fill this in.
field-too-long = Please use at most { $max } characters.
field-too-short = Please use at least { $min } characters.
field-control-characters = This contains characters that cannot be used here (control characters or line breaks).
field-invisible-characters = This contains invisible characters (such as direction marks or zero-width characters). If you pasted it, please type it instead.
field-kana-only = Please write this in katakana or hiragana, or in Latin letters.
field-phone = Please enter a Japanese phone number: 10 or 11 digits starting with 0, or +81 instead of the 0 (e.g. 090-1234-5678 or +81 90-1234-5678).
field-email = This is not a valid email address (e.g. taro@example.jp).
field-choice = Please choose one of the options.
field-consent-required = To book, please agree to how we handle your personal information.
field-not-a-number = Please give a number.
field-wrong-type = Please give text.
field-no-such-slot = There is no such slot.
field-date = Please give a date as 2027-01-13.
field-future-date = This date cannot be later than today.
field-range = Please give a number from { $min } to { $max }.
field-duplicate = The same choice is given twice.
field-outside-area = The address is outside the area the centre serves. Please give it including the city.
field-too-many-workers = The centre serves workplaces of at most { $max } workers. A workplace of { $over } or more must appoint its own occupational physician.

rule-not-yet-open = Booking for this evening opens on { $when }. Please come back then, or choose an earlier evening.
rule-closed = Booking for this evening closed on { $when }. Please choose a later evening, or call the office.
rule-one-booking-per-person = One person (same email or phone) can book one slot per consultant per evening. To change your booking, use the link in your confirmation mail.
rule-not-a-pair = To see both consultants, choose one lawyer slot and one psychologist slot on the same evening.
rule-already-waiting = You are already on this waitlist. The link in your mail shows your place.
rule-slots-available = There are free slots: please book one of them instead of waiting.
rule-offer-gone = This offer has expired or has already been answered. Please book a free slot, or join the waitlist again.
rule-booking-cancelled = This booking is cancelled. Please make a new booking.
rule-overlapping-slots = You cannot see both consultants at the same time. Please choose slots that do not overlap.

error-bad-request = The request could not be read.
error-not-utf8 = What was sent contains characters that could not be read, and nothing was saved. Please go back, type it again and send it once more.
error-unauthorized = Sign in as staff: Authorization: Bearer <token>.
error-forbidden = Your role does not allow this.
error-slot-closed = This slot is closed for booking. Please choose another one.
error-too-large = The request is too large.
error-unsupported-media-type = Send JSON with Content-Type: application/json.

# Before the office's phone number at the foot of the page
phone-label = Phone
