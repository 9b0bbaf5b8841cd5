## The directory (/directory): finding help by trouble

need-harassment = Relationships at work, harassment
need-overwork = Long working hours
need-dismissal = Dismissal, contract not renewed
need-unpaid-wages = Unpaid wages
need-debt = Debt and money
need-family = Family
need-mental-health = Mental health
need-physical-health = Physical health
need-suicidal = Finding it hard to go on
need-workplace-health = Health at the workplace (for employers)
need-return-to-work = Returning to work after leave
need-legal = Other legal problems
audience-worker = A working person
audience-employer = An employer or HR staff
audience-family = Family or a friend
method-phone = Phone
method-in-person = In person
method-mail = Mail
method-chat = SNS or chat

directory-link = Find help
directory-heading = Find help for what troubles you
directory-intro = Choose what troubles you to find services in and beyond Sendai. You can choose more than one.
directory-needs-legend = What troubles you (any number)
directory-audience-legend = Who you are
directory-method-legend = How you want to talk
directory-any = Any
directory-when-legend = Hours
directory-open-now = Open right now
directory-outside-hours = Open at night or on weekends
directory-search = Search
directory-results-heading = Services
directory-results-count = { $count ->
    [one] One service matches.
   *[other] { $count } services match.
}
directory-no-results = No service matches. Please try again with fewer choices.
directory-pages-nav = Pages of services
directory-prev-page = Previous { $per_page }
directory-next-page = Next { $per_page }
directory-page-of = Page { $page } of { $pages }
directory-crisis-heading = If you need someone to talk to now (including 24-hour lines)
directory-runs = Run by
directory-for-whom = For
directory-hours = Hours
directory-reach = Contact
directory-address = Address
directory-web = Website
directory-fees = Fees
directory-free = Free
directory-open-now-badge = Open now
directory-closed-now-badge = Closed now
directory-book-evening = Can be booked on this site (evening consultation)
directory-book-health = Can be requested on this site (occupational health centre)
directory-leaflet-link = Printable list (A4)
directory-unconfirmed = Please check the details with each organisation.
directory-other-doors = These services can help too

directory-leaflet-heading = Where to turn, by trouble
directory-leaflet-intro = You do not have to face it alone. Many services are free, and what you say is kept confidential.
directory-leaflet-qr = Find a service that is open now on this site: { $url }
directory-leaflet-print = Use your browser's Print to print it on A4.
directory-leaflet-need-legend = Print one trouble only
directory-leaflet-all = All troubles
directory-leaflet-show = Show
